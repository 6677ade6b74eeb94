// Which mutations cost a re-read (extension/content/relevance.js), on a real DOM (jsdom): the
// rules the busy-page benchmark depends on, checked without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowWith } from './dom.mjs';
import { brings, relevant, within } from '../../extension/content/relevance.js';

function page() {
  const w = windowWith(`<body>
    <header id="clock">09:00</header>
    <div id="record"><section id="amount">48,500.00</section><section id="feed">note</section><div id="host"></div></div>
  </body>`);
  const d = w.document;
  const host = d.getElementById('host');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<span id="stage">Negotiation</span>';
  return { w, d, record: d.getElementById('record'), amount: d.getElementById('amount'), feed: d.getElementById('feed'), stage: root.getElementById('stage'), host };
}

const rec = (target, added = []) => ({ target, addedNodes: added });

test('within climbs through shadow roots to their hosts', () => {
  const { record, stage, amount } = page();
  assert.ok(within(stage, new Set([record])), 'from inside a shadow root up to the record');
  assert.ok(!within(record, new Set([amount])));
});

test('a complete reading: only what a value came from counts', () => {
  const { d, record, amount, feed, stage } = page();
  const watched = { scope: record, roots: [], sources: new Set([amount, stage]), complete: true, missing: null };
  assert.ok(!relevant([rec(d.getElementById('clock'))], watched), 'a header clock');
  assert.ok(!relevant([rec(feed)], watched), 'a feed elsewhere in the record');
  assert.ok(relevant([rec(amount.firstChild)], watched), 'the amount\'s text');
  assert.ok(relevant([rec(stage)], watched), 'a value inside a shadow root');
  amount.remove();
  assert.ok(relevant([rec(feed)], watched), 'a value\'s element gone: read again');
});

test('a field still missing: an addition that would match it counts, others do not', () => {
  const { d, record, amount, feed } = page();
  const watched = { scope: record, roots: [], sources: new Set([amount]), complete: true, missing: '[data-field="next_step"]' };
  const plain = d.createElement('p');
  assert.ok(!relevant([rec(feed, [plain])], watched));
  const next = d.createElement('div');
  next.innerHTML = '<span data-field="next_step">Call</span>';
  assert.ok(brings(next, watched.missing));
  assert.ok(relevant([rec(feed, [next])], watched));
  assert.ok(!relevant([rec(d.body, [next])], watched), 'outside the record it does not');
  assert.ok(!brings(d.createTextNode('x'), 'span'), 'text is never an element');
});

test('an incomplete reading: anything inside the record; no record: everything', () => {
  const { d, record, feed } = page();
  assert.ok(relevant([rec(feed)], { scope: record, roots: [], sources: new Set(), complete: false, missing: null }));
  assert.ok(!relevant([rec(d.getElementById('clock'))], { scope: record, roots: [], sources: new Set(), complete: false, missing: null }));
  assert.ok(relevant([rec(d.getElementById('clock'))], { scope: null, roots: [], sources: new Set(), complete: true, missing: null }));
});
