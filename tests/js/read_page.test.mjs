// The plan interpreter (extension/read_page.js) run over fixture pages in Node (jsdom), with
// the read plans generated from Rust: each field is found by the selector the fixture's
// evidence says must find it (the same `winning` the browser suite checks), the raw strings are
// the page's, and nothing outside the record scope or inside our own overlay is read. Fixtures
// whose records live in declarative shadow roots are read in the browser suite only (jsdom does
// not attach them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXPECTED, fillDates, renderFixture } from '../e2e/harness.mjs';
import { windowWith } from './dom.mjs';

const SCRIPTS = ['dist/read_plan.js', 'extension/read_page.js'];
const lightDom = Object.entries(EXPECTED).filter(
  ([file, e]) => e.kind === 'deal_record' && e.winning && !readFileSync(`tests/fixtures/${file}`, 'utf8').includes('shadowrootmode'),
);

function readerOn(file, url) {
  const w = windowWith(renderFixture(file), { url, scripts: SCRIPTS });
  const reader = w.STALLWATCH_READER.readerFor(w.STALLWATCH_READ_PLANS, w.location.hostname);
  return { w, reader };
}

test('light-DOM record fixtures exist to read', () => {
  assert.ok(lightDom.length >= 3, lightDom.map(([f]) => f).join(', '));
});

for (const [file, entry] of lightDom) {
  test(`${file}: each field found by its winning selector, with the page's words`, () => {
    const { reader } = readerOn(file, entry.url);
    assert.equal(reader.pageKind(), 'deal_record');
    const snap = reader.snapshot(null);
    assert.equal(snap.url, entry.url);
    for (const [field, css] of Object.entries(entry.winning)) {
      const hit = snap.fields[field];
      assert.ok(hit, `${file}: ${field} was read`);
      const planField = reader.plan.fields.find((f) => f.field === field);
      assert.equal(planField.selectors[hit.source].css, css, `${file}: ${field} found by its winning selector`);
    }
    // Spaces compared as spaces: the CRMs print amounts with no-break and narrow spaces.
    const plain = (t) => t.replace(/\s+/gu, ' ');
    for (const [field, want] of Object.entries(entry.fields || {})) {
      if (!snap.fields[field] || typeof want !== 'string') continue;
      assert.ok(plain(snap.fields[field].value).includes(plain(fillDates(want))), `${file}: ${field} = ${JSON.stringify(snap.fields[field].value)}, want ${want}`);
    }
    const items = Array.isArray(entry.activities) ? entry.activities.length : Number(entry.activities) || 0;
    assert.equal(Array.isArray(snap.activities), true, `${file}: the timeline was read`);
    if (items > 0) assert.ok(snap.activities.length > 0, `${file}: the timeline's items were read`);
  });
}

test('our own overlay is never read, and a value cannot grow past its cap', () => {
  const [file, entry] = lightDom[0];
  const { w, reader } = readerOn(file, entry.url);
  const before = reader.snapshot(null);
  const host = w.document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.append(w.document.createTextNode('Stallwatch card text'));
  w.document.documentElement.append(host);
  const after = reader.snapshot(host);
  assert.equal(JSON.stringify(after).includes('Stallwatch card text'), false);
  assert.deepEqual(after.fields, before.fields);
  // A huge value is cut, not shipped whole.
  const name = w.document.querySelector(entry.winning.name);
  name.textContent = 'x'.repeat(50_000);
  assert.ok(reader.snapshot(null).fields.name.value.length <= 2000);
});

test('a page that is not a deal page is not read as one', () => {
  const [file, entry] = lightDom[0];
  const url = new URL(entry.url);
  const { reader } = readerOn(file, `${url.origin}/settings/notifications`);
  assert.notEqual(reader.pageKind(), 'deal_record');
});
