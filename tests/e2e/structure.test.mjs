// The "copy page structure" report (extension/page_structure.js), in real Chromium on every
// fixture: it must carry no CRM data (no text, no labels, no ids, no names, no amounts), still show
// the structure a maintainer needs to fix a selector, change nothing on the page, and survive a
// hostile page (thousands deep, tens of thousands wide) within its caps.
//
// The file is evaluated in the page's main world (Playwright's evaluate is not subject to the
// page's CSP), as the content script would run it in its isolated world.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXPECTED, ROOT, fillDates, launch, openGuarded } from './harness.mjs';

// With the read plans, as the content script has them: the report keeps the words they name.
const SOURCE = [path.join(ROOT, 'dist', 'read_plan.js'), path.join(ROOT, 'extension', 'page_structure.js')]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const HITS = { name: { css: 'x', source: 0 } };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function structure(page, options = { hits: HITS }) {
  await page.evaluate(SOURCE + '; 0');
  return page.evaluate((o) => globalThis.STALLWATCH_STRUCTURE.report(o), options);
}

/** Every text and every data-bearing attribute value on the page, open shadow roots included. */
function pageStrings(page) {
  return page.evaluate(() => {
    const out = new Set();
    const attrs = ['title', 'value', 'alt', 'placeholder', 'aria-label', 'data-label', 'field-label', 'data-name'];
    const stack = [document];
    while (stack.length) {
      const n = stack.pop();
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.parentNode?.localName !== 'style') out.add(n.data.trim());
        continue;
      }
      if (n.nodeType === Node.ELEMENT_NODE) {
        for (const a of attrs) if (n.hasAttribute(a)) out.add(n.getAttribute(a).trim());
        if (n.shadowRoot) stack.push(n.shadowRoot);
      }
      for (const c of n.childNodes) stack.push(c);
    }
    return [...out];
  });
}

/**
 * The fixture's expected values (names, amounts, subjects, ids...), dates filled in. Lowercase
 * identifiers (`closedwon`, `dealname`, `inbound`) are the CRM's schema and our enums, not data:
 * the report shows schema names on purpose, as hook values.
 */
