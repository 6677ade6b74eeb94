// Stallwatch's page benchmark: what the extension costs a CRM page, measured side by side.
//
// Three Chromium browsers run at once, one per arm, and every page is loaded in each arm in turn
// (alternating, so machine noise hits all arms alike):
//   · none        no extension: the host page alone;
//   · empty       an extension whose content script does nothing, on the same URLs: the
//                 platform's own share of any cost (extension process, content-script world);
//   · stallwatch  the built extension with its read counters (dist/chrome-instrumented: the
//                 shipped dist/chrome plus STALLWATCH_COUNTERS in the content script).
// Pages: two fixture pages (a small Lightning record and the native-shadow en-GB one), a
// generated large Lightning-like record (scripts/bench/large-page.mjs: ~16,000 elements, ~400
// shadow roots, a 200-item timeline, hidden cached records) and its busy variant (a header clock
// re-rendering every 100 ms, a badge inside the record every 2 s).
//
// Figures (medians; ratios are stallwatch / none and empty / none, measured in the same run):
//   · navigation → badge and DOMContentLoaded → badge, cold (first load of a browser: the
//     background's core starts too) and warm; a click on the badge → the card drawn;
//   · the host's load event, with / without;
//   · long tasks on the page's main thread during load, per arm;
//   · busy page: main-thread busy time over the window (CDP TaskDuration), with / without;
//     reads and snapshots sent by the content script (its own counters, asked through an
//     extension page);
//   · read on demand on the large page (the content script's own timing of one read);
//   · page JS heap, with / without; the shipped sizes.
// Usage: node scripts/bench-overlay.mjs [--quick] [--runs N] [--window SECONDS]
//        (build first: bash scripts/build.sh). --quick is what CI runs: it proves the benchmark
//        works, it does not gate on this noisy machine's numbers.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSP, EXPECTED, ROOT, contentBadge, extensionIdFor, serveFixtures } from '../tests/e2e/harness.mjs';
import { BUSY_SCRIPT, LARGE_URL, describe, largePage } from './bench/large-page.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', quick ? 2 : 9);
const WINDOW_S = option('--window', quick ? 3 : 30);
const DIST = path.join(ROOT, 'dist', 'chrome-instrumented');
// Sizes are the shipped build's.
const SHIPPED = path.join(ROOT, 'dist', 'chrome');

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

// ---- the arms ---------------------------------------------------------------------------------

/** An extension whose content script does nothing, on the same URLs as Stallwatch's. */
function emptyExtension() {
  const dir = mkdtempSync(path.join(tmpdir(), 'stallwatch-empty-ext-'));
  const real = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const matches = real.content_scripts.flatMap((c) => c.matches);
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', content_scripts: [{ matches, js: ['noop.js'], run_at: 'document_idle' }] }),
  );
  writeFileSync(path.join(dir, 'noop.js'), 'void 0;\n');
  return dir;
}

async function launchArm(name, extensionDir) {
  const profile = mkdtempSync(path.join(tmpdir(), `stallwatch-bench-${name}-`));
  const argv = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  if (extensionDir) argv.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--disable-features=DisableLoadExtensionCommandLineSwitch');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, // --headless=new above: it runs extensions
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
    args: argv,
    viewport: { width: 1280, height: 800 },
  });
  await serveFixtures(context);
  // The generated pages (registered last: Playwright runs the newest matching route first).
  await context.route(/\/bench-busy\.js$/, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: BUSY_SCRIPT }));
  for (const [url, html] of PAGES_HTML) {
    await context.route((u) => u.href === url, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' }, body: html }),
    );
  }
  const extensionId = extensionDir ? extensionIdFor(extensionDir) : null;
  return {
    name,
    context,
    extensionId,
    loads: 0,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---- the pages --------------------------------------------------------------------------------

const largeHtml = largePage();
const busyHtml = largePage({ busy: true });
const BUSY_URL = LARGE_URL.replace('/view', '/view?busy=1');
const PAGES_HTML = [
  [LARGE_URL, largeHtml],
  [BUSY_URL, busyHtml],
];
const PAGES = [
  { name: 'fixture, small (opportunity.html)', url: EXPECTED['salesforce/opportunity.html'].url },
  { name: 'fixture, native shadow (gb-native)', url: EXPECTED['salesforce/opportunity-gb-native.html'].url },
  { name: 'large (generated)', url: LARGE_URL, large: true },
];

// ---- measuring one load -----------------------------------------------------------------------

/** Starts counting long tasks before the page's own scripts run (buffered entries are kept). */
async function observeLongTasks(page) {
  await page.addInitScript(() => {
    globalThis.__benchLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__benchLongTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long task timing: reported as not measured
    }
  });
}

