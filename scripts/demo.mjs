// The demo: Chromium with the built extension, the bundled Salesforce and HubSpot demo pages
// served on their real URLs, and the overlay opened on each deal.
// With a display it opens a window and waits until you close it; without one it runs headless
// and writes screenshots to demo-output/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EXPECTED, ROOT, launch, openCard, overlayFrame, scoredBadge } from '../tests/e2e/harness.mjs';

const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--headless');
const outDir = path.join(ROOT, 'demo-output');
const deals = [
  'salesforce/opportunity.html',
  'hubspot/deal.html',
  'salesforce/opportunity-sparse.html',
  'salesforce/opportunity-list.html',
  'hubspot/deals-board.html',
  // Pages shaped like the evidence: an en_GB org in native shadow, HubSpot's 2026 French page.
  'salesforce/opportunity-gb-native.html',
  'hubspot/deal-2026-fr.html',
];

const browser = await launch({ headed });
try {
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  for (const fixture of deals) {
    const page = await browser.context.newPage();
    await page.goto(EXPECTED[fixture].url);
    // The badge the content script draws, then the card its click opens.
    const drawn = await scoredBadge(page);
    const badge = drawn.text;
    const name = fixture.replace(/[/.]/g, '-').replace(/-html$/, '');
    // The badge as the rep first sees it, with the page's header around it.
    const badgeFile = path.join(outDir, `${name}-badge.png`);
    const width = page.viewportSize()?.width ?? 1280;
    await page.screenshot({ path: badgeFile, clip: { x: width - 420, y: 0, width: 420, height: 90 } });
    shots.push(badgeFile);
    const frame = await overlayFrame(page, browser.extensionId);
    // "Stallwatch: High stall risk" on a deal, "Stallwatch: 2 of the 5 open deals…" on a list.
    const summary = (await frame.locator('[data-testid="stall-badge"]').getAttribute('title')) ?? '';
    await openCard(frame);
    await page.waitForTimeout(300); // let the iframe take its expanded size
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
    console.log(`${fixture}: ${badge} (${summary.replace(/^Stallwatch: /, '')}) → ${path.relative(ROOT, file)}`);
    if (!headed) await page.close();
  }
  // The card on a CRM page in its dark theme (the page's background is what the card follows).
  const dark = await browser.context.newPage();
  await dark.goto(EXPECTED['salesforce/opportunity.html'].url);
  await scoredBadge(dark);
  await dark.evaluate(() => {
    document.body.style.background = '#16191f';
    document.body.style.color = '#e6e9ef';
  });
  await openCard(await overlayFrame(dark, browser.extensionId));
  await dark.waitForTimeout(300);
  const darkFile = path.join(outDir, 'dark.png');
  const width = dark.viewportSize()?.width ?? 1280;
  await dark.screenshot({ path: darkFile, clip: { x: width - 520, y: 150, width: 520, height: 650 } });
  shots.push(darkFile);
  console.log(`dark theme → ${path.relative(ROOT, darkFile)}`);
  if (!headed) await dark.close();

  // The Today queue, filled by the visits above.
  const today = await browser.context.newPage();
  await today.setViewportSize({ width: 900, height: 900 });
  await today.goto(`chrome-extension://${browser.extensionId}/today.html`);
  await today.locator('[data-testid="today-row"]').first().waitFor();
  const todayFile = path.join(outDir, 'today.png');
  await today.screenshot({ path: todayFile, fullPage: true });
  shots.push(todayFile);
  console.log(`Today: ${await today.locator('[data-testid="today-headline"]').textContent()} → ${path.relative(ROOT, todayFile)}`);
  // A second look at the Salesforce deal, as if the first had been three days ago with the
  // close date a week later ("since you last looked"), and one reason corrected by the rep.
  const seenKey = 'seen:sf:acme:0065g00000XyZ12';
  await today.evaluate(async (key) => {
    const entry = (await chrome.storage.local.get(key))[key];
    if (!entry) return;
    const shift = (iso, days) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    entry.seen_ms -= 3 * 86_400_000;
    entry.seen_day = shift(entry.seen_day, -3);
    if (entry.deal.close_date) entry.deal.close_date = shift(entry.deal.close_date, 7);
    await chrome.storage.local.set({ [key]: entry });
  }, seenKey);
  const again = await browser.context.newPage();
  await again.goto(EXPECTED['salesforce/opportunity.html'].url);
  const card = await overlayFrame(again, browser.extensionId);
  await openCard(card);
  const first = card.locator('[data-testid="stall-reason"]').first();
  await first.locator('[data-testid="not-right"]').click();
  await first.locator('[data-testid="correct-not_this_deal"]').click();
  await card.locator('[data-testid="corrected-reason"]').first().waitFor();
  await again.waitForTimeout(300);
  const correctedFile = path.join(outDir, 'corrected.png');
  const w = again.viewportSize()?.width ?? 1280;
  await again.screenshot({ path: correctedFile, clip: { x: w - 520, y: 0, width: 520, height: 720 } });
  shots.push(correctedFile);
  console.log(`a corrected reason and "since you last looked" → ${path.relative(ROOT, correctedFile)}`);
  if (!headed) await again.close();

  if (headed) {
    console.log('The demo pages are open in Chromium. Close the browser window to finish.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    console.log(`\nScreenshots of the overlay are in ${path.relative(process.cwd(), outDir) || outDir}/`);
  }
} finally {
  await browser.close().catch(() => {});
}
