// The options page: thresholds the rep sets change the score on the page; a backup restores
// notes, merged field by field over what is stored, reports exactly what it did, and can be
// undone. The write-nothing guard runs on the deal page.
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

async function openOptions() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('[data-testid="options-save"]').waitFor();
  return { page, errors };
}

/** Picks `backup` (an object, or text) as the file to restore. */
async function restoreFile(page, backup) {
  await page.locator('[data-testid="options-import"]').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(typeof backup === 'string' ? backup : JSON.stringify(backup)),
  });
}

/** Everything in storage.local, read from an extension page. */
function everything(page) {
  return page.evaluate(() => chrome.storage.local.get(null));
}

async function clearStorage(page) {
  await page.evaluate(() => chrome.storage.local.clear());
}

/** The backup status line, once it says something matching `pattern`. */
async function backupStatus(page, pattern) {
  const status = page.locator('[data-testid="backup-status"]');
  await status.filter({ hasText: pattern }).waitFor({ timeout: 5000 });
  return status.textContent();
}

async function reasonCodes(frame) {
  return frame.$$eval('[data-testid="stall-reason"]', (els) => els.map((e) => e.dataset.code));
}

test('thresholds set on the options page change the score on the deal page', async () => {
  const { page: options, errors } = await openOptions();
  await options.locator('[data-testid="setting-silence_start_days"]').fill('30');
  await options.locator('[data-testid="setting-streak_start"]').fill('9');
  await options.locator('[data-testid="setting-balance_max_points"]').fill('20000');
  await options.locator('[data-testid="options-save"]').click();
  const status = options.locator('[data-testid="options-status"]');
  await status.filter({ hasText: /must be a whole number/ }).waitFor();
  assert.match(await status.textContent(), /Effort balance: maximum points/);

  const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
  const frame = await overlayFrame(page, browser.extensionId);
  const codes = await reasonCodes(frame);
  assert.ok(!codes.includes('silence'), `21 days is under the 30-day start: ${codes}`);
  assert.ok(!codes.includes('follow_up_trap'), `4 in a row is under 9: ${codes}`);

  // Back to the defaults: the reasons return, live.
  await options.locator('[data-testid="options-defaults"]').click();
  await frame.locator('[data-testid="stall-reason"][data-code="follow_up_trap"]').waitFor({ state: 'attached' });
  assert.ok((await reasonCodes(frame)).includes('silence'));
  assert.deepEqual(errors, []);
  await guard.assertUntouched(assert);
  await page.close();
  await options.close();
});

test('a backup restores valid notes and says what it could not restore', async () => {
  const { page: options, errors } = await openOptions();
  const backup = {
    stallwatch_backup: 1,
    notes: {
      'notes:hs:123:456': { reason: 'cut no-shows before the spring surge', preferred_channel: 'text', deadline: 'soon' },
      'notes:hs:123:789': 'garbage',
    },
  };
  await clearStorage(options);
  await restoreFile(options, backup);
  const status = options.locator('[data-testid="backup-status"]');
  await status.filter({ hasText: '1 deal restored' }).waitFor();
  assert.match(await status.textContent(), /1 entry unreadable and skipped\..*soon/);

  const { page, guard } = await openGuarded(browser, EXPECTED['hubspot/deal.html'].url);
  const frame = await overlayFrame(page, browser.extensionId);
  await frame.locator('[data-testid="next-message"]', { hasText: 'cut no-shows before the spring surge' }).waitFor({ state: 'attached' });
  assert.equal(await frame.locator('[data-testid="next-message-channel"]').textContent(), 'text');
  assert.deepEqual(errors, []);
  await guard.assertUntouched(assert);
  await page.close();
  await options.close();
});
