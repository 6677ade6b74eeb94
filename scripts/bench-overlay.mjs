// Time to the badge: loads each deal fixture N times in real Chromium with the built extension
// and reports medians of
//   · page → overlay frame: from the page's navigation start to the overlay document starting
//     (the content script runs at document_idle, reads the page and mounts the frame);
//   · frame → wasm ready: loading and compiling the Rust core;
//   · frame → first score: the above plus the first snapshot, assessment and render.
// Usage: node scripts/bench-overlay.mjs [runs]   (build first: bash scripts/build.sh)
import { EXPECTED, launch, overlayFrame } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 15);
const fixtures = ['salesforce/opportunity.html', 'hubspot/deal.html', 'salesforce/opportunity-list.html'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const browser = await launch();
try {
  console.log(`${runs} loads each, Chromium ${browser.context.browser()?.version() ?? ''} headless; medians in ms`);
  console.log('fixture                              page→frame  frame→wasm  frame→score  page→score');
  for (const fixture of fixtures) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(EXPECTED[fixture].url);
      const frame = await overlayFrame(page, browser.extensionId);
      const pageOrigin = await page.evaluate(() => performance.timeOrigin);
      const f = await frame.evaluate(() => {
        const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        return { origin: performance.timeOrigin, wasm: get('stallwatch:wasm-ready'), render: get('stallwatch:first-render') };
      });
      rows.push({ mount: f.origin - pageOrigin, wasm: f.wasm, render: f.render, total: f.origin - pageOrigin + f.render });
      await page.close();
    }
    const m = (k) => median(rows.map((r) => r[k]).filter(Number.isFinite)).toFixed(0).padStart(10);
    console.log(`${fixture.padEnd(36)} ${m('mount')}  ${m('wasm')}  ${m('render')}   ${m('total')}`);
  }
} finally {
  await browser.close();
}
