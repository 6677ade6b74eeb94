// How Stallwatch looks to the rep: it follows the CRM page's dark mode and the system's, and
// the card, the popup, Today and the options page pass axe-core (no serious or critical
// violation). The write-nothing guard runs on every CRM page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EXPECTED, launch, openCard, openGuarded, overlayFrame } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The card's background colour, as drawn. */
function cardBackground(frame) {
  return frame.evaluate(() => getComputedStyle(document.querySelector('[data-testid="stall-card"]')).backgroundColor);
}

test('the card follows the page: light on a light CRM page, dark on a dark one', async () => {
  const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
  let frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  assert.equal(await cardBackground(frame), 'rgb(255, 255, 255)');
  await frame.locator('.close').click();
  for (let i = 0; i < 30 && page.frames().length > 1; i++) await page.waitForTimeout(100);
  // The CRM switches to its dark theme (as Salesforce's dark mode paints its page).
  await guard.asHost(() => {
    document.body.style.background = '#16191f';
  });
  frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await cardBackground(frame), 'rgb(30, 36, 48)');
  await guard.assertUntouched(assert);
  await page.close();
});

test("the extension's pages follow the system's dark mode", async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${browser.extensionId}/today.html`);
  await page.locator('[data-testid="today"]').waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(30, 36, 48)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  await page.close();
});

/** axe-core's serious and critical violations in `target` (a page or a frame), as lines. */
async function axeProblems(target, dark) {
  await target.evaluate(AXE);
  const results = await target.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${dark ? 'dark: ' : ''}${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const dark of [false, true]) {
  test(`axe-core finds nothing serious on the card, the popup, Today and the options page${dark ? ', in dark mode' : ''}`, async () => {
    const problems = [];
    const { page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity.html'].url);
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    if (dark) await guard.asHost(() => { document.body.style.background = '#16191f'; });
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    problems.push(...(await axeProblems(frame, dark)).map((p) => `card: ${p}`));
    await guard.assertUntouched(assert);
    const ext = await browser.context.newPage();
    if (dark) await ext.emulateMedia({ colorScheme: 'dark' });
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const tabId = await ext.evaluate(async () => (await chrome.tabs.query({ url: 'https://acme.lightning.force.com/*' }))[0]?.id);
    for (const [name, path, ready] of [
      ['popup', `popup.html?tab=${tabId}`, 'form.notes'],
      ['popup away from a deal', 'popup.html?tab=999999', '[data-testid="today"]'],
      ['today', 'today.html', '[data-testid="today"]'],
      ['options', 'options.html', '[data-testid="options-save"]'],
    ]) {
      await ext.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await ext.locator(ready).first().waitFor();
      problems.push(...(await axeProblems(ext, dark)).map((p) => `${name}: ${p}`));
    }
    assert.deepEqual(problems, []);
    await ext.close();
    await page.close();
  });
}
