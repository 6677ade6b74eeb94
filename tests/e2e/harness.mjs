// End-to-end harness: real Debian Chromium with the built extension loaded, real CRM URLs
// answered from fixture pages (each with a strict CSP header), and the write-nothing guard.
//
// The guard is the product's promise made testable. It records, for every page:
//  - every DOM mutation outside Stallwatch's own container (a MutationObserver installed in the
//    page's main world before the content script can run);
//  - every request other than the fixture document itself (extension-internal chrome-extension://
//    loads are the extension reading its own packaged files, not traffic);
//  - every host form control's value, before and after.
// `guard.assertUntouched()` fails the test on any of them, and on any console error or page
// error.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
/**
 * Issue 21's evidence-built pages: what a careful person reads on each (tests/fixtures/TRUTH-21.md),
 * by file. Served like every fixture, checked by `truth.test.mjs` and the Firefox suite.
 */
export const TRUTH = JSON.parse(readFileSync(path.join(FIXTURES, 'truth-21.json'), 'utf8')).pages;
/** Every page the test servers answer, by file: its URL. */
export const SERVED = Object.fromEntries([
  ...Object.entries(EXPECTED).filter(([, info]) => info?.url).map(([file, info]) => [file, info.url]),
  ...Object.entries(TRUTH).map(([file, t]) => [file, t.url]),
]);

/** The CSP every fixture is served with: at least as strict as the CRMs' own. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
].join('; ');

// ---- dates ---------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today at local midnight plus `offset` days. */
export function dayFromToday(offset) {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return d;
}

const FR_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const DE_MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const RELATIVE = {
  us: ['Yesterday', 'Today', 'Tomorrow'],
  gb: ['Yesterday', 'Today', 'Tomorrow'],
  de: ['Gestern', 'Heute', 'Morgen'],
};

