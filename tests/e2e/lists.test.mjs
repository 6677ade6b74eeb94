// List and board pages: one triage panel ranks the visible deals by stall risk, using each
// deal's own notes. The CRM's rows are never touched (write-nothing guard).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED, launch, openGuarded, overlayFrame } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function panel(frame) {
  return frame.$$eval('[data-testid="list-row"]', (rows) =>
    rows.map((r) => ({
      key: r.dataset.key,
      score: r.querySelector('[data-testid="stall-score"]').textContent,
      name: r.querySelector('[data-testid="list-name"]').textContent,
      reason: r.querySelector('[data-testid="list-reason"]')?.textContent ?? '',
      // The day's queue section the row sits under (its list's heading).
      section: r.closest('ol')?.previousElementSibling?.dataset.section ?? '',
    })),
  );
}

for (const fixture of ['salesforce/opportunity-list.html', 'hubspot/deals-board.html']) {
  test(`${fixture}: every deal shown is ranked, closed ones last and unscored`, async () => {
    const want = EXPECTED[fixture];
    const { page, guard } = await openGuarded(browser, want.url);
    const frame = await overlayFrame(page, browser.extensionId);
    const rows = await panel(frame);
    assert.deepEqual(
      rows.map((r) => r.name).sort(),
      want.rows.map((r) => r.name).sort(),
      'each row or card of the page appears once',
    );
    const closed = new Set(want.rows.filter((r) => /^Closed/.test(r.stage)).map((r) => r.name));
    const scores = rows.map((r) => r.score);
    for (const r of rows) {
      if (closed.has(r.name)) assert.equal(r.score, '–', `${r.name} is closed`);
      else assert.match(r.score, /^\d{1,3}$/, r.name);
    }
    // The day's queue: sections in order, riskiest first within "act today", closed last.
    const ORDER = ['act_today', 'waiting', 'paused', 'closed'];
    const sections = rows.map((r) => ORDER.indexOf(r.section));
    assert.ok(sections.every((i) => i >= 0), `every row sits under a section (${rows.map((r) => r.section)})`);
    assert.deepEqual(sections, [...sections].sort((a, b) => a - b), 'sections in queue order');
    const act = rows.filter((r) => r.section === 'act_today').map((r) => Number(r.score));
    assert.deepEqual(act, [...act].sort((a, b) => b - a), 'riskiest first');
    for (const r of rows) if (closed.has(r.name)) assert.equal(r.section, 'closed', `${r.name} under closed`);
    const numeric = scores.filter((s) => s !== '–').map(Number);
    assert.ok(scores.slice(numeric.length).every((s) => s === '–'), 'closed deals last');
    // A deal whose close date has passed says so.
    const overdue = want.rows.find((r) => !closed.has(r.name) && /\{\{date:-\d+/.test(r.close_date ?? ''));
    assert.ok(overdue, 'the fixture has an overdue open deal');
    assert.match(rows.find((r) => r.name === overdue.name).reason, /Close date .* passed/);
    await guard.assertUntouched(assert);
    await page.close();
  });
}

test('each card uses its own deal notes (a snoozed deal says so)', async () => {
  const url = EXPECTED['hubspot/deals-board.html'].url;
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
  const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await ext.evaluate(
    (d) => chrome.storage.local.set({ 'notes:hs:123:1013': { snooze_until: d, snooze_reason: 'board meeting', changed: { snooze_until: Date.now() } } }),
    until,
  );
  await frame.locator('[data-testid="list-row"][data-key="hs:123:1013"] [data-testid="list-reason"]', { hasText: 'Snoozed until' }).waitFor({ state: 'attached' });
  await guard.assertUntouched(assert);
  await ext.close();
  await page.close();
});

test('a deal opened on its record page shows the same score on the list, as remembered, and only there', async () => {
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ext.evaluate(() => chrome.storage.local.clear());
  const listUrl = EXPECTED['salesforce/opportunity-list.html'].url;
  const northwind = 'sf:acme:0065g00000XyZ12';

  // The list first: nothing remembered, the row scored from its columns alone.
  let { page, guard } = await openGuarded(browser, listUrl);
  const listFrame = await overlayFrame(page, browser.extensionId);
  let rows = await panel(listFrame);
  const bare = rows.find((r) => r.key === northwind);
  assert.ok(bare, 'the list shows the deal');
  assert.equal(await listFrame.locator('[data-testid="list-remembered"]').count(), 0);
  await guard.assertUntouched(assert);
  await page.close();

  // Its record page: the timeline (four unanswered follow-ups) makes it high risk.
  ({ page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url));
  const recordFrame = await overlayFrame(page, browser.extensionId);
  const recordScore = (await recordFrame.locator('[data-testid="stall-score"]').textContent()).trim();
  assert.ok(Number(recordScore) > Number(bare.score), `the record page reads more (${recordScore} vs ${bare.score})`);
  // The background stores the memory right after answering with the badge.
  const key = `seen:${northwind}`;
  for (let i = 0; i < 50 && !(await ext.evaluate((k) => chrome.storage.local.get(k), key))[key]; i++) await page.waitForTimeout(100);
  const entry = (await ext.evaluate((k) => chrome.storage.local.get(k), key))[key];
  assert.equal(entry?.v, 1, 'remembered on this machine, versioned');
  assert.equal(entry.url, EXPECTED['salesforce/opportunity.html'].url);
  assert.ok(entry.deal.touches.length >= 4, 'with its timeline');
  await guard.assertUntouched(assert);
  await page.close();

  // The list again: that row now agrees with the record page and says as of when.
  ({ page, guard } = await openGuarded(browser, listUrl));
  const frame = await overlayFrame(page, browser.extensionId);
  rows = await panel(frame);
  assert.equal(rows.find((r) => r.key === northwind).score, recordScore, 'the same score as on its record page');
  const remembered = frame.locator(`[data-testid="list-row"][data-key="${northwind}"] [data-testid="list-remembered"]`);
  assert.match(await remembered.textContent(), /^as of today/);
  assert.equal(await frame.locator('[data-testid="list-remembered"]').count(), 1, 'only the deal that was opened');
  await guard.assertUntouched(assert);
  await page.close();
  await ext.close();
});
