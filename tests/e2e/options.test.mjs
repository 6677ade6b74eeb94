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

/**
 * The backup status line once it says something (matching `pattern`, when given), or the
 * page-wide error that replaced the page: the text either way, so a test checks storage first
 * and the wording after.
 */
async function backupStatus(page, pattern = /\S/) {
  const shown = page.locator('[data-testid="backup-status"], [role="alert"]');
  await shown.filter({ hasText: pattern }).first().waitFor({ timeout: 5000 });
  return (await shown.allTextContents()).join(' ');
}

async function reasonCodes(frame) {
  return frame.$$eval('[data-testid="stall-reason"]', (els) => els.map((e) => e.dataset.code));
}

test('thresholds set on the options page change the score on the deal page', async () => {
  const { page: options, errors } = await openOptions();
  // First on the page, with what it means on the rep's calendar, following what they type.
  await options.locator('[data-testid="setting-silence_start_days"]').fill('30');
  assert.match(await options.locator('[data-testid="example-silence_start_days"]').textContent(), /^With 30 days, a buyer whose last word was on Monday \d+ \w+ counts as silent from \w+day/);
  // The rest under Advanced, by signal.
  assert.equal(await options.locator('[data-testid="setting-streak_start"]').isVisible(), false, 'folded away');
  await options.locator('[data-testid="options-advanced"] > summary').click();
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
  // The stage of the deal just opened, once it has no norm of its own, is offered for one.
  await options.evaluate(() => chrome.storage.local.set({ settings: { stage_norms: {} } }));
  await options.reload();
  await options.locator('[data-testid="stages-seen"]').waitFor();
  assert.match(await options.locator('[data-testid="stages-seen"]').textContent(), /Proposal\/Price Quote/);
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

test('restoring an older backup keeps the newer notes stored here and says so', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  const now = Date.now();
  const mine = { reason: 'pass the Q2 audit', approver: 'CFO', changed: { reason: now, approver: now } };
  await options.evaluate((n) => chrome.storage.local.set({ 'notes:hs:123:456': n }), mine);
  await restoreFile(options, {
    stallwatch_backup: 1,
    notes: {
      // Written a week earlier on another machine.
      'notes:hs:123:456': { reason: 'pass the Q1 audit', approver: 'IT lead', changed: { reason: now - 7 * 86_400_000 } },
      'notes:sf:acme:0065g00000XyZ12': { reason: 'replace three spreadsheets' },
    },
  });
  const text = await backupStatus(options);
  const stored = await everything(options);
  assert.deepEqual(stored['notes:hs:123:456'], mine, 'the newer notes are untouched');
  assert.equal(stored['notes:sf:acme:0065g00000XyZ12'].reason, 'replace three spreadsheets');
  assert.match(text, /^Restored\. 1 deal restored, 1 kept your newer notes\.$/);
  assert.deepEqual(errors, []);
  await options.close();
});

test('a corrupt entry or setting in a backup leaves what is stored intact', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  const mine = { reason: 'keep me', approver: 'CFO' };
  await options.evaluate((n) => chrome.storage.local.set({ 'notes:hs:123:456': n, settings: { streak_start: 9 } }), mine);
  await restoreFile(options, {
    stallwatch_backup: 1,
    settings: { streak_start: 'three', wait_days: 6 },
    notes: { 'notes:hs:123:456': 'garbage', 'notes:hs:123:789': { reason: 'a new deal' } },
  });
  const text = await backupStatus(options);
  const stored = await everything(options);
  assert.deepEqual(stored['notes:hs:123:456'], mine, 'the corrupt entry replaced nothing');
  assert.deepEqual(stored.settings, { streak_start: 9, wait_days: 6 }, 'the bad setting kept its value');
  assert.equal(stored['notes:hs:123:789'].reason, 'a new deal');
  assert.match(text, /1 deal restored, 1 entry unreadable and skipped, 1 setting restored, 1 setting unreadable \(yours kept\)\./);
  assert.match(text, /notes:hs:123:456: .*skipped, your notes for this deal are unchanged/);
  // The options form shows the kept value, not the default.
  assert.equal(await options.locator('[data-testid="setting-streak_start"]').inputValue(), '9');
  assert.deepEqual(errors, []);
  await options.close();
});

test('undo puts back exactly what was there before the restore', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  const before = {
    'notes:hs:123:456': { reason: 'old wording', approver: 'CFO' },
    settings: { streak_start: 9 },
    unrelated: 'left alone',
  };
  await options.evaluate((v) => chrome.storage.local.set(v), before);
  await options.reload();
  await options.locator('[data-testid="options-save"]').waitFor();
  assert.equal(await options.locator('[data-testid="options-undo"]').count(), 0, 'nothing to undo yet');
  await restoreFile(options, {
    stallwatch_backup: 1,
    settings: { streak_start: 3, wait_days: 6 },
    notes: {
      'notes:hs:123:456': { reason: 'new wording', goal: 'halve prep time', changed: { reason: Date.now() } },
      'notes:hs:123:789': { reason: 'a new deal' },
    },
  });
  await backupStatus(options);
  const after = await everything(options);
  assert.equal(after['notes:hs:123:456'].reason, 'new wording');
  assert.ok(after.restore_undo, 'a copy was kept before writing');

  assert.equal(await options.locator('[data-testid="options-undo"]').count(), 1, 'an undo button');
  await options.locator('[data-testid="options-undo"]').click();
  const text = await backupStatus(options, /undone/);
  assert.match(text, /2 deals and your settings put back/);
  assert.deepEqual(await everything(options), before, 'storage is exactly as before the restore');
  assert.equal(await options.locator('[data-testid="options-undo"]').count(), 0, 'the button goes with the copy');
  assert.deepEqual(errors, []);
  await options.close();
});

