// Issue 21's evidence-built pages (tests/fixtures/TRUTH-21.md), read in real Chromium and held
// to what a careful person reads there (`truth-checks.mjs`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRUTH, launch, openCard, openGuarded, overlayFrame } from './harness.mjs';
import { assertTrue } from './truth-checks.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the truth pages are there to read', () => {
  assert.ok(Object.keys(TRUTH).length >= 5, Object.keys(TRUTH).join(', '));
});

for (const [file, t] of Object.entries(TRUTH)) {
  test(`${file}: everything the card states is what a person reads there`, async () => {
    const { page, guard } = await openGuarded(browser, t.url);
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    assertTrue(file, t, {
      parsed: JSON.parse(await frame.locator('[data-testid="read-parsed"]').getAttribute('data-json')),
      codes: await frame.locator('[data-testid="stall-reason"]').evaluateAll((els) => els.map((e) => e.dataset.code)),
      state: await frame.locator('[data-state]').first().getAttribute('data-state'),
      confidence: (await frame.locator('[data-testid="confidence"]').allTextContents()).join(' '),
    });
    await guard.assertUntouched(assert);
    await page.close();
  });
}
