// The Today queue: built from the deals the rep opened (remembered on this machine), in the
// order to work them, with a link to each deal, its message to copy, filters and keys. The
// write-nothing guard runs on every CRM page visited to fill it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED, launch, openGuarded, scoredBadge } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Visits a CRM page as the rep would, until its badge is scored (the deal is then remembered). */
async function visit(fixture) {
  const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
  await scoredBadge(page);
  await page.waitForTimeout(300); // the background remembers right after the badge
  await guard.assertUntouched(assert);
  await page.close();
}

async function queue(page) {
  return page.$$eval('[data-testid="today-row"]', (rows) =>
    rows.map((r) => ({
      key: r.dataset.key,
      name: r.querySelector('[data-testid="today-name"]').textContent,
      href: r.querySelector('a[data-testid="today-name"]')?.getAttribute('href') ?? null,
      score: r.querySelector('[data-testid="stall-score"]').textContent,
      section: r.closest('ol')?.previousElementSibling?.dataset.section ?? '',
      copy: !!r.querySelector('[data-testid="today-copy"]'),
    })),
  );
}

test('Today is empty until deals are opened, and says how to fill it', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/today.html`);
  await page.evaluate(() => chrome.storage.local.clear());
  await page.reload();
  await page.locator('[data-testid="today-empty"]').waitFor();
  assert.match(await page.locator('[data-testid="today-empty"]').textContent(), /list view/);
  assert.equal(await page.locator('[data-testid="today-row"]').count(), 0);
  await page.close();
});

test('after a morning of visits, Today lists each deal once, in its section, with its link and message', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/today.html`);
  await page.evaluate(() => chrome.storage.local.clear());
  // Snoozed on purpose: a HubSpot deal the rep paused until next week.
  const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.evaluate((d) => chrome.storage.local.set({ 'notes:hs:123:456': { snooze_until: d, changed: { snooze_until: Date.now() } } }), until);
  for (const f of ['salesforce/opportunity.html', 'hubspot/deal.html', 'salesforce/opportunity-list.html']) await visit(f);
  await page.reload();
  await page.locator('[data-testid="today-row"]').first().waitFor();
  const rows = await queue(page);
  const keys = rows.map((r) => r.key);
  assert.equal(new Set(keys).size, keys.length, 'each deal once');
  const northwind = rows.find((r) => r.key === 'sf:acme:0065g00000XyZ12');
  assert.equal(northwind.section, 'act_today');
  // Rebuilt from the deal key on the remembered host, never the stored address as is (a 15-character id opens it).
  assert.equal(northwind.href, 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12/view', 'opens its record page');
  assert.ok(northwind.copy, 'with its message to copy');
  assert.equal(rows.find((r) => r.key === 'hs:123:456').section, 'snoozed');
  // The list's other open deals are there too, linked to their record pages; closed ones are not.
  const listed = EXPECTED['salesforce/opportunity-list.html'].rows;
  for (const r of listed.filter((x) => /^Closed/.test(x.stage))) assert.ok(!rows.some((q) => q.name === r.name), `${r.name} is closed`);
  const other = rows.find((r) => r.key !== northwind.key && r.key.startsWith('sf:'));
  // Seen only in the list, never opened: their own section, below what the rep can act on.
  assert.equal(other.section, 'not_opened', `${other.name} was only seen in the list`);
  assert.match(other.href, /^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Opportunity\/\w+\/view$/);
  // Sections in the order of the day.
  const ORDER = ['act_today', 'waiting', 'snoozed', 'let_go', 'not_opened'];
  const at = rows.map((r) => ORDER.indexOf(r.section));
  assert.deepEqual(at, [...at].sort((a, b) => a - b));

  // Filters: one CRM at a time.
  await page.locator('[data-testid="today-filter-crm"]').selectOption('HubSpot');
  await page.locator('[data-testid="today-row"][data-key^="sf:"]').first().waitFor({ state: 'detached' });
  assert.deepEqual((await queue(page)).map((r) => r.key), ['hs:123:456']);
  await page.locator('[data-testid="today-filter-crm"]').selectOption('');
  await page.locator('[data-testid="today-row"][data-key^="sf:"]').first().waitFor();

  // The keyboard: j moves to the first deal, c copies its message, which is remembered.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('j');
  const focused = await page.evaluate(() => document.activeElement?.dataset.key);
  assert.equal(focused, (await queue(page))[0].key);
  await page.keyboard.press('c');
  await page.locator(`[data-testid="today-row"][data-key="${focused}"] [data-testid="today-copy"]`, { hasText: 'Copied' }).waitFor();
  const stored = await page.evaluate((k) => chrome.storage.local.get(`copied:${k}`), focused);
  assert.ok(stored[`copied:${focused}`], 'the copy is remembered like the card\'s');
  await page.close();
});

test('the popup away from a deal shows the day\'s queue and links to the full page', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
  await popup.locator('[data-testid="today"]').waitFor();
  assert.ok((await popup.locator('[data-testid="today-row"]').count()) > 0, 'the deals visited in the test before');
  assert.equal(await popup.locator('[data-testid="today-full"]').getAttribute('href'), 'today.html');
  assert.match(await popup.locator('.empty').textContent(), /Open a Salesforce opportunity or a HubSpot deal/);
  await popup.close();
});
