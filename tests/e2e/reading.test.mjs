// What the overlay understood from each fixture page, checked field by field against what the
// fixture's evidence notes say a person reads there (tests/fixtures/*/EVIDENCE.md), in real
// Chromium with the write-nothing guard. `parsed` in expected.json is the `read-parsed` shape;
// `winning` names the plan selector that must find each field, so a broken first choice that a
// fallback hides still fails here.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { EXPECTED, ROOT, fillDates, launch, openGuarded, overlayFrame } from './harness.mjs';

const PLANS = vm.runInNewContext(
  `${readFileSync(path.join(ROOT, 'dist', 'read_plan.js'), 'utf8')}; STALLWATCH_READ_PLANS`,
);

let browser;
let extensionPage; // an extension page, to read and clear storage.local between tests
before(async () => {
  browser = await launch();
  extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
});
// Each page is read as on a fresh install: a host's remembered date order is tested on its own.
beforeEach(async () => {
  await extensionPage?.evaluate(() => chrome.storage.local.clear());
});
after(async () => {
  await browser?.close();
});

/** Expected values with their date tokens filled the way the server fills the page. */
function filled(value) {
  return JSON.parse(fillDates(JSON.stringify(value)));
}

/** The deal key the overlay uses for a list row's record id. */
function rowKey(entry, id) {
  const url = new URL(entry.url);
  if (entry.crm === 'salesforce') return `sf:${url.hostname.split('.')[0]}:${id.slice(0, 15)}`;
  return `hs:${entry.portal_id ?? url.pathname.split('/')[2]}:${id}`;
}

function assertWinning(entry, fixture, sources) {
  const plan = PLANS.find((p) => p.crm === entry.crm);
  assert.ok(entry.winning, `${fixture}: the fixture says which selector must find each field`);
  for (const [field, css] of Object.entries(entry.winning)) {
    const selectors = plan.fields.find((f) => f.field === field)?.selectors ?? [];
    const index = sources[field];
    assert.equal(selectors[index]?.css, css, `${fixture}: ${field} must be found by ${css} (found by #${index}: ${selectors[index]?.css})`);
  }
}

const records = Object.entries(EXPECTED).filter(([, e]) => e.kind === 'deal_record' && e.parsed);
const lists = Object.entries(EXPECTED).filter(([, e]) => e.kind !== 'deal_record' && e.rows?.some((r) => r.parsed));

describe('deal pages: what was understood', () => {
  for (const [fixture, entry] of records) {
    test(fixture, async () => {
      const { page, guard } = await openGuarded(browser, entry.url);
      const frame = await overlayFrame(page, browser.extensionId);
      const el = frame.locator('[data-testid="read-parsed"]');
      const parsed = JSON.parse(await el.getAttribute('data-json'));
      const sources = JSON.parse(await el.getAttribute('data-sources'));
      assert.ok(sources && typeof sources === 'object', `${fixture}: data-sources present`);
      assert.deepEqual(parsed, filled(entry.parsed), `${fixture}: read-parsed`);
      assertWinning(entry, fixture, sources);
      // The guard must watch the page's controls wherever they are, shadow roots included.
      const { controls } = await page.evaluate(() => window.__stallwatchGuard.report());
      const inDom = await page.evaluate(() => {
        let n = 0;
        const stack = [document];
        while (stack.length) {
          const r = stack.pop();
          n += r.querySelectorAll('input, textarea, select').length;
          for (const el of r.querySelectorAll('*')) if (el.shadowRoot && !el.hasAttribute('data-stallwatch-overlay')) stack.push(el.shadowRoot);
        }
        return n;
      });
      assert.equal(controls, inDom, `${fixture}: the guard watches every form control`);
      await guard.assertUntouched(assert);
      await page.close();
    });
  }
});

describe('lists and boards: what was understood per row', () => {
  for (const [fixture, entry] of lists) {
    test(fixture, async () => {
      const { page, guard } = await openGuarded(browser, entry.url);
      const frame = await overlayFrame(page, browser.extensionId);
      const shown = Object.fromEntries(
        await frame.$$eval('[data-testid="list-row"]', (rows) => rows.map((r) => [r.dataset.key, JSON.parse(r.dataset.json)])),
      );
      const want = entry.rows.filter((r) => r.parsed);
      for (const row of want) {
        const key = rowKey(entry, row.id);
        assert.ok(shown[key], `${fixture}: row ${row.id} (${key}) shown; got ${Object.keys(shown)}`);
        assert.deepEqual(shown[key], filled(row.parsed), `${fixture}: row ${row.id}`);
      }
      assert.equal(Object.keys(shown).length, entry.rows.length, `${fixture}: every card or row, once`);
      await guard.assertUntouched(assert);
      await page.close();
    });
  }
});

