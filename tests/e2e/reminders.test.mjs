// Reminders: off until the rep turns them on (the options page says why the browser will ask
// for the notifications permission); what is due is decided from the deals opened and their
// notes, with the time passed in (the background's reminders message, which the alarm also
// runs), and nothing is shown without the permission. (The browser's permission prompt cannot
// be answered in headless Chromium; tests/e2e-firefox grants it through Firefox's preference and
// checks the notifications themselves.)
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

const DAY = 86_400_000;
const iso = (ms) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a snooze ending and a deadline 3 days out are due on their day, once the deal was opened; nothing shows without the permission', async () => {
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ext.evaluate(() => chrome.storage.local.clear());
  await ext.reload();
  assert.match(await ext.locator('[data-testid="reminders-status"]').textContent(), /Reminders are off/);
  assert.match(await ext.locator('section.reminders').textContent(), /the notifications permission/);

  const now = Date.now();
  const run = (at) => ext.evaluate((t) => chrome.runtime.sendMessage({ type: 'stallwatch:reminders-run', now: t }), at);
  await ext.evaluate(
    ([snooze, deadline]) =>
      chrome.storage.local.set({
        'notes:hs:123:456': { snooze_until: snooze, snooze_reason: 'waiting for their board', changed: { snooze_until: Date.now() } },
        'notes:sf:acme:0065g00000XyZ12': { deadline, reason: 'have dispatch live before the spring peak' },
      }),
    [iso(now + 2 * DAY), iso(now + 10 * DAY)],
  );
  // Not opened yet: no memory of the deals, so nothing is due even on the days.
  assert.deepEqual((await run(now + 2 * DAY)).due, []);

  for (const fixture of ['hubspot/deal.html', 'salesforce/opportunity.html']) {
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    await scoredBadge(page);
    await page.waitForTimeout(300);
    await guard.assertUntouched(assert);
    await page.close();
  }
  assert.deepEqual((await run(now)).due, [], 'nothing due today');
  const snoozeDay = await run(now + 2 * DAY);
  assert.equal(snoozeDay.shown, false, 'no permission: nothing is shown');
  assert.deepEqual(snoozeDay.due.map((r) => r.id), [`snooze:hs:123:456:${iso(now + 2 * DAY)}`]);
  assert.match(snoozeDay.due[0].body, /waiting for their board/);
  assert.equal(snoozeDay.due[0].url, EXPECTED['hubspot/deal.html'].url);
  const deadlineDay = await run(now + 7 * DAY);
  assert.ok(deadlineDay.due.some((r) => r.id.startsWith('deadline:sf:acme:0065g00000XyZ12:') && /3 days/.test(r.title)), JSON.stringify(deadlineDay.due));
  // Nothing was shown, so nothing is marked as shown.
  assert.equal((await ext.evaluate(() => chrome.storage.local.get('reminders_shown'))).reminders_shown, undefined);

  // A web page cannot ask: only Stallwatch's own pages.
  const { page } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
  const fromPage = await page.evaluate(() => typeof chrome !== 'undefined' && typeof chrome.runtime?.sendMessage === 'function');
  assert.equal(fromPage, false, 'the CRM page has no channel to the extension');
  await page.close();
  await ext.close();
});