/** A 24-hour time of day, fixed and arbitrary per offset. */
function time24(offset) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad((Math.abs(offset) * 5 + 8) % 24)}:${pad((Math.abs(offset) * 13) % 60)}`;
}

/** A Salesforce activity timeline date (see formatDate). */
function sfTimeline(d, offset, locale, withTime) {
  const m = d.getMonth();
  const day = d.getDate();
  let date;
  if (offset >= -1 && offset <= 1) date = RELATIVE[locale][offset + 1];
  else {
    const year = d.getFullYear() === new Date().getFullYear() ? '' : ` ${d.getFullYear()}`;
    if (locale === 'us') date = `${MONTHS[m]} ${day}${year ? `,${year}` : ''}`;
    else if (locale === 'de') date = `${day}. ${DE_MONTHS[m]}${year}`;
    else date = `${day} ${MONTHS[m]}${year}`;
  }
  return withTime ? `${time24(offset)} | ${date}` : date;
}

/** Formats a date the way the CRM shows it; the times of day are fixed and arbitrary. */
export function formatDate(d, format, offset) {
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  const pad = (n) => String(n).padStart(2, '0');
  const time = `${((Math.abs(offset) * 7) % 12) + 1}:${pad((Math.abs(offset) * 13) % 60)} ${offset % 2 ? 'PM' : 'AM'}`;
  switch (format) {
    case 'us': return `${m + 1}/${day}/${y}`;
    case 'us_time': return `${m + 1}/${day}/${y}, ${time}`;
    case 'iso': return `${y}-${pad(m + 1)}-${pad(day)}`;
    case 'hs_date': return `${LONG[m]} ${day}, ${y}`;
    case 'hs_rel': {
      if (offset === 0) return `Today at ${time}`;
      if (offset === -1) return `Yesterday at ${time}`;
      const year = y === new Date().getFullYear() ? '' : `, ${y}`;
      return `${MONTHS[m]} ${day}${year} at ${time}`;
    }
    // Day-first and other locales (CRM_DOM_NOTES part 2 §7): en_GB/fr/es `dd/MM/yyyy`, de
    // `dd.MM.yyyy`, nl `dd-MM-yyyy`, ja `yyyy/MM/dd`; with a 24-hour time after a comma (ICU).
    case 'gb': return `${pad(day)}/${pad(m + 1)}/${y}`;
    case 'gb_time': return `${pad(day)}/${pad(m + 1)}/${y}, ${time24(offset)}`;
    case 'de': return `${pad(day)}.${pad(m + 1)}.${y}`;
    case 'de_time': return `${pad(day)}.${pad(m + 1)}.${y}, ${time24(offset)}`;
    case 'nl': return `${pad(day)}-${pad(m + 1)}-${y}`;
    case 'ja': return `${y}/${pad(m + 1)}/${pad(day)}`;
    // Salesforce activity timeline (§1.2, §7): "Today"/"Yesterday"/"Tomorrow" alone, otherwise a
    // short date without the year when it is this year; `_time` puts "HH:mm | " in front (the
    // SLDS blueprint's "time | date" form for emails and events).
    case 'sf_tl_us': return sfTimeline(d, offset, 'us', false);
    case 'sf_tl_gb': return sfTimeline(d, offset, 'gb', false);
    case 'sf_tl_gb_time': return sfTimeline(d, offset, 'gb', true);
    case 'sf_tl_de': return sfTimeline(d, offset, 'de', false);
    // HubSpot 2026 French timeline (§5.1): "10 sept. 2026 à 11:53 GMT+2", year and zone always.
    case 'hs_fr': return `${day} ${FR_MONTHS[m]} ${y} à ${time24(offset)} GMT+1`;
    // HubSpot comment/timeline form in an en-GB portal (§5.1 regex): "12 Mar 2026 at 14:26 GMT".
    case 'hs_gb': return `${day} ${MONTHS[m]} ${y} at ${time24(offset)} GMT`;
    default: throw new Error(`unknown date format in fixture: ${format}`);
  }
}

/**
 * A fixture page as served: `{{include:PATH}}` replaced by that file under tests/fixtures (the
 * CRM's shared stylesheet), then the dates filled.
 */
export function renderFixture(file) {
  const html = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/\{\{include:([\w/.-]+)\}\}/g, (_, inc) =>
    readFileSync(path.join(FIXTURES, inc), 'utf8'),
  );
  return fillDates(html);
}

/** Replaces `{{date:OFFSET:FORMAT}}` tokens so fixture dates stay relative to today. */
export function fillDates(html) {
  return html.replace(/\{\{date:([+-]?\d+):([a-z_]+)\}\}/g, (_, off, fmt) => {
    const offset = Number(off);
    return formatDate(dayFromToday(offset), fmt, offset);
  });
}

// ---- the browser ---------------------------------------------------------------------------

/** Chromium's id for an unpacked extension: sha256 of its absolute path, 32 chars in a-p. */
export function extensionIdFor(dir) {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Starts Chromium with the extension from `dist/chrome` in a fresh profile. Headless unless
 * `headed` (the demo, on a machine with a display). STALLWATCH_CHROME_EXTENSION points at another
 * unpacked build (to show a test fails on an older build).
 */
export async function launch({ headed = false, extensionDir = process.env.STALLWATCH_CHROME_EXTENSION || path.join(ROOT, 'dist', 'chrome') } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'stallwatch-profile-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
  ];
  if (!headed) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, // headless mode comes from --headless=new above: it supports extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
    viewport: { width: 1280, height: 800 },
  });
  const extensionId = extensionIdFor(extensionDir);
  const requests = [];
  context.on('request', (r) => requests.push(r));
  await serveFixtures(context);
  return {
    context,
    extensionId,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Answers the CRM hosts from tests/fixtures, by the URL each fixture declares. */
export async function serveFixtures(context) {
  const byUrl = new Map(Object.entries(SERVED).map(([file, url]) => [normalise(url), file]));
  await context.route(/^https:\/\//, async (route) => {
    const request = route.request();
    const file = request.isNavigationRequest() ? byUrl.get(normalise(request.url())) : undefined;
    if (!file) {
      // Nothing else is ever served: a request the extension makes fails here and is
      // reported by the guard.
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
      return;
    }
    const html = renderFixture(file);
    await route.fulfill({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      },
      body: html,
    });
  });
}

function normalise(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/$/, '')}${u.search}`;
}

// ---- the write-nothing guard ---------------------------------------------------------------

/** The write-nothing guard, shared with the Firefox suite. */
export const GUARD_FILE = path.join(here, 'guard.js');

/**
 * Opens a new page with the guard installed and console/page errors captured.
 * Returns `{ page, guard }`; call `guard.assertUntouched()` at the end of every test.
 */
export async function openGuarded(browser, url) {
  const { context, requests } = browser;
  const page = await context.newPage();
  await page.addInitScript({ path: GUARD_FILE });
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  const firstRequest = requests.length;
  await page.goto(url, { waitUntil: 'load' });
  const documentUrl = page.url();
  const guard = {
    errors,
    /** Network requests made since the page opened, other than fixture documents. */
    strayRequests() {
      return requests
        .slice(firstRequest)
        .filter((r) => !r.url().startsWith('chrome-extension://'))
        .filter((r) => !(r.isNavigationRequest() && r.frame() === page.mainFrame()))
        .map((r) => `${r.method()} ${r.url()}`);
    },
    async report() {
      return page.evaluate(() => window.__stallwatchGuard.report());
    },
    /** Runs `fn(arg)` in the page as the CRM itself would (not recorded as our mutation). */
    async asHost(fn, arg) {
      // A string expression: evaluated by the DevTools protocol, so the page's CSP allows it.
      await page.evaluate(`window.__stallwatchGuard.asHost(() => (${fn.toString()})(${JSON.stringify(arg ?? null)}))`);
    },
    async assertUntouched(assert) {
      const r = await this.report();
      assert.ok(r.started, 'the guard was installed before the content script');
      assert.deepEqual(r.mutations, [], `host page mutated outside Stallwatch's container (${documentUrl})`);
      assert.deepEqual(r.inputs, [], `host form controls changed (${documentUrl})`);
      assert.deepEqual(r.errors, [], `page errors or CSP violations (${documentUrl})`);
      assert.deepEqual(this.strayRequests(), [], `requests left the page (${documentUrl})`);
      assert.deepEqual(errors, [], `console or page errors (${documentUrl})`);
    },
  };
  return { page, guard };
}

