// A hostile CRM page against the overlay, in real Chromium: each test attacks the way a page
// script or stylesheet could, and checks the attack gets nothing. Each of these failed on the
// build before the fixes (docs/security.md lists them with the defence that stops each).
//
// Page-side attack code runs in the page's main world (Playwright init scripts and evaluate,
// as a page's own scripts would); DOM changes the "page" makes go through guard.asHost, so the
// write-nothing guard still judges only what Stallwatch does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED, findOverlayFrame, launch, openCard, openGuarded, overlayFrame, readFields, scoredBadge } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const DEAL = EXPECTED['salesforce/opportunity.html'].url;

/** An extension page, for storage and for checks made from inside the extension. */
async function extensionPage(file = 'options.html') {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}

/** The overlay frame's box in the page, as the page's own layout has it. */
async function frameBox(frame) {
  const el = await frame.frameElement();
  return el.boundingBox();
}

test('a page that defines the custom element first cannot reach the overlay or pair a copy of it', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript({ path: new URL('./guard.js', import.meta.url).pathname });
  // Before any content script: claim every name our container could have, and keep each
  // element's ElementInternals (which hands over even a closed shadow root).
  await page.addInitScript(() => {
    window.__stolen = [];
    window.__internals = [];
    const steal = (root) => {
      for (const f of root?.querySelectorAll?.('iframe') ?? []) window.__stolen.push(f.src);
    };
    for (const name of ['stallwatch-overlay', 'stallwatch-root', 'stallwatch-host', 'sw-overlay']) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            window.__internals.push(this.attachInternals());
          }
        },
      );
    }
    window.__probe = () => {
      for (const i of window.__internals) steal(i.shadowRoot);
      for (const el of document.querySelectorAll('*')) steal(el.shadowRoot);
      return { stolen: window.__stolen, frames: window.frames.length };
    };
  });
  await page.goto(DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  const seen = await page.evaluate(() => window.__probe());
  assert.deepEqual(seen.stolen, [], 'the page found no overlay URL (no extension id, no nonce)');
  assert.equal(seen.frames, 0, 'the overlay frame is not among window.frames');

  // The page frames its own copy of the overlay, at the fixed extension URL, with any nonce it
  // might have learnt; it must never be given the deal.
  const guess = seen.stolen[0] ?? `chrome-extension://${browser.extensionId}/overlay.html#00000000-0000-4000-8000-000000000000`;
  await page.evaluate((src) => {
    window.__stallwatchGuard.asHost(() => {
      const f = document.createElement('iframe');
      f.id = 'fake';
      f.src = src;
      document.body.append(f);
    });
  }, guess);
  await page.waitForTimeout(2500);
  const fakes = page.frames().filter((f) => f !== frame && f !== page.mainFrame());
  for (const f of fakes) {
    const scored = await f.locator('[data-testid="stall-score"]').count().catch(() => 0);
    assert.equal(scored, 0, `a page-made overlay frame (${f.url()}) shows no deal`);
  }
  assert.ok(await frame.locator('[data-testid="stall-score"]').count(), 'the real overlay still works');
  // The write-nothing guard still holds for what Stallwatch did (the page's own frame was added
  // through asHost).
  const report = await page.evaluate(() => window.__stallwatchGuard.report());
  assert.deepEqual(report.mutations, [], 'host page mutated outside Stallwatch\'s container');
  assert.deepEqual(report.inputs, [], 'host form controls changed');
  assert.deepEqual(report.errors, [], 'page errors or CSP violations');
  await page.close();
});

test('page CSS cannot hide, move or see through the overlay', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  const before = await frameBox(frame);
  await guard.asHost(() => {
    const style = document.createElement('style');
    style.textContent = `
      html > div, html > * { opacity: 0 !important; transform: translate(-700px, 300px) scale(0.2) !important;
        filter: opacity(0) !important; clip-path: inset(50%) !important; visibility: hidden !important; }
      iframe { opacity: 0 !important; width: 1px !important; }`;
    document.head.append(style);
  });
  await page.waitForTimeout(300);
  const host = await page.evaluate(() => {
    const el = document.querySelector('[data-stallwatch-overlay]');
    const cs = getComputedStyle(el);
    return { opacity: cs.opacity, transform: cs.transform, filter: cs.filter, clip: cs.clipPath, visibility: cs.visibility };
  });
  assert.deepEqual(host, { opacity: '1', transform: 'none', filter: 'none', clip: 'none', visibility: 'visible' }, 'the container keeps its own look');
  assert.deepEqual(await frameBox(frame), before, 'the overlay stays where and as big as it was');
  // Fully visible, so it still works.
  await openCard(frame);
  await guard.assertUntouched(assert);
  await page.close();
});

