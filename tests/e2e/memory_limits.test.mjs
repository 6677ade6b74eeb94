// The memory of deals stays within its limit as it is written, and a list view, however long,
// never pushes out the deals the rep opened (issue 27, items 3 and 4). Real Chromium, real
// storage, with the write-nothing guard on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED, launch, openGuarded, scoredBadge, until } from './harness.mjs';

const MAX_DEALS = 300; // src/core/seen.rs
let browser;
let ext;
before(async () => {
  browser = await launch();
  ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
});
after(async () => {
  await browser?.close();
});

const seenKeys = () => ext.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('seen:')));

test('three 400-row list views leave at most 300 remembered deals, and every opened deal among them', async () => {
  await ext.evaluate(() => chrome.storage.local.clear());
  const opened = ['salesforce/opportunity.html', 'hubspot/deal.html'];
  for (const f of opened) {
    const { page, guard } = await openGuarded(browser, EXPECTED[f].url);
    await scoredBadge(page);
    await guard.assertUntouched(assert);
    await page.close();
  }
  const openedKeys = ['seen:sf:acme:0065g00000XyZ12', 'seen:hs:123:456'];
  await until(async () => {
    const k = await seenKeys();
    return openedKeys.every((o) => k.includes(o));
  }, 'the opened deals to be remembered', 30_000);

  const list = EXPECTED['hubspot/deals-table.html'];
  const portal = new URL(list.url).pathname.split('/')[2];
  const { page, guard } = await openGuarded(browser, list.url);
  await scoredBadge(page);
  for (const batch of [1, 2, 3]) {
    // The CRM replaces the table's rows (another view, the next page): 400 deals never seen.
    await guard.asHost((batch) => {
      const body = document.querySelector('tbody');
      const model = body.querySelector('tr[data-test-id^="row-"]');
      const oldId = model.dataset.testId.slice(4);
      const rows = [];
      for (let i = 0; i < 400; i++) {
        const id = String(90000000000 + batch * 1000 + i);
        const tr = model.cloneNode(true);
        tr.dataset.testId = `row-${id}`;
        for (const el of tr.querySelectorAll('[data-table-external-id]')) el.dataset.tableExternalId = el.dataset.tableExternalId.replace(oldId, id);
        for (const a of tr.querySelectorAll('a[href]')) a.setAttribute('href', a.getAttribute('href').replace(oldId, id));
        rows.push(tr);
      }
      body.replaceChildren(...rows);
    }, batch);
    const last = `seen:hs:${portal}:${90000000000 + batch * 1000 + 399}`;
    await until(async () => (await seenKeys()).includes(last), `batch ${batch} to be remembered`, 30_000);
    // The limit holds right after the write, not at the next periodic pass.
    const keys = await until(async () => {
      const k = await seenKeys();
      return k.length <= MAX_DEALS ? k : null;
    }, `the memory to be back within ${MAX_DEALS} after batch ${batch}`, 30_000);
    for (const k of openedKeys) assert.ok(keys.includes(k), `${k} (opened on its record page) is still remembered after batch ${batch}`);
  }
  await guard.assertUntouched(assert);
  await page.close();
});