function expectedStrings(entry) {
  const out = [];
  // Schema words and our own selectors, not CRM data: the sObject token (`Task`), the selector
  // that must find each field (`winning`), how the page's dates are ordered.
  const skip = new Set(['url', 'crm', 'kind', 'type', 'direction', 'object', 'sobject', 'winning', 'date_order', 'locale', 'shadow', 'english_labels_absent']);
  const walk = (v, key) => {
    if (skip.has(key)) return;
    if (typeof v === 'string') {
      if (!/^[a-z][a-z0-9_]*$/.test(v)) out.push(fillDates(v).trim());
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(entry, '');
  return out;
}

/**
 * Fails if any data string shows in the report. Long strings with a space or a digit (a name, an
 * amount, a date, a subject) must not appear at all; expected values of 3+ characters neither;
 * a bare number (a HubSpot id) must not appear as a path segment or a value (the report's own
 * counts are numbers too, so a bare number is looked for only where an id would be).
 */
function assertNoLeak(report, strings, where) {
  const leaks = [];
  for (const s of new Set(strings)) {
    if (s.length < 3 || !/[\p{L}\p{N}]/u.test(s)) continue;
    if (/^\d+$/.test(s)) {
      if (new RegExp(`[/"=_.-]${s}(?!\\d)|(?<!\\d)${s}[/"_.-]`).test(report)) leaks.push(s);
    } else if (report.includes(s)) leaks.push(s);
  }
  assert.deepEqual(leaks, [], `CRM data in the structure report of ${where}`);
}

const FIXTURES = Object.entries(EXPECTED).filter(([, e]) => e && e.url);

for (const [file, entry] of FIXTURES) {
  test(`${file}: the structure report leaks no CRM data, shows the structure, changes nothing`, async () => {
    const { page, guard } = await openGuarded(browser, entry.url);
    const report = await structure(page);

    const onPage = (await pageStrings(page)).filter((s) => s.length >= 4 && /[\s\d]/.test(s));
    assert.ok(onPage.length > 10, 'the page has data to leak');
    const expected = expectedStrings(entry).filter((s) => s.length >= 3);
    assertNoLeak(report, [...onPage, ...expected], file);
    // Record ids in any form (the report keeps only the 3-character key prefix).
    for (const id of [entry.record_id, entry.portal_id].filter(Boolean)) assertNoLeak(report, [id], `${file} (ids)`);

    // Useful: header, hits, and the hooks our selectors use.
    const [head, tree] = report.split('\n---\n');
    assert.match(head, /^url: https:\/\/[^\n]*$/m);
    assert.doesNotMatch(head, /acme/, 'the org\'s My Domain name is redacted');
    assert.match(head, /^lang: [\w-]+; browser: \S+$/m);
    assert.match(head, /^elements: \d+; open shadow roots: \d+; iframes: \d+$/m);
    assert.match(head, /^hits:\n {2}name: \[0\] x$/m);
    assert.match(head, /^caps: none$/m, 'a fixture page fits in the caps');
    assert.ok(tree.split('\n').length > 50, 'the tree is there');

    if (entry.crm === 'salesforce') {
      if (entry.record_id) {
        assert.match(head, new RegExp(`^url: https://\\[org\\]\\.lightning\\.force\\.com/lightning/r/\\w+/\\[${entry.record_id.slice(0, 3)} id\\]/view$`, 'm'));
        assert.match(tree, /#shadow-root \(open\)/);
        assert.match(tree, /records-highlights2/);
        // A page whose Details tab is not rendered (the related-lists page) has no layout items.
        if (Object.values(entry.winning ?? {}).some((css) => css.includes('records-record-layout-item'))) {
          assert.match(tree, /\[data-target-selection-name="sfdc:RecordField\.\w+\.\w+"\]/);
          assert.match(tree, /\[field-label=\(\d+\)\]/, 'labels show as a length');
        }
        assert.match(tree, /\[href="\/lightning\/r\/\[00\w id\]\/view"\]/, 'record links keep their shape and key prefix');
      } else {
        assert.match(head, /^url: https:\/\/\[org\]\.lightning\.force\.com\/lightning\/o\/Opportunity\/(list|home|pipelineInspection)(\?.*)?$/m);
      }
    } else {
      assert.match(tree, /\[data-test-id="[\w/-]+"\]/);
      assert.match(head, /^url: https:\/\/app(-\w+)?\.hubspot\.com\/contacts\/\[n\]\/(record\/0-\d\/\[n\]|objects\/0-3\/views\/(all|\[n\])\/(board|list))$/m);
    }
    if (file === 'salesforce/opportunity.html') {
      assert.match(head, /^url: https:\/\/\[org\]\.lightning\.force\.com\/lightning\/r\/Opportunity\/\[006 id\]\/view$/m);
      assert.match(tree, /\[data-target-selection-name="sfdc:RecordField\.Opportunity\.Amount"\]/);
      assert.match(tree, /\[data-aura-class="runtime_sales_pathassistantPathAssistant"\]/);
      assert.match(tree, /li\.slds-timeline__item_expandable\.slds-timeline__item_email\.\S+ ×\d+/, 'timeline items collapse');
    }
    if (file === 'salesforce/opportunity-list.html') {
      assert.match(head, /\/lightning\/o\/Opportunity\/list\?filterName=Recent$/m);
      assert.match(tree, /\[data-row-key-value="\[006 id\]"\]/);
    }
    if (file === 'hubspot/deal.html') assert.match(tree, /\[data-test-id="highlight-property-item-amount"\]/);
    if (file === 'hubspot/deals-board.html') assert.match(tree, /\[data-column-id="\w+"\]/);
    // HubSpot's table cells carry the record id: the hook stays, the id goes.
    if (await page.evaluate(() => !!document.querySelector('[data-table-external-id^="cell-"]'))) {
      assert.match(tree, /\[data-table-external-id="cell-0-3-\w+-\[n\]"\]/);
    }

    await guard.assertUntouched(assert);
    await page.close();
  });
}

test('redaction: ids, emails, labels, free-text hook values, links, closed shadow roots, skip, hit values', async () => {
  const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
  await guard.asHost(() => {
    const probe = document.createElement('section');
    probe.id = 'probe';
    probe.innerHTML = `
      <div class="row-0065g00000XyZ12AAB jane.doe@corp.example 4815162342 keep-me"
           data-test-id="cell-0-3-amount-58213367208" data-row-key-value="0065g00000XyZ12AAB"
           data-selenium-test="owner Zelda Quarterfield" title="Secret subject line" aria-label="Zelda Quarterfield"
           data-label="Amount" field-label="Close Date" value="Secret value 77" data-anything="Secret attribute 88">
        <a href="https://evil.example.org/in/zelda-quarterfield?mail=zelda@corp.example#x">Secret text 99</a>
        <a href="mailto:zelda@corp.example">mail</a>
        <a href="/contacts/424242/record/0-1/98765?utm=Zelda#frag">Zelda Quarterfield</a>
        <a href="/lightning/r/Account/001QuarterfieldA12/view">the account</a>
        <a href="/lightning/n/Zelda_Quarterfield_Tab">a tab</a>
        <a href="/lightning/r/Quarterfield__c/a005g00000XyZ12AAB/view">a custom object</a>
        <zelda-card class="quarterfield slds-card" data-test-id="zelda" role="zeldarole"><slot name="zelda"></slot></zelda-card>
      </div>
      <div data-skip-probe><span data-test-id="inside-skipped">skipped text</span></div>
      <div id="closed-host"></div>
      <div id="open-host"><span slot="s">slotted secret 1</span></div>`;
    document.body.append(probe);
    probe.querySelector('#closed-host').attachShadow({ mode: 'closed' }).innerHTML = '<b data-test-id="closed-inside">closed secret</b>';
    probe.querySelector('#open-host').attachShadow({ mode: 'open' }).innerHTML = '<slot name="s"></slot><i>open secret 2</i>';
  });
  await page.evaluate(SOURCE + '; 0');
  const report = await page.evaluate(() =>
    globalThis.STALLWATCH_STRUCTURE.report({
      root: document.getElementById('probe'),
      skip: document.querySelector('[data-skip-probe]'),
      // A hit with more than css and source: only those two are printed.
      hits: { name: { css: 'records-highlights2 [slot="primaryField"]', source: 0, value: 'Northwind Logistics — Fleet Telematics Rollout' }, amount: null },
    }),
  );
  for (const s of [
    'data-test-id="cell-0-3-amount-[n]"',
    'data-row-key-value="[006 id]"',
    'div.row-[006 id].[@].[n].[c]',
    '[href="/lightning/r/[x]/[a00 id]/view"]',
    '[tag].[c].slds-card[data-test-id="[v]"][role="[v]"]',
    '[data-selenium-test=(24)]',
    '[title=(19)]',
    '[aria-label=(18)]',
    '[data-label=(6)]',
    '[field-label=(10)]',
    '[value]',
    '[data-anything]',
    '[href="[other host]"]',
    '[href="mailto:"]',
    '[href="/contacts/[n]/record/0-1/[n]"]',
    '[href="/lightning/r/Account/[001 id]/view"]',
    '[href="/lightning/n/[x]"]',
    '#shadow-root (open)',
    'slot[name="[v]"] (1 assigned)',
    '  name: [0] records-highlights2 [slot="primaryField"]',
    '  amount: not found',
  ]) assert.ok(report.includes(s), `the report shows ${s}\n${report}`);
  for (const s of ['Zelda', 'zelda', 'Quarterfield', 'corp.example', 'jane', 'Secret', 'secret', '4815162342', '58213367208',
    '424242', '98765', 'XyZ12', 'evil', 'utm', 'frag', 'Northwind', 'data-skip-probe', 'inside-skipped', 'closed-inside']) {
    assert.ok(!report.includes(s), `the report does not show ${s}\n${report}`);
  }
  await guard.assertUntouched(assert);
  await page.close();
});

test('a hostile page: 6,000 deep, 50,000 alike and 10,000 distinct siblings; the caps hold and say so', async () => {
  const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
  await guard.asHost(() => {
    const box = document.createElement('div');
    box.id = 'hostile';
    // Hidden: Chromium's own layout crashes the tab on a visible chain ~4,000 deep (with or
    // without the extension); the walk reads the DOM, not the layout, so hidden is as hostile.
    box.hidden = true;
    let d = box;
    for (let i = 0; i < 6000; i++) d = d.appendChild(document.createElement('div'));
    d.append('deep text');
    const wide = box.appendChild(document.createElement('ul'));
    for (let i = 0; i < 50000; i++) wide.appendChild(document.createElement('li')).className = 'same';
    const letters = (i) => [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
    const distinct = box.appendChild(document.createElement('ol'));
    // Distinct in what the report shows (a class of a single unknown word is only a placeholder).
    for (let i = 0; i < 10000; i++) distinct.appendChild(document.createElement('li')).dataset.testId = `item-${letters(i)}`;
    document.body.append(box);
  });
  await page.evaluate(SOURCE + '; 0');

  const started = Date.now();
  const report = await page.evaluate(() => globalThis.STALLWATCH_STRUCTURE.report({ hits: {} }));
  const ms = Date.now() - started;
  const [head, tree] = report.split('\n---\n');
  const lines = tree.split('\n');
  assert.ok(ms < 10_000, `the report took ${ms} ms`);
  assert.ok(lines.length <= 4000, `${lines.length} lines, at most 4000`);
  assert.match(head, /^caps: .*depth \(60\).*$/m, 'says the depth cap was hit');
  assert.match(head, /^caps: .*lines \(4000\).*$/m, 'says the line cap was hit');
  assert.ok(lines.some((l) => /^ {61}… \(deeper, not shown\)$/.test(l)), 'marks where the depth cap cut');
  assert.ok(Math.max(...lines.map((l) => l.length - l.trimStart().length)) <= 61, 'nothing printed deeper than the cap');
  assert.ok(lines.some((l) => /^\s+li\.\[c\] ×50000$/.test(l)), '50,000 alike siblings are one line (their page-made class a placeholder)');
  const count = Number(head.match(/^elements: (\d+);/m)[1]);
  assert.ok(count > 66000 && count < 200000, `every element is counted (${count})`);

  const capped = await page.evaluate(() => globalThis.STALLWATCH_STRUCTURE.report({ limits: { elements: 20000 } }));
  assert.match(capped, /^elements: 20000;/m);
  assert.match(capped, /^caps: .*elements \(20000\): stopped walking/m, 'says the element cap was hit');

  await guard.assertUntouched(assert);
  await page.close();
});

test('through the overlay: "Copy page structure" copies the report with the selectors that found each field', async () => {
  const fixture = 'salesforce/opportunity.html';
  const entry = EXPECTED[fixture];
  const origin = new URL(entry.url).origin;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const { page, guard } = await openGuarded(browser, entry.url);
  const { overlayFrame, openCard } = await import('./harness.mjs');
  const frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  await frame.locator('[data-testid="copy-structure"]').click();
  await frame.locator('[data-testid="structure-status"]').filter({ hasText: /copied/i }).waitFor();
  await page.bringToFront();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Stallwatch page structure/);
  // The content script passed the read plan's winning selectors, not the values they found.
  assert.match(copied, /name: \[0\] records-highlights2|name: \[\d\] /);
  assert.match(copied, /amount: \[\d+\] /);
  for (const value of Object.values(entry.fields).filter(Boolean)) {
    const v = fillDates(value);
    if (v.length >= 4) assert.ok(!copied.includes(v), `the report leaks ${v}`);
  }
  await guard.assertUntouched(assert);
  await page.close();
});