test('a see-through cover over the overlay makes it refuse to act, and say so', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  const direct = frame.locator('[data-testid="variant"][data-tone="direct"]');
  // The classic clickjacking layer: opaque to the eye, transparent to clicks, above everything.
  await guard.asHost(() => {
    const cover = document.createElement('div');
    cover.id = 'bait';
    cover.textContent = 'Click here to claim your prize';
    cover.style.cssText =
      'position:fixed;top:0;right:0;width:600px;height:700px;background:#fff;z-index:2147483647;pointer-events:none';
    document.documentElement.append(cover);
  });
  await page.waitForTimeout(300);
  await direct.click();
  await frame.locator('[data-testid="stall-badge"][data-refused]').waitFor();
  assert.equal(await direct.getAttribute('aria-pressed'), 'false', 'the click did nothing');
  assert.match(await frame.locator('[data-testid="stall-badge"]').getAttribute('title'), /covers it/);
  assert.match(await frame.locator('[data-testid="overlay-refused"]').textContent(), /covers it/);

  // Uncovered, and in plain view for a moment (MIN_VISIBLE_MS), the next click works.
  await guard.asHost(() => document.getElementById('bait').remove());
  await page.waitForTimeout(700);
  await frame.locator('[data-testid="variant"][data-tone="direct"]').click();
  await frame.locator('[data-testid="variant"][data-tone="direct"][aria-pressed="true"]').waitFor();
  assert.equal(await frame.locator('[data-testid="stall-badge"][data-refused]').count(), 0);
  await guard.assertUntouched(assert);
  await page.close();
});

test('a cover the page lifts at the moment of the press is refused: the whole gesture is checked', async () => {
  const ext = await extensionPage();
  const key = 'notes:sf:acme:0065g00000XyZ12';
  await ext.evaluate((k) => chrome.storage.local.set({ [k]: { reason: 'pass the audit' } }), key);
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  await page.waitForTimeout(700);
  // The lure: opaque to the eye, transparent to clicks, and gone the moment the rep presses
  // (the press moves focus into the card's frame: the window's blur), before any check made
  // at click time could see it.
  const lure = () =>
    guard.asHost(() => {
      const cover = document.createElement('div');
      cover.id = 'bait';
      cover.textContent = 'Pick your language to continue';
      cover.style.cssText =
        'position:fixed;top:0;right:0;width:600px;height:700px;background:#fff;z-index:2147483647;pointer-events:none';
      document.documentElement.append(cover);
      const lift = () => window.__stallwatchGuard.asHost(() => cover.remove());
      window.addEventListener('blur', lift, { once: true });
      document.addEventListener('pointerdown', lift, { capture: true, once: true });
    });
  await lure();
  await page.waitForTimeout(300);
  await frame.locator('[data-action="language"][data-lang="fr"]').click();
  await frame.locator('[data-testid="stall-badge"][data-refused]').waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('bait')), null, 'the page did lift its cover');
  assert.equal(await frame.locator('#app').getAttribute('data-refused'), 'recently-covered', 'which check refused');
  assert.match(await frame.locator('[data-testid="overlay-refused"]').textContent(), /a moment before your click/);
  let stored = await ext.evaluate((k) => chrome.storage.local.get(k), key);
  assert.equal(stored[key].language, undefined, 'no language written into the notes');

  // Copy, the same way (the rep was back on the page: the press blurs its window again).
  await page.mouse.click(5, 400);
  await lure();
  await page.waitForTimeout(300);
  await frame.locator('[data-testid="copy-message"]').click();
  await frame.locator('#app[data-refused="recently-covered"]').waitFor();
  assert.doesNotMatch((await frame.locator('.copied').first().textContent()) ?? '', /Copied/);

  // Near-miss: the card in plain view for a moment, and the same click acts.
  assert.equal(await page.evaluate(() => document.getElementById('bait')), null, 'lifted again');
  await page.waitForTimeout(700);
  await frame.locator('[data-action="language"][data-lang="fr"]').click();
  await frame.locator('[data-testid="message-language"][data-lang="fr"]').waitFor();
  assert.equal(await frame.locator('[data-testid="stall-badge"][data-refused]').count(), 0);
  stored = await ext.evaluate((k) => chrome.storage.local.get(k), key);
  assert.equal(stored[key].language, 'fr');
  await guard.assertUntouched(assert);
  await page.close();
  await ext.close();
});