/**
 * The overlay's frame, if any. Its URL uses the session's dynamic extension id (Chromium's
 * `use_dynamic_url`), not the fixed one, so any chrome-extension:// overlay.html counts; there is
 * no other extension in the test profile.
 */
export function findOverlayFrame(page) {
  return page.frames().find((f) => /^chrome-extension:\/\/[a-z0-9-]+\/overlay\.html/.test(f.url()));
}

/**
 * The badge the content script draws in our closed shadow root, as the DevTools protocol sees
 * it (a page script cannot: the root is closed): `{ text, number, kind, band, label, box }`,
 * `box` being its centre on screen, or null when there is none or it is not shown.
 */
export async function contentBadge(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attrs = (n) => Object.fromEntries((n.attributes || []).flatMap((v, i, a) => (i % 2 ? [] : [[v, a[i + 1]]])));
    const find = (n, test) => {
      if (test(n)) return n;
      for (const c of [...(n.children || []), ...(n.shadowRoots || [])]) {
        const hit = find(c, test);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root, (n) => 'data-stallwatch-overlay' in attrs(n));
    const badge = host && find(host, (n) => attrs(n)['data-testid'] === 'stall-badge');
    if (!badge) return null;
    const texts = [];
    const collect = (n) => {
      if (n.nodeType === 3) texts.push(n.nodeValue);
      for (const c of n.children || []) collect(c);
    };
    for (const span of badge.children || []) {
      const before = texts.length;
      collect(span);
      if (texts.length === before) texts.push('');
    }
    let box = null;
    try {
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: badge.backendNodeId });
      const [x1, y1, , , x3, y3] = model.border;
      box = { x: (x1 + x3) / 2, y: (y1 + y3) / 2, width: model.width, height: model.height };
    } catch {
      // not rendered (display: none while the card is open, or not scored yet)
    }
    const a = attrs(badge);
    return { text: texts.join(' ').trim(), brand: texts[0] ?? '', number: texts[1] ?? '', kind: a['data-kind'], band: a['data-band'], label: a['aria-label'], box };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Waits for the content script's badge to be drawn with a number (or a dash) and returns it. */
export async function scoredBadge(page, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const badge = await contentBadge(page);
    if (badge?.box && badge.number) return badge;
    await page.waitForTimeout(100);
  }
  throw new Error(`no Stallwatch badge on ${page.url()} within ${timeout} ms`);
}

/**
 * The card's frame (an extension frame inside our closed shadow root), once it has scored. The
 * frame exists only while the card is open: with none open, this clicks the badge as the rep
 * would (a real mouse click), then waits for the card.
 */
export async function overlayFrame(page, extensionId, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let clicked = false;
  while (Date.now() < deadline) {
    const frame = findOverlayFrame(page);
    if (frame) {
      const score = frame.locator('[data-testid="stall-score"], [data-testid="stall-count"]');
      if ((await score.count()) > 0) return frame;
    } else if (!clicked) {
      const badge = await scoredBadge(page, { timeout: Math.max(0, deadline - Date.now()) });
      await page.mouse.click(badge.box.x, badge.box.y);
      clicked = true;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no Stallwatch card on ${page.url()} within ${timeout} ms`);
}

/**
 * Waits for the card (open as soon as its frame exists). If it was closed, clicks its header
 * badge; if the overlay refused the click (it checks it is really in front of the rep), the
 * error says which check refused.
 */
export async function openCard(frame, { timeout = 10_000 } = {}) {
  const card = frame.locator('[data-testid="stall-card"]');
  if (!(await card.isVisible())) await frame.locator('[data-testid="stall-badge"]').click();
  try {
    await card.waitFor({ state: 'visible', timeout });
  } catch (e) {
    const refused = await frame.evaluate(() => document.getElementById('app')?.dataset.refused ?? 'no refusal');
    throw new Error(`the card did not open (overlay says: ${refused}): ${e.message}`);
  }
}

/** True when no overlay frame and no container exist on the page. */
export async function hasNoOverlay(page, extensionId) {
  const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
  const container = await page.evaluate(() => document.querySelectorAll('[data-stallwatch-overlay]').length);
  return !frame && container === 0;
}

/** The "what I read" list as { field: text shown }. */
export async function readFields(frame) {
  return frame.$$eval('[data-testid="read-field"]', (items) =>
    Object.fromEntries(items.map((li) => [li.dataset.field, li.querySelector('[data-testid="read-value"]')?.textContent ?? ''])),
  );
}

/** Polls `check` until it returns something truthy (returned), or fails after `ms` naming `what`. */
export async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
