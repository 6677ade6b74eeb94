// The redacting structure report (extension/page_structure.js), in Node (jsdom): what a rep
// copies into a bug report keeps the page's shape and drops its words, ids and addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowWith } from './dom.mjs';

const SECRET_PAGE = `<body>
  <div class="record-home" data-testid="deal-card">
    <h1 title="Acme renewal for Dana">Acme renewal for Dana</h1>
    <a href="/lightning/r/Opportunity/0065g00000XyZ12AAB/view">Open</a>
    <a href="https://evil.example/track?u=dana@acme.com">x</a>
    <span id="0035g00000Ax7CcAAJ">dana.whitfield@acme.com</span>
    <input value="USD 48,500.00" aria-label="Amount 48,500">
  </div>
</body>`;

function report(html) {
  const w = windowWith(html, { scripts: ['extension/page_structure.js'] });
  return w.STALLWATCH_STRUCTURE.report({ hits: { amount: { css: '[data-testid="x"]', source: 0 } } });
}

test('the report keeps tags, classes and hooks, and no text, value, address or id', () => {
  const text = report(SECRET_PAGE);
  assert.match(text, /div\.record-home/);
  assert.match(text, /data-testid=/);
  for (const secret of ['Acme', 'Dana', 'dana', 'acme.com', '48,500', '48500', 'evil.example', '0065g00000XyZ12AAB', '0035g00000Ax7CcAAJ']) {
    assert.ok(!text.includes(secret), `the report leaks ${secret}:\n${text}`);
  }
  assert.match(text, /\[006 id\]/, 'a Salesforce id keeps only its type prefix');
  assert.match(text, /\[other host\]/);
});

test('a deep or huge page is capped, not walked forever', () => {
  const deep = `<body>${'<div>'.repeat(500)}x${'</div>'.repeat(500)}</body>`;
  const text = report(deep);
  assert.ok(text.split('\n').length < 4100, 'lines capped');
});

test('single words from the page (query keys, object names, classes, tags, hook values) become placeholders', () => {
  const w = windowWith(
    `<body><zelda-box class="quarterfield slds-card" data-testid="zelda" role="button"><slot name="quarterfield"></slot></zelda-box>
     <a href="/lightning/r/Zelda__c/a005g00000XyZ12AAB/view">x</a><a href="/lightning/r/Opportunity/0065g00000XyZ12AAB/view">y</a></body>`,
    { url: 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent&zeldakey=quarterfield', scripts: ['extension/page_structure.js'] },
  );
  const text = w.STALLWATCH_STRUCTURE.report({});
  for (const secret of ['zelda', 'Zelda', 'quarterfield']) assert.ok(!text.includes(secret), `the report leaks ${secret}:\n${text}`);
  assert.match(text, /\?filterName=Recent&\[k\]=\[x\]/, 'known query keys stay, others are placeholders');
  assert.match(text, /\[tag\]\.\[c\]\.slds-card\[data-testid="\[v\]"\]\[role="button"\]/);
  assert.match(text, /\/lightning\/r\/Opportunity\/\[006 id\]\/view/, 'standard objects stay');
});
