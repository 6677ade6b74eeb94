// Quick notes in the popup: saved to storage.local, the overlay updates live, corrupt notes
// are reported without losing the rest. The write-nothing guard runs on the deal page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED, launch, openCard, openGuarded, overlayFrame, scoredBadge } from './harness.mjs';

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

test("the buyer's language: picked in the notes or on a chip, the drafts follow and the note is kept", async () => {
  const url = EXPECTED['hubspot/deal.html'].url;
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.locator('[data-testid="note-language"]').waitFor();
  await popup.locator('[data-testid="note-reason"]').fill('cut onboarding from six weeks to two');
  await popup.locator('[data-testid="note-language"]').selectOption('de');
  await popup.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();
  await popup.locator('[data-testid="message-language"][data-lang="de"]').waitFor();
  assert.match(await popup.locator('[data-testid="next-message"]').textContent(), /cut onboarding/);
  // The card follows the note live.
  await frame.locator('[data-testid="message-language"][data-lang="de"]').waitFor({ state: 'attached', timeout: 5000 });
  // A chip in the popup's result sets the same note.
  await popup.locator('[data-action="language"][data-lang="es"]').click();
  await popup.locator('[data-testid="message-language"][data-lang="es"]').waitFor();
  assert.equal(await popup.locator('[data-testid="note-language"]').inputValue(), 'es');
  const stored = await popup.evaluate(() => chrome.storage.local.get(null));
  const notes = stored['notes:hs:123:456'];
  assert.equal(notes.language, 'es');
  assert.equal(notes.reason, 'cut onboarding from six weeks to two');
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

/** What storage holds under `key`, read from one of the extension's pages. */
async function storedNotes(extensionPage, key) {
  return (await extensionPage.evaluate((k) => chrome.storage.local.get(k), key))[key];
}

/** Every note field, as a backup restored from another machine would hold them. */
const EVERY_FIELD = {
  reason: 'pass the Q1 audit without hiring',
  private: 'her boss is skeptical after the last tool flopped',
  goal: 'cut audit prep from 6 weeks to 2',
  reason_noted_on: '2026-03-01',
  deadline: '2027-03-31',
  preferred_channel: 'email',
  avoid_channels: ['call', 'text'],
  approver: 'CFO',
  snooze_until: '2020-01-02',
  snooze_reason: 'board meeting',
  tags: ['needy', 'slow payer'],
};

test('saving from the popup over notes that hold every field loses nothing it did not touch', async () => {
  const url = EXPECTED['salesforce/opportunity.html'].url;
  const key = 'notes:sf:acme:0065g00000XyZ12';
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.evaluate(([k, notes]) => chrome.storage.local.set({ [k]: notes }), [key, EVERY_FIELD]);
  await popup.reload();
  await popup.locator('[data-testid="note-approver"]').waitFor();
  // The goal and the tags are on the form, so a rep can see and change them.
  assert.equal(await popup.locator('[data-testid="note-goal"]').inputValue(), EVERY_FIELD.goal);
  assert.equal(await popup.locator('[data-testid="note-tags"]').inputValue(), 'needy, slow payer');
  assert.equal(await popup.locator('[data-testid="note-private"]').inputValue(), EVERY_FIELD.private);

  await popup.locator('[data-testid="note-approver"]').fill('Head of Finance');
  await popup.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();
  const before = Date.now();
  const { changed, ...stored } = await storedNotes(popup, key);
  assert.deepEqual(stored, { ...EVERY_FIELD, approver: 'Head of Finance' });
  // Only the field the rep changed is stamped with the time it changed.
  assert.deepEqual(Object.keys(changed), ['approver']);
  assert.ok(changed.approver <= before && changed.approver > before - 60_000, `a recent time: ${changed.approver}`);

  // A tag typed in the popup reaches the score: the bad-fit tag signal is live.
  await frame.locator('[data-testid="stall-reason"][data-code="fit_tags"]').waitFor({ state: 'attached', timeout: 5000 });
  await popup.locator('[data-testid="note-tags"]').fill('slow payer');
  await popup.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();
  await frame.locator('[data-testid="stall-reason"][data-code="fit_tags"]').waitFor({ state: 'detached', timeout: 5000 });

  // After a reload every field is still there.
  await popup.reload();
  await popup.locator('[data-testid="note-goal"]').waitFor();
  const { changed: times, ...again } = await storedNotes(popup, key);
  assert.deepEqual(again, { ...EVERY_FIELD, approver: 'Head of Finance', tags: ['slow payer'] });
  assert.deepEqual(Object.keys(times).sort(), ['approver', 'tags']);
  assert.equal(await popup.locator('[data-testid="note-goal"]').inputValue(), EVERY_FIELD.goal);

  await guard.assertUntouched(assert);
  await popup.evaluate((k) => chrome.storage.local.remove(k), key);
  await popup.close();
  await page.close();
});

test('a note typed just before the popup closes is stored', async () => {
  const url = EXPECTED['hubspot/deal.html'].url;
  const key = 'notes:hs:123:456';
  const { page, guard } = await openGuarded(browser, url);
  await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.evaluate((k) => chrome.storage.local.remove(k), key);
  await popup.reload();
  const reason = 'stop paying three agencies before the March renewal';
  await popup.locator('[data-testid="note-reason"]').fill(reason);
  // The rep clicks back into the CRM at once: the toolbar popup closes with no time to spare.
  await popup.close();

  const check = await browser.context.newPage();
  await check.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
  const stored = await check.evaluate(async (k) => {
    for (let i = 0; i < 20; i++) {
      const v = (await chrome.storage.local.get(k))[k];
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }, key);
  assert.equal(stored?.reason, reason, 'the last edit was not lost');
  await check.evaluate((k) => chrome.storage.local.remove(k), key);
  await guard.assertUntouched(assert);
  await check.close();
  await page.close();
});

test('two popups on one deal: each keeps the other\'s edits, and an idle one shows them', async () => {
  const url = EXPECTED['salesforce/opportunity.html'].url;
  const key = 'notes:sf:acme:0065g00000XyZ12';
  const { page, guard } = await openGuarded(browser, url);
  await overlayFrame(page, browser.extensionId);
  const first = await openPopupFor(url);
  await first.evaluate((k) => chrome.storage.local.remove(k), key);
  const second = await openPopupFor(url);
  await first.reload();
  await first.locator('[data-testid="note-reason"]').waitFor();
  await second.locator('[data-testid="note-reason"]').waitFor();

  await first.locator('[data-testid="note-approver"]').fill('CFO');
  await first.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();
  // The idle popup shows the other window's edit.
  await second.waitForFunction(
    () => document.querySelector('[data-testid="note-approver"]')?.value === 'CFO',
    null,
    { timeout: 5000 },
  );
  await second.locator('[data-testid="note-reason"]').fill('replace three spreadsheets before the audit');
  await second.locator('[data-testid="save-status"]').filter({ hasText: 'Saved' }).waitFor();
  const stored = await storedNotes(second, key);
  assert.equal(stored.approver, 'CFO', 'the other window\'s field was not reverted');
  assert.equal(stored.reason, 'replace three spreadsheets before the audit');

  await first.evaluate((k) => chrome.storage.local.remove(k), key);
  await guard.assertUntouched(assert);
  await first.close();
  await second.close();
  await page.close();
});

/** Waits until storage holds notes under `key` that `pass`es, and returns them. */
async function waitStored(extensionPage, key, pass) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const notes = await storedNotes(extensionPage, key);
    if (pass(notes ?? {})) return notes;
    if (Date.now() > deadline) assert.fail(`storage never got there: ${JSON.stringify(notes)}`);
    await extensionPage.waitForTimeout(100);
  }
}

test('a reason that reads like a private note is flagged and moved; the private note never reaches a draft', async () => {
  const url = EXPECTED['salesforce/opportunity.html'].url;
  const key = 'notes:sf:acme:0065g00000XyZ12';
  const { page, guard } = await openGuarded(browser, url);
  const frame = await overlayFrame(page, browser.extensionId);
  const popup = await openPopupFor(url);
  await popup.evaluate((k) => chrome.storage.local.remove(k), key);
  await popup.reload();
  const reasonBox = popup.locator('[data-testid="note-reason"]');
  const privateBox = popup.locator('[data-testid="note-private"]');
  const flag = popup.locator('[data-testid="note-reason-flag"]');
  await reasonBox.waitFor();
  assert.equal(await flag.isVisible(), false, 'no flag on an empty reason');

  // The rep writes about the buyer where messages quote the buyer: the popup asks to move it.
  const gossip = 'his boss is skeptical after the last tool flopped';
  await reasonBox.fill(gossip);
  await flag.filter({ hasText: 'reads like a private note' }).waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await flag.textContent(), /"his" is about them/);
  await popup.locator('[data-testid="move-to-private"]').click();
  await flag.waitFor({ state: 'hidden', timeout: 5000 });
  assert.equal(await reasonBox.inputValue(), '');
  assert.equal(await privateBox.inputValue(), gossip);
  const moved = await waitStored(popup, key, (n) => n.private === gossip);
  assert.equal(moved.reason, undefined, 'the reason was cleared in the same save');

  // The buyer's own words are not flagged; a private note with words no draft could hold.
  const reason = 'have all 120 trucks tracked before the spring delivery peak';
  await reasonBox.fill(reason);
  const secret = `${gossip}. Zorblat grudge: cheap, needy`;
  await privateBox.fill(secret);
  await waitStored(popup, key, (n) => n.reason === reason && n.private === secret);
  assert.equal(await flag.isVisible(), false, 'the buyer\'s words are not flagged');

  // The goal is quoted to the buyer too: the same check under it.
  const goalBox = popup.locator('[data-testid="note-goal"]');
  const goalFlag = popup.locator('[data-testid="note-goal-flag"]');
  await goalBox.fill('she wants to stop paying 3 agencies');
  await goalFlag.filter({ hasText: 'reads like a private note' }).waitFor({ state: 'visible', timeout: 5000 });
  await goalBox.fill('stop paying three agencies by June');
  await goalFlag.waitFor({ state: 'hidden', timeout: 5000 });

  // Every draft the overlay offers (each channel, each tone) quotes the reason and nothing of
  // the private note; nor does anything else on the card or in the popup.
  await frame.locator('[data-testid="next-message"]', { hasText: reason }).waitFor({ state: 'attached', timeout: 5000 });
  await page.bringToFront(); // the rep looks at the deal again (a background tab paints slowly)
  await openCard(frame);
  const leaked = (text) => ['Zorblat', 'grudge', 'skeptical', 'flopped', 'needy', 'his boss'].filter((w) => text.includes(w));
  const channels = await frame.$$eval('button[data-action="channel"]', (bs) => bs.map((b) => b.dataset.channel));
  assert.ok(channels.length >= 2, `several channels offered: ${channels}`);
  for (const channel of channels) {
    for (const tone of ['warm', 'direct']) {
      await frame.locator(`button[data-action="channel"][data-channel="${channel}"]`).click();
      await frame.locator(`[data-testid="variant"][data-tone="${tone}"]`).click();
      await frame.locator(`button[data-channel="${channel}"][aria-pressed="true"]`).waitFor({ state: 'attached' });
      await frame.locator(`[data-testid="variant"][data-tone="${tone}"][aria-pressed="true"]`).waitFor({ state: 'attached' });
      const card = await frame.locator('[data-testid="stall-card"]').textContent();
      assert.deepEqual(leaked(card), [], `${channel}/${tone}: ${card}`);
    }
  }
  assert.deepEqual(leaked(await popup.locator('#result').textContent()), []);

  await guard.assertUntouched(assert);
  await popup.evaluate((k) => chrome.storage.local.remove(k), key);
  await popup.close();
  await page.close();
});