test('the page cannot open the card or read the badge: its clicks are not the rep\'s, the root is closed', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  await scoredBadge(page);
  const seen = await page.evaluate(() => {
    const host = document.querySelector('[data-stallwatch-overlay]');
    // Everything a script can try on our container: clicks, keys, a focus and a read.
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    host.focus();
    return { root: host.shadowRoot, text: host.textContent, inner: host.innerHTML, children: host.children.length };
  });
  assert.deepEqual(seen, { root: null, text: '', inner: '', children: 0 });
  await page.waitForTimeout(500);
  assert.equal(findOverlayFrame(page), undefined, 'no card opened by the page');
  await guard.assertUntouched(assert);
  await page.close();
});

test('a page element under the overlay (the CRM\'s own header) does not block it', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  // A near-miss of the attack above: a fixed header in <body> with the highest z-index is
  // painted below our container (which comes later in the document), so the rep sees us.
  await guard.asHost(() => {
    const bar = document.createElement('div');
    bar.style.cssText = 'position:fixed;top:0;left:0;right:0;height:120px;background:#036;z-index:2147483647';
    document.body.append(bar);
  });
  await page.waitForTimeout(300);
  await openCard(frame);
  await guard.assertUntouched(assert);
  await page.close();
});

test('after the rep resizes the window, the open card still acts (and fits the window)', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  await page.setViewportSize({ width: 1100, height: 500 });
  await page.waitForTimeout(300);
  const box = await frameBox(frame);
  // From its bottom corner the card keeps clear of the top 180 px (the CRM's header and actions).
  assert.equal(box.height, 500 - 8 - 180, 'the open card follows the new window height');
  // A near-miss of the "moved" check: the window changed, not the page.
  await frame.locator('[data-testid="variant"][data-tone="direct"]').click();
  await frame.locator('[data-testid="variant"][data-tone="direct"][aria-pressed="true"]').waitFor();
  assert.equal(await frame.locator('#app[data-refused]').count(), 0);
  await guard.assertUntouched(assert);
  await page.close();
});

test('a huge hidden subtree after the overlay does not break its visibility check', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await guard.asHost(() => {
    const junk = document.createElement('div');
    junk.hidden = true;
    for (let i = 0; i < 200_000; i++) junk.appendChild(document.createElement('i'));
    document.documentElement.append(junk);
  });
  await openCard(frame);
  await guard.assertUntouched(assert);
  await page.close();
});

test('the open card is the same size whatever the notes say', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await openCard(frame);
  await page.waitForTimeout(200);
  const plain = await frameBox(frame);
  const ext = await extensionPage();
  const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await ext.evaluate(
    (d) =>
      chrome.storage.local.set({
        'notes:sf:acme:0065g00000XyZ12': {
          reason: 'pass the Q1 audit without adding headcount, '.repeat(10),
          snooze_until: d,
          snooze_reason: 'waiting on the board',
          // As the popup stores it: when the snooze was set (a buyer who wrote after it ends it).
          changed: { snooze_until: Date.now() },
        },
      }),
    until,
  );
  await frame.locator('[data-testid="stall-headline"]', { hasText: 'Snoozed' }).waitFor();
  await page.waitForTimeout(200);
  assert.deepEqual(await frameBox(frame), plain, 'the page cannot measure the notes through the box');
  await ext.evaluate(() => chrome.storage.local.clear());
  await ext.close();
  await guard.assertUntouched(assert);
  await page.close();
});

test('extension pages cannot send anything: their CSP blocks every request off the extension', async () => {
  const ext = await extensionPage();
  const first = browser.requests.length;
  const result = await ext.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const out = {};
    try {
      await fetch('https://collector.invalid/track', { method: 'POST', body: 'x' });
      out.fetch = 'sent';
    } catch {
      out.fetch = 'blocked';
    }
    out.image = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
      img.src = 'https://acme.lightning.force.com/pixel.gif';
    });
    out.beacon = navigator.sendBeacon('https://collector.invalid/beacon', 'x') ? 'queued' : 'refused';
    await new Promise((r) => setTimeout(r, 300));
    out.violations = [...new Set(violations)].sort();
    return out;
  });
  await ext.waitForTimeout(300);
  // Chromium reports a request the CSP stopped as a failed one ("csp", net::ERR_BLOCKED_BY_CSP);
  // only one that was not stopped could have left.
  const sent = browser.requests
    .slice(first)
    .filter((r) => !r.url().startsWith('chrome-extension://'))
    .map((r) => `${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'sent'})`)
    .filter((r) => !/\((csp|net::ERR_BLOCKED_BY_CSP)\)$/.test(r));
  assert.deepEqual(sent, [], `no request left the extension page (${JSON.stringify(result)})`);
  assert.equal(result.fetch, 'blocked');
  assert.equal(result.image, 'blocked');
  assert.ok(result.violations.length > 0, `the browser reported CSP violations (${JSON.stringify(result)})`);
  await ext.close();
});