/**
 * The content script's counters once it drew its first badge (its times are ms since the page's
 * navigation started: the content script shares the document's time origin), or null.
 */
async function badgeDrawn(url, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const stats = await askTab(helper, url, 'stallwatch:stats').catch(() => null);
    if (Number.isFinite(stats?.firstBadgeAt)) return stats;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/**
 * Opens the card as the rep does (a click on the badge, found through the DevTools protocol in
 * our closed shadow root) and returns the ms from the click to the card's first render.
 */
async function openCardMs(page, arm, timeout = 15_000) {
  const badge = await contentBadge(page);
  if (!badge?.box) return NaN;
  const clickAt = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.mouse.click(badge.box.x, badge.box.y);
  const prefix = `chrome-extension://${arm.extensionId}/overlay.html`;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    const render = frame && (await frame.evaluate(() => {
      const mark = performance.getEntriesByName('stallwatch:first-render')[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    }).catch(() => null));
    if (render) return render - clickAt;
    await new Promise((r) => setTimeout(r, 20));
  }
  return NaN;
}

async function measureLoad(arm, url) {
  const page = await arm.context.newPage();
  await observeLongTasks(page);
  const cold = arm.loads === 0;
  arm.loads += 1;
  await page.goto(url, { waitUntil: 'load' });
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { dcl: n.domContentLoadedEventEnd, load: n.loadEventStart };
  });
  const out = { cold, load: nav.load, dcl: nav.dcl };
  if (arm.extensionId) {
    const stats = await badgeDrawn(url);
    out.badge = stats?.firstBadgeAt ?? NaN;
    // Where the time to the badge goes: the content script starting, reading, the background
    // scoring (message, storage, core), drawing.
    out.parts = stats && {
      start: stats.startedAt - nav.dcl,
      read: stats.firstAskedAt - stats.startedAt,
      score: stats.firstAnsweredAt - stats.firstAskedAt,
      draw: stats.firstBadgeAt - stats.firstAnsweredAt,
    };
  }
  // Long tasks up to now (the load and the first read).
  await page.waitForTimeout(300);
  out.longTasks = await page.evaluate(() => globalThis.__benchLongTasks?.length ?? NaN);
  if (arm.extensionId) out.card = await openCardMs(page, arm);
  await page.close();
  return out;
}

// ---- the busy page and reads on demand --------------------------------------------------------

/** Asks the content script of the tab showing `url` (`type`), through the extension page `helper`. */
async function askTab(helper, url, type) {
  return helper.evaluate(
    async ([u, t]) => {
      const [tab] = await chrome.tabs.query({ url: u.replace(/\?.*$/, '*') });
      return tab ? chrome.tabs.sendMessage(tab.id, { type: t }, { frameId: 0 }) : null;
    },
    [url, type],
  );
}

async function contentStats(arm, helper, url) {
  return askTab(helper, url, 'stallwatch:stats');
}

async function measureBusy(arm, helper) {
  const page = await arm.context.newPage();
  await observeLongTasks(page);
  await page.goto(BUSY_URL, { waitUntil: 'load' });
  if (arm.extensionId) await badgeDrawn(BUSY_URL);
  await page.waitForTimeout(1000); // past the first read
  const cdp = await arm.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
  const before = { task: await metric('TaskDuration'), tasks: await page.evaluate(() => globalThis.__benchLongTasks.length), stats: helper ? await contentStats(arm, helper, BUSY_URL) : null };
  await page.waitForTimeout(WINDOW_S * 1000);
  const after = { task: await metric('TaskDuration'), tasks: await page.evaluate(() => globalThis.__benchLongTasks.length), stats: helper ? await contentStats(arm, helper, BUSY_URL) : null, heap: await metric('JSHeapUsedSize') };
  await page.close();
  const per30 = 30 / WINDOW_S;
  return {
    mainThreadMsPer30s: (after.task - before.task) * 1000 * per30,
    longTasks: after.tasks - before.tasks,
    reads: before.stats && after.stats ? (after.stats.reads - before.stats.reads) * per30 : NaN,
    sent: before.stats && after.stats ? (after.stats.sent - before.stats.sent) * per30 : NaN,
    heapMB: after.heap / 1e6,
  };
}

/**
 * The large page asked for its reading `n` times with nothing changed (the popup opening), and
 * read `n` times after a change to a value it reads (the deal's name re-rendered): both timed by
 * the content script itself.
 */