describe('the day/month order', () => {
  test('a host remembers the order one of its pages proved, and the rep can set it', async () => {
    // opportunity.html shows "11/24/2026"-style dates with a day over 12: month first.
    const proving = EXPECTED['salesforce/opportunity.html'];
    let { page, guard } = await openGuarded(browser, proving.url);
    await overlayFrame(page, browser.extensionId);
    await guard.assertUntouched(assert);
    await page.close();
    const host = new URL(proving.url).hostname;
    const stored = await extensionPage.evaluate(() => chrome.storage.local.get(null));
    assert.equal(stored[`date_order:${host}`], 'month_first', 'remembered for the host');
    // A page of the same org with no dates of its own now reads with the remembered order.
    ({ page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity-sparse.html'].url));
    let frame = await overlayFrame(page, browser.extensionId);
    let parsed = JSON.parse(await frame.locator('[data-testid="read-parsed"]').getAttribute('data-json'));
    assert.equal(parsed.date_order, 'month_first');
    await guard.assertUntouched(assert);
    await page.close();
    // The rep's choice in Options: saved as a setting, and it is what a page without proof uses.
    await extensionPage.evaluate(() => chrome.storage.local.clear());
    await extensionPage.reload();
    await extensionPage.selectOption('[data-testid="options-date-order"]', 'day_first');
    await extensionPage.click('[data-testid="options-save"]');
    await extensionPage.locator('[data-testid="options-status"]').filter({ hasText: /Saved/ }).waitFor();
    const { settings } = await extensionPage.evaluate(() => chrome.storage.local.get('settings'));
    assert.equal(settings.date_order, 'day_first');
    ({ page, guard } = await openGuarded(browser, EXPECTED['salesforce/opportunity-sparse.html'].url));
    frame = await overlayFrame(page, browser.extensionId);
    parsed = JSON.parse(await frame.locator('[data-testid="read-parsed"]').getAttribute('data-json'));
    assert.equal(parsed.date_order, 'day_first');
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe('moving on when ignored', () => {
  test('copying a suggestion is remembered on this machine, per deal, by a fingerprint only', async () => {
    const { openCard } = await import('./harness.mjs');
    const entry = EXPECTED['salesforce/opportunity.html'];
    const { page, guard } = await openGuarded(browser, entry.url);
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    await frame.locator('[data-testid="copy-message"]').click();
    await frame.locator('.copied').filter({ hasText: /Copied/ }).waitFor();
    const stored = await extensionPage.evaluate(() => chrome.storage.local.get(null));
    const memory = stored['copied:sf:acme:0065g00000XyZ12'];
    assert.ok(memory, `remembered (stored keys: ${Object.keys(stored)})`);
    assert.equal(memory.kind, 'discovery');
    assert.match(memory.fingerprint, /^[0-9a-f]{16}$/, 'a fingerprint, not the words');
    assert.ok(!JSON.stringify(memory).includes('Dana'), 'no message text kept');
    // Copied today: the card does not change under the rep's hands.
    assert.match(await frame.locator('[data-testid="next-message-kind"]').textContent(), /Discovery/);
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe("the buyer's language", () => {
  test('a language chip on the card rewrites the drafts and is kept as the deal note; `stallwatch suggest` on the saved page prints the same words', async () => {
    const { openCard } = await import('./harness.mjs');
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const entry = EXPECTED['salesforce/opportunity.html'];
    const key = 'notes:sf:acme:0065g00000XyZ12';
    await extensionPage.evaluate(
      ([k]) => chrome.storage.local.set({ [k]: { reason: 'pass the Q1 audit without weekend overtime' } }),
      [key],
    );
    const { page, guard } = await openGuarded(browser, entry.url);
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    const said = frame.locator('[data-testid="message-language"]');
    // The fixture's <html lang="en">: English, and the card says why.
    assert.equal(await said.getAttribute('data-lang'), 'en');
    assert.match(await said.textContent(), /page's language/);
    await frame.locator('[data-action="language"][data-lang="fr"]').click();
    await frame.locator('[data-testid="message-language"][data-lang="fr"]').waitFor();
    const text = await frame.locator('[data-testid="next-message"]').textContent();
    assert.match(text, /^Bonjour/, text);
    assert.match(text, /pass the Q1 audit/, 'their reason, in their words');
    assert.match(await said.textContent(), /this deal's notes/);
    const stored = await extensionPage.evaluate(() => chrome.storage.local.get(null));
    assert.equal(stored[key].language, 'fr', 'kept as the deal note');
    assert.equal(stored[key].reason, 'pass the Q1 audit without weekend overtime', 'the other notes kept');

    // The same page and storage, saved, through the command line.
    const snapshot = await extensionPage.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'stallwatch:get-snapshot' }, { frameId: 0 });
      return reply?.snapshot;
    }, entry.url);
    assert.ok(snapshot?.url, 'the content script gave its snapshot');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stallwatch-page-'));
    const file = path.join(dir, 'page.json');
    writeFileSync(file, JSON.stringify({ page: snapshot, stored }));
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const out = execFileSync(path.join(ROOT, 'target', 'release', 'stallwatch'), ['suggest', '--now', today, file], { encoding: 'utf8' });
    const subject = await frame.locator('[data-testid="next-message-subject"]').textContent();
    assert.ok(out.includes(`Subject: ${subject}`), `the CLI prints the card's subject ${JSON.stringify(subject)}:\n${out}`);
    assert.ok(out.includes(text.trim()), `the CLI prints the card's words:\n${text}\n---\n${out}`);
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe('reading only what changed', () => {
  // Counting reads needs the counting build (the shipped content script has no counters):
  // the same extension with STALLWATCH_COUNTERS, dist/chrome-instrumented.
  let counting;
  let countingPage;
  before(async () => {
    counting = await launch({ extensionDir: path.join(ROOT, 'dist', 'chrome-instrumented') });
    countingPage = await counting.context.newPage();
    await countingPage.goto(`chrome-extension://${counting.extensionId}/options.html`);
  });
  after(async () => {
    await counting?.close();
  });

  test('a change elsewhere in the record costs no read; a change to a value read is read and shown', async () => {
    const { openCard } = await import('./harness.mjs');
    const entry = EXPECTED['salesforce/opportunity.html'];
    const { page, guard } = await openGuarded(counting, entry.url);
    const frame = await overlayFrame(page, counting.extensionId);
    await openCard(frame);
    const stats = () =>
      countingPage.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.tabs.sendMessage(tab.id, { type: 'stallwatch:stats' }, { frameId: 0 });
      }, entry.url);
    await page.waitForTimeout(700); // past the first reads
    const before = await stats();
    // A note appended inside the record, and the header retitled: nothing Stallwatch read.
    await guard.asHost(() => {
      const p = document.createElement('p');
      p.textContent = 'Last refreshed just now';
      document.querySelector('.windowViewMode-maximized.active.lafPageHost').append(p);
      document.title = `${document.title} (1)`;
    });
    await page.waitForTimeout(700); // the debounce is 250 ms
    assert.equal((await stats()).reads, before.reads, 'no read for a change outside what was read');
    // The amount re-rendered with a new value, wherever it is shown (light DOM and shadow roots).
    await guard.asHost(() => {
      const roots = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      for (const root of roots) {
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) {
          if (t.data.includes('48,500.00')) t.data = t.data.replace('48,500.00', '52,000.00');
        }
      }
    });
    const amount = frame.locator('[data-testid="read-field"][data-field="amount"] [data-testid="read-value"]');
    await amount.filter({ hasText: '52,000' }).waitFor({ state: 'attached', timeout: 5000 });
    assert.ok((await stats()).reads > before.reads, 'read again');
    await guard.assertUntouched(assert);
    await page.close();
  });

  test('a field that goes and renders again later is read both times', async () => {
    const { openCard } = await import('./harness.mjs');
    const entry = EXPECTED['salesforce/opportunity.html'];
    const { page, guard } = await openGuarded(browser, entry.url);
    const frame = await overlayFrame(page, browser.extensionId);
    await openCard(frame);
    const nextStep = frame.locator('[data-testid="read-field"][data-field="next_step"] [data-testid="read-value"]');
    await nextStep.filter({ hasText: 'Send revised SOW' }).waitFor({ state: 'attached' });
    // Lightning re-renders the details section: the field goes...
    await guard.asHost(() => {
      // The details panel renders in a shadow root: find the item through open roots.
      const roots = [document.querySelector('.windowViewMode-maximized.active.lafPageHost')];
      let item = null;
      for (let i = 0; i < roots.length && !item; i++) {
        item = roots[i].querySelector('records-record-layout-item[field-label="Next Step"]');
        for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      window.__parked = { item, parent: item.parentNode };
      item.remove();
    });
    await nextStep.filter({ hasText: 'not read' }).waitFor({ state: 'attached', timeout: 5000 });
    // ...and comes back, somewhere new in the record: an addition that matches what is missing.
    await guard.asHost(() => {
      window.__parked.parent.prepend(window.__parked.item);
    });
    await nextStep.filter({ hasText: 'Send revised SOW' }).waitFor({ state: 'attached', timeout: 5000 });
    await guard.assertUntouched(assert);
    await page.close();
  });
});

describe('reusing timeline items that did not change', () => {
  // The reader keeps each timeline item's parts until something inside the item changes. The
  // oracle is a second reader with nothing cached: after every change a rep's CRM could make,
  // both must read the same snapshot, so the cache can only ever save time, never change facts.
  const READER = `${readFileSync(path.join(ROOT, 'dist', 'read_plan.js'), 'utf8')}\n${readFileSync(path.join(ROOT, 'extension', 'read_page.js'), 'utf8')}`;
  for (const fixture of ['salesforce/opportunity.html', 'salesforce/opportunity-gb-native.html', 'hubspot/deal.html']) {
    test(`${fixture}: after each change, the reused items read as a fresh reader reads them`, async () => {
      const page = await browser.context.newPage();
      await page.goto(EXPECTED[fixture].url, { waitUntil: 'load' });
      await page.evaluate(READER);
      const read = () =>
        page.evaluate(() => {
          const host = location.hostname;
          globalThis.cached ??= STALLWATCH_READER.readerFor(STALLWATCH_READ_PLANS, host);
          const fresh = STALLWATCH_READER.readerFor(STALLWATCH_READ_PLANS, host);
          return { cached: cached.snapshot(null), fresh: fresh.snapshot(null) };
        });
      const first = await read();
      assert.ok(first.fresh.activities?.length >= 3, `the fixture has a timeline (${first.fresh.activities?.length})`);
      assert.deepEqual(first.cached, first.fresh);
      // Each change, made as the CRM would, inside the timeline's items (found in every tree).
      // `part(item, name)` is the element a part of the plan reads in that item; each change
      // but the first returns whether it must change what a fresh reader reads.
      const changes = {
        'nothing changed': () => false,
        'a value read re-rendered': (items, part) => {
          const el = part(items[1], 'subject') || part(items[1], 'header');
          const walk = (n) => {
            for (const c of [...n.childNodes, ...(n.shadowRoot ? [n.shadowRoot] : [])]) {
              if (c.nodeType === 3 && c.data.trim()) return c;
              const t = walk(c);
              if (t) return t;
            }
            return null;
          };
          const t = walk(el);
          t.data = `${t.data} (edited)`;
          return true;
        },
        'an attribute read changed': (items, part, plan) => {
          const kind = plan.timeline.parts.find((p) => p.part === 'kind').selectors.find((x) => x.css === ':scope' && items[2].hasAttribute(x.attr));
          items[2].setAttribute(kind.attr, `${items[2].getAttribute(kind.attr)} edited`);
          return true;
        },
        'a task checkbox ticked (no mutation is reported for it)': (items) => {
          const boxes = [];
          const collect = (n) => {
            for (const el of n.querySelectorAll('*')) {
              if (el.matches('input[type="checkbox"]')) boxes.push(el);
              if (el.shadowRoot) collect(el.shadowRoot);
            }
          };
          items.forEach(collect);
          for (const b of boxes) b.checked = !b.checked;
          return boxes.length > 0;
        },
        'the last item moved to the top': (items) => {
          items[0].before(items[items.length - 1]);
          return true;
        },
        'a component inside an item attached its shadow root late': (items, part) => {
          // An element inside the text a part reads, that can host a shadow root (an <a> cannot).
          const read = part(items[0], 'body') || part(items[0], 'header');
          const el = read.querySelector('div, span, p') || read;
          const root = el.attachShadow({ mode: 'open' });
          const b = document.createElement('b');
          b.textContent = 'Rendered later';
          root.append(b);
          return true;
        },
      };
      let before = first.fresh;
      for (const [what, change] of Object.entries(changes)) {
        const mustChange = await page.evaluate(
          ([source, plansHost]) => {
            const plan = STALLWATCH_READ_PLANS.find((p) => p.hosts.some((h) => new RegExp(h).test(plansHost)));
            const deep = (root) => {
              const roots = [root];
              for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
              return roots;
            };
            let items = [];
            for (const s of plan.timeline.items) {
              // The shown record's items (a hidden cached record's are not read).
              items = deep(document).flatMap((r) => [...r.querySelectorAll(s.css)]).filter((el) => el.checkVisibility());
              if (items.length) break;
            }
            const part = (item, name) => {
              for (const sel of plan.timeline.parts.find((p) => p.part === name)?.selectors ?? []) {
                if (sel.attr || sel.css.includes('>>>') || sel.css.includes('<<<')) continue;
                for (const r of deep(item)) {
                  const hit = r.querySelector(sel.css);
                  if (hit) return hit;
                }
              }
              return null;
            };
            // eslint-disable-next-line no-new-func
            return new Function('items', 'part', 'plan', `return (${source})(items, part, plan)`)(items, part, plan);
          },
          [change.toString(), new URL(EXPECTED[fixture].url).hostname],
        );
        const after = await read();
        if (mustChange) assert.notDeepEqual(after.fresh, before, `${fixture}, ${what}: the change reaches what is read`);
        assert.deepEqual(after.cached, after.fresh, `${fixture}, ${what}: the cached reader reads what a fresh one reads`);
        before = after.fresh;
      }
      await page.close();
    });
  }
});
