// The overlay on real CRM URLs, in real Chromium, with the write-nothing guard on every test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EXPECTED,
  contentBadge,
  fillDates,
  findOverlayFrame,
  hasNoOverlay,
  launch,
  openCard,
  openGuarded,
  overlayFrame,
  readFields,
  scoredBadge,
} from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const SCORE = /^(\d{1,3}|–)$/;

async function score(frame) {
  const text = (await frame.locator('[data-testid="stall-score"]').textContent()).trim();
  assert.match(text, SCORE, 'the score is an integer 0–100 or –');
  return text;
}

async function reasonCodes(frame) {
  return frame.$$eval('[data-testid="stall-reason"]', (els) => els.map((e) => e.dataset.code));
}

/** The value a fixture field should read as, with its date tokens filled like the server does. */
function expectedValue(raw) {
  return raw === null ? null : fillDates(raw);
}

/** Checks the "what I read" list against the fixture's expectations. */
async function assertReadAsExpected(frame, fixture) {
  const want = EXPECTED[fixture];
  const read = await readFields(frame);
  for (const [field, raw] of Object.entries(want.fields)) {
    const value = expectedValue(raw);
    if (value === null) {
      assert.equal(read[field], 'not read', `${fixture}: ${field} is absent and the overlay says so`);
    } else {
      assert.equal(read[field], value, `${fixture}: ${field}`);
    }
  }
  if (typeof want.activities === 'number') {
    assert.match(read.activities, new RegExp(`^${want.activities} items(: |$)`), `${fixture}: activity count`);
  }
}