async function readsOnDemand(arm, helper, n) {
  const page = await arm.context.newPage();
  await page.goto(LARGE_URL, { waitUntil: 'load' });
  await badgeDrawn(LARGE_URL);
  await page.waitForTimeout(500);
  const ask = (type) => askTab(helper, LARGE_URL, type);
  const answers = [];
  for (let i = 0; i < n; i++) {
    await ask('stallwatch:get-snapshot');
    answers.push((await ask('stallwatch:stats')).lastAnswerMs);
  }
  const reads = [];
  for (let i = 0; i < n; i++) {
    const before = await ask('stallwatch:stats');
    // The page re-renders the deal's name (inside the highlights' shadow DOM), as after an edit.
    await page.evaluate((k) => {
      const roots = [document];
      for (let j = 0; j < roots.length; j++) for (const el of roots[j].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const root of roots) {
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) if (t.data.includes('Bigfoot Freight')) t.data = `Bigfoot Freight — Fleet Rollout ${k}`;
      }
    }, i);
    await page.waitForTimeout(600); // the debounce, then the read
    const after = await ask('stallwatch:stats');
    if (after.reads > before.reads) reads.push((after.readMs - before.readMs) / (after.reads - before.reads));
  }
  await page.close();
  return { answer: median(answers), read: median(reads) };
}

// ---- sizes ------------------------------------------------------------------------------------