test('a CRM page cannot load the extension\'s files to fingerprint it', async () => {
  // A CRM page without a CSP of its own (the fixtures' CSP would block these probes anyway):
  // only what the browser allows web pages to load from the extension decides.
  const page = await browser.context.newPage();
  await page.route('https://acme.lightning.force.com/probe', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>probe</title><p>probe</p>' }),
  );
  await page.goto('https://acme.lightning.force.com/probe');
  const id = browser.extensionId;
  const results = await page.evaluate(async (files) => {
    const out = {};
    for (const f of files) {
      try {
        const r = await fetch(f);
        out[f] = r.ok ? 'readable' : `status ${r.status}`;
      } catch {
        out[f] = 'blocked';
      }
    }
    return out;
  }, ['pkg/stallwatch_bg.wasm', 'pkg/stallwatch.js', 'overlay.js', 'ui.js', 'overlay.css', 'overlay.html', 'manifest.json', 'icons/16.png'].map((f) => `chrome-extension://${id}/${f}`));
  for (const [file, what] of Object.entries(results)) assert.equal(what, 'blocked', `${file} must not be loadable by the page`);
  await page.close();
});

test('a field nested 5,000 elements deep is read without overflowing the reader', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await guard.asHost(() => {
    // The deal name as a very deep chain of spans (a broken or hostile rich-text field).
    const name = [...document.querySelectorAll('[slot="primaryField"] lightning-formatted-text')].find((el) =>
      el.textContent.startsWith('Northwind'),
    );
    let inner = document.createElement('span');
    inner.textContent = 'Deep Deal';
    for (let i = 0; i < 5000; i++) {
      const wrap = document.createElement('span');
      wrap.append(inner);
      inner = wrap;
    }
    name.replaceChildren(inner);
  });
  await frame.locator('[data-testid="read-field"][data-field="name"] [data-testid="read-value"]', { hasText: 'Deep Deal' }).waitFor({ state: 'attached', timeout: 5000 });
  assert.equal((await readFields(frame)).name, 'Deep Deal');
  await guard.assertUntouched(assert);
  await page.close();
});

test('a record too large to walk is reported as unreadable, not scored from stale reading', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  await guard.asHost(() => {
    const junk = document.createElement('div');
    junk.hidden = true;
    for (let i = 0; i < 310_000; i++) junk.appendChild(document.createElement('i'));
    // Into the activity timeline: a part of the record the reader reads, so it reads again.
    const record = document.querySelector('.windowViewMode-maximized.active.lafPageHost');
    const timeline = record.querySelector('.runtime_sales_activitiesActivityTimeline2');
    timeline.append(junk);
  });
  await frame.locator('[data-testid="stall-headline"]', { hasText: 'Could not read this page' }).waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal((await frame.locator('[data-testid="stall-score"]').textContent()).trim(), '–', 'no score from a page it could not read');
  assert.ok(findOverlayFrame(page));
  await guard.assertUntouched(assert);
  await page.close();
});

test('near-miss: a huge subtree outside the record is never walked, and the score stays', async () => {
  const { page, guard } = await openGuarded(browser, DEAL);
  const frame = await overlayFrame(page, browser.extensionId);
  const score = frame.locator('[data-testid="stall-score"]');
  await score.filter({ hasText: /^\s*\d+\s*$/ }).waitFor({ state: 'attached' });
  const before = (await score.textContent()).trim();
  await guard.asHost(() => {
    const junk = document.createElement('div');
    junk.hidden = true;
    for (let i = 0; i < 310_000; i++) junk.appendChild(document.createElement('i'));
    document.body.append(junk);
  });
  // Time for a re-read, were one due (the debounce is 250 ms).
  await page.waitForTimeout(800);
  assert.equal((await score.textContent()).trim(), before);
  assert.doesNotMatch(await frame.locator('[data-testid="stall-headline"]').textContent(), /Could not read/);
  await guard.assertUntouched(assert);
  await page.close();
});