describe('Salesforce Lightning opportunity', () => {
  test('scores the follow-up trap and says what it read', async () => {
    const fixture = 'salesforce/opportunity.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    const s = Number(await score(frame));
    assert.ok(s >= 65, `a buyer silent for 21 days after 4 content-free emails is high risk (got ${s})`);
    const codes = await reasonCodes(frame);
    for (const code of ['follow_up_trap', 'silence', 'no_reason', 'close_date_past']) {
      assert.ok(codes.includes(code), `reason ${code} shown (got ${codes})`);
    }
    const trap = await frame.locator('[data-testid="stall-reason"][data-code="follow_up_trap"]').textContent();
    assert.match(trap, /4 emails from you since their last reply on .* \(21 days ago\)/, trap);
    await assertReadAsExpected(frame, fixture);
    // No reason recorded yet: the suggestion asks for one.
    assert.match(await frame.locator('[data-testid="next-message"]').textContent(), /what do you want it to change/i);
    assert.equal(await frame.locator('[data-testid="next-message-channel"]').textContent(), 'email');
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('the badge opens the card with the same number, closes back to it, and copies the message to the clipboard only', async () => {
    const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
    // Before any click: the content script's badge, and no frame yet.
    const badge = await scoredBadge(page);
    assert.equal(findOverlayFrame(page), undefined, 'no frame until the rep opens the card');
    assert.equal(badge.brand, 'Stall risk');
    assert.match(badge.number, /^\d{1,3}$/);
    assert.equal(badge.band, 'high');
    assert.match(badge.label, new RegExp(`Stall risk ${badge.number} \\(high\\)`));
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    assert.equal(await score(frame), badge.number, 'the card shows the badge\'s number');
    assert.equal((await contentBadge(page)).box, null, 'the badge is hidden while the card is open');
    // Closed: the frame goes and the badge is back.
    await frame.locator('.close').click();
    for (let i = 0; i < 50 && findOverlayFrame(page); i++) await page.waitForTimeout(100);
    assert.equal(findOverlayFrame(page), undefined, 'closing the card removes its frame');
    assert.equal((await scoredBadge(page)).number, badge.number);
    const again = await overlayFrame(page, browser.extensionId);
    await openCard(again);
    // The variant switcher: another tone gives other words on the same channel; another
    // channel gives that channel's draft.
    const card = again;
    const warm = await card.locator('[data-testid="next-message"]').textContent();
    await card.locator('[data-testid="variant"][data-tone="direct"]').click();
    await card.locator('[data-testid="variant"][data-tone="direct"][aria-pressed="true"]').waitFor();
    const direct = await card.locator('[data-testid="next-message"]').textContent();
    assert.notEqual(direct, warm, 'the direct variant differs from the warm one');
    await card.locator('button[data-action="channel"][data-channel="call"]').click();
    await card.locator('[data-testid="next-message-channel"]', { hasText: 'call' }).waitFor();
    assert.equal(await card.locator('[data-testid="call-openers"] li').count(), 2, 'a call comes with two openers');
    await card.locator('[data-testid="copy-message"]').click();
    await card.locator('.copied').filter({ hasText: /Copied|Select the text/ }).waitFor();
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('a sparse page says what it could not read instead of inventing risk', async () => {
    const fixture = 'salesforce/opportunity-sparse.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    await score(frame);
    const codes = await reasonCodes(frame);
    assert.ok(!codes.includes('silence'), 'no timeline items: no silence points');
    const read = await readFields(frame);
    assert.equal(read.close_date, 'not read');
    const amountNote = await frame.locator('[data-testid="read-field"][data-field="amount"] .note').textContent();
    assert.match(amountNote, /not used/, 'a garbled amount is shown as read and reported');
    await assertReadAsExpected(frame, fixture);
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('a closed-won deal is not scored', async () => {
    const fixture = 'salesforce/opportunity-closed.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    assert.equal(await score(frame), '–');
    assert.deepEqual(await reasonCodes(frame), []);
    assert.equal(await frame.locator('[data-testid="next-message"]').count(), 0);
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('nothing shows on a contact record', async () => {
    const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/contact.html'].url);
    await page.waitForTimeout(1500);
    assert.ok(await hasNoOverlay(page, browser.extensionId));
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe('HubSpot deal', () => {
  // The buyer replied yesterday with contract redlines ("we need a BAA addendum"): no silence
  // and no chasing, but their request waits on the rep, and that comes first.
  test('a reply yesterday: no silence, and their request is the first thing to answer', async () => {
    const fixture = 'hubspot/deal.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    const s = Number(await score(frame));
    assert.ok(s < 65, `not high risk, got ${s}`);
    const codes = await reasonCodes(frame);
    assert.ok(!codes.includes('silence') && !codes.includes('follow_up_trap'), `${codes}`);
    assert.equal(codes[0], 'buyer_waiting', `${codes}`);
    await assertReadAsExpected(frame, fixture);
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('a deal with no timeline and no close date says so', async () => {
    const fixture = 'hubspot/deal-empty.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    await score(frame);
    await assertReadAsExpected(frame, fixture);
    await guard.assertUntouched(assert);
    await page.close();
  });

  test("listens: the buyer's unanswered question, in French, is the first thing to act on", async () => {
    const fixture = 'hubspot/deal-2026-fr.html';
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    const frame = await overlayFrame(page, browser.extensionId);
    const codes = await reasonCodes(frame);
    assert.equal(codes[0], 'buyer_waiting', `the buyer waiting on the rep comes first (got ${codes})`);
    const fact = await frame.locator('[data-testid="stall-reason"][data-code="buyer_waiting"]').textContent();
    // The fact the rep can check: when, how long, and the buyer's own words.
    assert.match(fact, /\(6 days ago\) and nobody has answered: “Pourriez-vous nous envoyer un devis révisé/, fact);
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('nothing shows on a contact record', async () => {
    const { page, guard } = await openGuarded(browser, EXPECTED['hubspot/contact.html'].url);
    await page.waitForTimeout(1500);
    assert.ok(await hasNoOverlay(page, browser.extensionId));
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('follows single-page navigation away from and back to a deal', async () => {
    const deal = EXPECTED['hubspot/deal.html'].url;
    const contact = EXPECTED['hubspot/contact.html'].url;
    const { page, guard } = await openGuarded(browser, deal);
    await overlayFrame(page, browser.extensionId);
    // The CRM's router changes the URL without a page load.
    await guard.asHost((url) => history.pushState({}, '', url), contact);
    await page.waitForFunction(() => document.querySelectorAll('[data-stallwatch-overlay]').length === 0, null, { timeout: 5000 });
    await guard.asHost((url) => history.pushState({}, '', url), deal);
    await overlayFrame(page, browser.extensionId);
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe('placement', () => {
  // The CRMs' own header controls and the record's action buttons, as the fixtures show them
  // (tests/fixtures/*/EVIDENCE.md): the overlay must never sit on them.
  const CHROME = '.slds-global-header, .slds-context-bar, .actionsContainer, runtime_platform_actions-actions-ribbon, [data-test-id="navbar"], nav';
  const CONTROLS = 'a[href], button, input, select, [role="button"], [role="tab"], [role="menuitem"]';

  async function chromeControls(page) {
    return page.evaluate(([chrome, controls]) => {
      const roots = [document];
      for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      return roots
        .flatMap((r) => [...r.querySelectorAll(chrome)])
        .flatMap((c) => [c, ...c.querySelectorAll(controls)])
        .filter((el) => el.matches(controls))
        .map((el) => el.getBoundingClientRect())
        .filter((b) => b.width && b.height)
        .map((b) => ({ left: b.left, right: b.right, top: b.top, bottom: b.bottom }));
    }, [CHROME, CONTROLS]);
  }
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  for (const fixture of ['salesforce/opportunity.html', 'salesforce/opportunity-console.html', 'hubspot/deal.html', 'hubspot/deal-2026-fr.html', 'salesforce/opportunity-list.html']) {
    test(`${fixture}: the badge and the open card keep clear of the CRM's header controls and record actions`, async () => {
      const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
      const controls = await chromeControls(page);
      assert.ok(controls.length >= 2, `the fixture has header controls (${controls.length})`);
      const badge = await scoredBadge(page);
      const b = { left: badge.box.x - badge.box.width / 2, right: badge.box.x + badge.box.width / 2, top: badge.box.y - badge.box.height / 2, bottom: badge.box.y + badge.box.height / 2 };
      assert.ok(b.bottom > 700 && b.right > 1200, `bottom right by default (${JSON.stringify(b)})`);
      assert.deepEqual(controls.filter((c) => overlaps(c, b)), [], 'the badge covers none');
      const frame = await overlayFrame(page, browser.extensionId);
      const card = await frame.frameElement().then((el) => el.boundingBox());
      const c = { left: card.x, right: card.x + card.width, top: card.y, bottom: card.y + card.height };
      assert.deepEqual(controls.filter((x) => overlaps(x, c)), [], `the open card covers none (${JSON.stringify(c)})`);
      await guard.assertUntouched(assert);
      await page.close();
    });
  }

  test('dragged to another corner, the badge stays there on every page, and the drag opens nothing', async () => {
    const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
    const badge = await scoredBadge(page);
    await page.mouse.move(badge.box.x, badge.box.y);
    await page.mouse.down();
    await page.mouse.move(300, 300, { steps: 8 });
    await page.mouse.move(60, 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    assert.equal(findOverlayFrame(page), undefined, 'a drag is not a click');
    const moved = await contentBadge(page);
    assert.ok(moved.box.x < 200 && moved.box.y < 60, `snapped to the top-left corner (${JSON.stringify(moved.box)})`);
    await guard.assertUntouched(assert);
    await page.close();
    // Another deal page: the same corner, and the card opens there.
    const next = await openGuarded(browser, EXPECTED['hubspot/deal.html'].url);
    const there = await scoredBadge(next.page);
    assert.ok(there.box.x < 200 && there.box.y < 60, `remembered (${JSON.stringify(there.box)})`);
    const frame = await overlayFrame(next.page, browser.extensionId);
    await openCard(frame);
    const card = await frame.frameElement().then((el) => el.boundingBox());
    assert.ok(card.x <= 10 && card.y <= 10, `the card opens in that corner (${JSON.stringify(card)})`);
    await frame.locator('[data-testid="variant"][data-tone="direct"]').click();
    await frame.locator('[data-testid="variant"][data-tone="direct"][aria-pressed="true"]').waitFor();
    await next.guard.assertUntouched(assert);
    // Back to the default for the other tests.
    await next.page.evaluate(() => 0);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ext.evaluate(() => chrome.storage.local.remove('overlay_corner'));
    await ext.close();
    await next.page.close();
  });
});