function sizes() {
  const manifest = JSON.parse(readFileSync(path.join(SHIPPED, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts.flatMap((c) => c.js);
  const contentBytes = scripts.reduce((n, f) => n + statSync(path.join(SHIPPED, f)).size, 0);
  const wasm = readFileSync(path.join(SHIPPED, 'pkg', 'stallwatch_bg.wasm'));
  const glue = readFileSync(path.join(SHIPPED, 'pkg', 'stallwatch.js'));
  return { contentBytes, scripts, wasmGlueGz: gzipSync(wasm, { level: 9 }).length + gzipSync(glue, { level: 9 }).length };
}

// ---- the run ----------------------------------------------------------------------------------

const emptyDir = emptyExtension();
const arms = [await launchArm('none', null), await launchArm('empty', emptyDir), await launchArm('stallwatch', DIST)];
const stallwatch = arms[2];
// An extension page of Stallwatch's, through which the content script is asked for its counters.
const helper = await stallwatch.context.newPage();
await helper.goto(`chrome-extension://${stallwatch.extensionId}/options.html`);
const results = {}; // page -> arm -> [loads]
try {
  const shape = describe(largeHtml);
  console.log(`Stallwatch page benchmark, ${new Date().toISOString().slice(0, 10)}; ${RUNS} loads per page and arm, alternating arms; busy window ${WINDOW_S} s${quick ? ' (quick mode: proves the benchmark runs; the numbers are not meant to be read)' : ''}`);
  console.log(`Chromium ${stallwatch.context.browser()?.version() ?? ''} headless; large page: ${shape.elements} elements, ${shape.nativeRoots} shadow roots, ${shape.timelineItems} timeline items, ${shape.bytes} bytes\n`);
  for (let run = 0; run < RUNS; run++) {
    for (const p of PAGES) {
      for (const arm of run % 2 ? [...arms].reverse() : arms) {
        const r = await measureLoad(arm, p.url);
        ((results[p.name] ??= {})[arm.name] ??= []).push(r);
      }
    }
  }
  const rows = [];
  const row = (figure, value, target, met) => rows.push({ figure, value, target, met });
  for (const p of PAGES) {
    const by = results[p.name];
    const m = (arm, k, filter = () => true) => median(by[arm].filter(filter).map((r) => r[k]));
    const warm = (r) => !r.cold;
    const cold = (r) => r.cold;
    const badgeWarm = m('stallwatch', 'badge', warm);
    const badgeCold = m('stallwatch', 'badge', cold);
    const dclBadge = median(by.stallwatch.filter(warm).map((r) => r.badge - r.dcl));
    const loadRatio = m('stallwatch', 'load') / m('none', 'load');
    const emptyRatio = m('empty', 'load') / m('none', 'load');
    console.log(`${p.name}`);
    console.log(`  navigation → badge: warm ${fmt(badgeWarm)} ms, cold ${fmt(badgeCold)} ms; DOMContentLoaded → badge (warm) ${fmt(dclBadge)} ms`);
    const part = (k, f) => median(by.stallwatch.filter(f).map((r) => r.parts?.[k]));
    for (const [label, f] of [['warm', warm], ['cold', cold]]) {
      console.log(`  ${label}: DOMContentLoaded → content script ${fmt(part('start', f))} ms, read ${fmt(part('read', f), 1)} ms, background scores ${fmt(part('score', f), 1)} ms, drawn ${fmt(part('draw', f), 1)} ms`);
    }
    console.log(`  click on the badge → card drawn (its frame starting): ${fmt(m('stallwatch', 'card', warm))} ms warm`);
    console.log(`  host load event: none ${fmt(m('none', 'load'))} ms, empty extension ${fmt(m('empty', 'load'))} ms (${fmt(emptyRatio, 2)}×), Stallwatch ${fmt(m('stallwatch', 'load'))} ms (${fmt(loadRatio, 2)}×)`);
    console.log(`  long tasks during load (median per load): none ${fmt(m('none', 'longTasks'))}, empty ${fmt(m('empty', 'longTasks'))}, Stallwatch ${fmt(m('stallwatch', 'longTasks'))}`);
    if (p.large) {
      row('DOMContentLoaded → badge, large page, warm', `${fmt(dclBadge)} ms`, '≤ 60 ms', dclBadge <= 60);
    } else {
      row(`navigation → badge, ${p.name}, warm / cold`, `${fmt(badgeWarm)} / ${fmt(badgeCold)} ms`, '≤ 100 / ≤ 160 ms', badgeWarm <= 100 && badgeCold <= 160);
    }
    row(`host load event with / without, ${p.name}`, `${fmt(loadRatio, 2)}× (empty extension ${fmt(emptyRatio, 2)}×)`, '≤ 1.05×', loadRatio <= 1.05);
    const extraLong = m('stallwatch', 'longTasks') - m('none', 'longTasks');
    row(`long tasks from the extension during load, ${p.name}`, fmt(extraLong), '0', extraLong <= 0);
  }

  console.log('\nbusy large page');
  const busy = {};
  for (const arm of arms) busy[arm.name] = await measureBusy(arm, arm === stallwatch ? helper : null);
  const mainRatio = busy.stallwatch.mainThreadMsPer30s / busy.none.mainThreadMsPer30s;
  console.log(`  main thread per 30 s: none ${fmt(busy.none.mainThreadMsPer30s)} ms, empty ${fmt(busy.empty.mainThreadMsPer30s)} ms, Stallwatch ${fmt(busy.stallwatch.mainThreadMsPer30s)} ms (${fmt(mainRatio, 2)}×)`);
  console.log(`  Stallwatch reads per 30 s ${fmt(busy.stallwatch.reads, 1)}, snapshots sent ${fmt(busy.stallwatch.sent, 1)}; long tasks in the window: none ${busy.none.longTasks}, Stallwatch ${busy.stallwatch.longTasks}`);
  console.log(`  page JS heap: none ${fmt(busy.none.heapMB, 1)} MB, Stallwatch ${fmt(busy.stallwatch.heapMB, 1)} MB`);
  row('busy page, main thread per 30 s, with / without', `${fmt(mainRatio, 2)}×`, '≤ 1.05×', mainRatio <= 1.05);
  row('long tasks from the extension, busy page', `${busy.stallwatch.longTasks - busy.none.longTasks}`, '0', busy.stallwatch.longTasks - busy.none.longTasks <= 0);

  const onDemand = await readsOnDemand(stallwatch, helper, quick ? 3 : 15);
  console.log(`\nlarge page, asked with nothing changed (median): ${fmt(onDemand.answer, 2)} ms; a full read after a change to a value read: ${fmt(onDemand.read, 2)} ms`);
  row('read on demand, large page: nothing changed / after a change', `${fmt(onDemand.answer, 2)} / ${fmt(onDemand.read, 2)} ms`, '≤ 2 ms', onDemand.read <= 2);

  const s = sizes();
  console.log(`\nsizes: content scripts ${s.contentBytes} bytes (${s.scripts.join(', ')}); wasm + glue ${s.wasmGlueGz} bytes gzipped`);
  row('content scripts', `${(s.contentBytes / 1000).toFixed(1)} KB`, '≤ 10 KB', s.contentBytes <= 10_000);
  row('wasm + glue, gzipped', `${(s.wasmGlueGz / 1000).toFixed(1)} KB`, '≤ 120 KB', s.wasmGlueGz <= 120_000);

  console.log('\n| figure | measured | target | |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.met ? 'met' : 'missed'} |`);
} finally {
  for (const arm of arms) await arm.close();
  rmSync(emptyDir, { recursive: true, force: true });
}