test('a backup from a newer Stallwatch asks for an update and changes nothing', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  await restoreFile(options, { stallwatch_backup: 2, notes: { 'notes:hs:123:456': { reason: 'x' } } });
  const text = await backupStatus(options);
  assert.deepEqual(await everything(options), {});
  assert.match(text, /newer version of Stallwatch.*Update Stallwatch/);
  assert.doesNotMatch(text, /not a Stallwatch backup/);
  await restoreFile(options, { hello: 1 });
  await backupStatus(options, /not a Stallwatch backup/);
  assert.deepEqual(errors, []);
  await options.close();
});

test('a restore that does not fit in the browser\'s storage says so and changes nothing', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  // Fill storage.local to within 4 kB of its real quota (10 MB without unlimitedStorage).
  const quota = await options.evaluate(() => chrome.storage.local.QUOTA_BYTES);
  assert.equal(quota, 10 * 1024 * 1024);
  const used = await options.evaluate(async (q) => {
    await chrome.storage.local.set({
      'notes:hs:123:456': { reason: 'keep me', changed: { reason: Date.now() } },
      settings: { streak_start: 9 },
    });
    const base = await chrome.storage.local.getBytesInUse(null);
    // A key's size is its name plus its value as JSON (the quotes of a string count).
    await chrome.storage.local.set({ filler: 'x'.repeat(q - base - 'filler'.length - 2 - 4096) });
    return chrome.storage.local.getBytesInUse(null);
  }, quota);
  assert.equal(used, quota - 4096, 'storage is 4 kB short of full');
  // The quota is real: 5 kB more is refused.
  const refused = await options.evaluate(() =>
    chrome.storage.local.set({ probe: 'y'.repeat(5000) }).then(() => 'stored', (e) => e.message),
  );
  assert.match(refused, /quota/i);
  const snapshot = () => options.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return { size: all.filler.length, rest: JSON.stringify({ ...all, filler: undefined }) };
  });
  const before = await snapshot();

  // 20 deals of 400-character notes: about 9 kB, more than is left.
  const notes = {};
  for (let i = 0; i < 20; i++) notes[`notes:hs:123:${1000 + i}`] = { reason: `${i} `.padEnd(400, 'r') };
  notes['notes:hs:123:456'] = { reason: 'an older reason', approver: 'CFO' };
  await restoreFile(options, { stallwatch_backup: 1, settings: { wait_days: 6 }, notes });
  const text = await backupStatus(options);
  assert.deepEqual(await snapshot(), before, 'nothing in storage changed');
  // The message is on the backup status line: the page is still working (no page-wide error).
  assert.equal(await options.locator('[data-testid="options-save"]').count(), 1, `the page was replaced: ${text}`);
  assert.match(text, /^Not restored: the browser's storage for Stallwatch is full, so nothing was written/);
  assert.equal(await options.locator('[data-testid="options-undo"]').count(), 0);
  assert.deepEqual(errors, []);
  await clearStorage(options);
  await options.close();
});

test('the remembered deals go into the backup file, and "delete everything" leaves nothing', async () => {
  const { page: options, errors } = await openOptions();
  await clearStorage(options);
  // A deal page seen: its memory is written by the background after the badge.
  const { page, guard } = await openGuarded(browser, EXPECTED['hubspot/deal.html'].url);
  await overlayFrame(page, browser.extensionId);
  await options.evaluate(() => chrome.storage.local.set({ 'notes:hs:123:456': { reason: 'cut onboarding to two weeks' } }));
  let stored = {};
  for (let i = 0; i < 50 && !stored['seen:hs:123:456']; i++) {
    stored = await everything(options);
    await options.waitForTimeout(100);
  }
  assert.ok(stored['seen:hs:123:456'], 'the deal is remembered');

  // The backup holds it: saved through the page's own download.
  const download = options.waitForEvent('download');
  await options.locator('[data-testid="options-export"]').click();
  const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  assert.equal(file.seen['seen:hs:123:456'].deal.key, 'hs:123:456');
  assert.equal(file.notes['notes:hs:123:456'].reason, 'cut onboarding to two weeks');

  // Delete everything: the first click only asks; the second empties this browser's storage.
  const button = options.locator('[data-testid="options-delete-all"]');
  await button.click();
  assert.match(await button.textContent(), /Click again/);
  assert.ok(Object.keys(await everything(options)).length > 0, 'nothing deleted on the first click');
  await button.click();
  assert.match(await backupStatus(options, /Deleted/), /keeps nothing/);
  assert.deepEqual(await everything(options), {});

  // Restoring the file brings the notes and the memory back.
  await restoreFile(options, file);
  assert.match(await backupStatus(options, /Restored/), /1 deal seen remembered from the file/);
  stored = await everything(options);
  assert.equal(stored['seen:hs:123:456'].deal.key, 'hs:123:456');
  assert.equal(stored['notes:hs:123:456'].reason, 'cut onboarding to two weeks');
  assert.deepEqual(errors, []);
  await guard.assertUntouched(assert);
  await page.close();
  await options.close();
});