test('notes in one keystroke: the shortcut is declared, the reason field has the focus, Enter saves and closes, and the form fits a 600-px popup', async () => {
  const url = EXPECTED['salesforce/opportunity.html'].url;
  const { page, guard } = await openGuarded(browser, url);
  await scoredBadge(page);
  const helper = await browser.context.newPage();
  await helper.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const commands = await helper.evaluate(() => chrome.commands.getAll());
  const open = commands.find((c) => c.name === '_execute_action');
  assert.ok(open, `the toolbar action has a command (${JSON.stringify(commands)})`);
  assert.equal(open.shortcut.replace(/\s/g, ''), 'Alt+Shift+S', 'suggested Alt+Shift+S (rebindable in the browser)');
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u.replace(/\/view$/, '/*') }))[0]?.id, url);
  await helper.evaluate(() => chrome.storage.local.remove('notes:sf:acme:0065g00000XyZ12'));

  // The popup as the toolbar opens it: at most 600 px tall, one navigation.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('form.notes').waitFor();
  assert.equal(await popup.locator('[data-testid="notes-deal"]').textContent(), 'Northwind Logistics — Fleet Telematics Rollout');
  // Notes first: the whole form, down to its save line, is in view without scrolling.
  const { formBottom, resultTop, scrolled } = await popup.evaluate(() => ({
    formBottom: document.querySelector('[data-testid="save-status"]').getBoundingClientRect().bottom,
    resultTop: document.getElementById('result').getBoundingClientRect().top,
    scrolled: window.scrollY,
  }));
  assert.ok(formBottom <= 600, `the form ends at ${formBottom}px`);
  assert.ok(resultTop > formBottom, 'the score and the message come after the notes');
  assert.equal(scrolled, 0);
  // The keys: the focus is already in the reason field; type, Enter. Two keystrokes beyond the
  // typing, counting the shortcut.
  assert.equal(await popup.evaluate(() => document.activeElement?.dataset.testid), 'note-reason');
  const closed = new Promise((resolve) => popup.once('close', () => resolve(true)));
  await popup.keyboard.type('pass the safety audit by March');
  // The popup closes during the key press.
  await popup.keyboard.press('Enter').catch(() => {});
  assert.equal(await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 5000))]), true, 'Enter closed the popup');
  const stored = await helper.evaluate(() => chrome.storage.local.get('notes:sf:acme:0065g00000XyZ12'));
  assert.equal(stored['notes:sf:acme:0065g00000XyZ12'].reason, 'pass the safety audit by March', 'saved, with no newline from the Enter');
  await guard.assertUntouched(assert);
  await helper.close();
  await page.close();
});
