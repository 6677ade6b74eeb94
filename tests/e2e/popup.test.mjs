// Quick notes in the popup: saved to storage.local, the overlay updates live, corrupt notes
// are reported without losing the rest. The write-nothing guard runs on the deal page.
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

/** Opens the popup page for the tab showing `url` (as the toolbar button would for that tab). */
async function openPopupFor(url) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({ url: u.replace(/\/view$/, '/*') });
    return tabs[0]?.id;
  }, url);
  assert.ok(tabId, 'found the deal tab');
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('a reason typed in the popup reaches the overlay live, on the preferred channel', async () => {
  const url = EXPECTED['salesforce/opportunity.html'].url;
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.locator('[data-testid="note-reason"]').waitFor();
  assert.match(await popup.locator('[data-testid="stall-score"]').textContent(), /^\d+$/);

  const reason = 'have all 120 trucks tracked before the spring delivery peak';
  await popup.locator('[data-testid="note-reason"]').fill(reason);
  await popup.locator('[data-testid="note-channel"]').selectOption('text');
  await popup.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();

  await frame.locator('[data-testid="next-message"]', { hasText: reason }).waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await frame.locator('[data-testid="next-message-channel"]').textContent(), 'text');
  const codes = await frame.$$eval('[data-testid="stall-reason"]', (els) => els.map((e) => e.dataset.code));
  assert.ok(!codes.includes('no_reason'), 'a recorded reason removes the no-reason points');

  const stored = await popup.evaluate(() => chrome.storage.local.get(null));
  const notes = stored['notes:sf:acme:0065g00000XyZ12'];
  assert.equal(notes.reason, reason, 'notes are saved under the deal key');
  assert.equal(notes.preferred_channel, 'text');

  // Reopening the popup shows what was saved.
  await popup.reload();
  await popup.locator('[data-testid="note-reason"]').waitFor();
  assert.equal(await popup.locator('[data-testid="note-reason"]').inputValue(), reason);

  await guard.assertUntouched(assert);
  await popup.close();
  await page.close();
});

test('corrupt stored notes are reported and the valid fields still count', async () => {
  const url = EXPECTED['hubspot/deal.html'].url;
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.evaluate(() =>
    chrome.storage.local.set({
      'notes:hs:123:456': { reason: 42, deadline: 'next tuesday', preferred_channel: 'call' },
    }),
  );
  await frame.locator('[data-testid="next-message-channel"]', { hasText: 'call' }).waitFor({ state: 'attached', timeout: 5000 });
  const problems = await frame.$$eval('.problem', (els) => els.map((e) => e.textContent));
  assert.equal(problems.length, 2, problems.join(' | '));
  assert.ok(problems.some((p) => p.includes('next tuesday')));
  await guard.assertUntouched(assert);
  await popup.close();
  await page.close();
});

test('the popup on a page that is not a CRM deal says what to do', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
  await popup.locator('.empty').waitFor();
  assert.match(await popup.locator('.empty').textContent(), /Open a Salesforce opportunity or a HubSpot deal/);
  await popup.close();
});

test('on a list view the popup asks for a deal instead of taking notes for a row', async () => {
  const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity-list.html'].url);
  await overlayFrame(page, browser.extensionId);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const tabId = await popup.evaluate(async () => (await chrome.tabs.query({ url: 'https://acme.lightning.force.com/*' }))[0]?.id);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.empty').waitFor();
  assert.equal(await popup.locator('form.notes').count(), 0);
  await guard.assertUntouched(assert);
  await popup.close();
  await page.close();
});
