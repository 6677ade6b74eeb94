// The content script's URL matching (the read plans' regexes, generated from Rust) agrees with
// the shared URL table that the Rust URL reader is tested against (tests/urls.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

// The generated plans and the content script's own URL classifier (read_page.js), in a context
// whose `location` a test can set (a reader watches the page's timeline: nothing to watch here).
const MutationObserver = class {
  observe() {}
  disconnect() {}
};
const context = vm.createContext({ URL, MutationObserver, location: null });
vm.runInContext(`${readFileSync('dist/read_plan.js', 'utf8')}\n${readFileSync('extension/read_page.js', 'utf8')}`, context);
const { STALLWATCH_READ_PLANS: plans, STALLWATCH_READER: reader } = context;
const table = JSON.parse(readFileSync('tests/urls.json', 'utf8'));
const { cases } = table;

/** What the content script makes of a URL: not_crm, or a page kind (null: not read). */
function classify(href, among = plans) {
  const page = reader.pageOf(among, href);
  return page ? page.kind : 'not_crm';
}

test('read plans classify every URL in the shared table', () => {
  assert.ok(cases.length >= 20);
  for (const [url, kind] of cases) assert.equal(classify(url), kind, url);
});

/** The kind a reader for `href`'s host gives on that page (content.js's pageKind), or not_crm. */
function pageKindAt(href, among = plans) {
  const hostname = new URL(href).hostname;
  const r = reader.readerFor(among, hostname);
  if (!r) return 'not_crm';
  context.location = new URL(href);
  try {
    return r.pageKind();
  } finally {
    context.location = null;
  }
}

test("the content script's pageKind on each page agrees with the table", () => {
  for (const [url, kind] of cases) assert.equal(pageKindAt(url), kind, url);
});

test('URLs that are not plain https are no CRM page (userinfo, a port, another scheme)', () => {
  const { urls } = table.refused;
  assert.ok(urls.length >= 8);
  for (const url of urls) {
    assert.equal(classify(url), 'not_crm', url);
    // Where the content script may still run (a port: match patterns ignore it), it reads nothing.
    assert.ok([null, 'not_crm'].includes(pageKindAt(url)), url);
  }
  assert.equal(reader.pageOf(plans, 'not a url'), null);
});

test('a CRM addressed by query string is one plan: its pages name query parameters', () => {
  const { plan, cases: examples } = table.query_addressed;
  // The table holds how the plan names its pages; a reader needs the rest of a plan too.
  const reading = { scope: [], fields: [], date_hints: [], contacts: [], timeline: { containers: [], items: [], parts: [] }, list: { rows: [], parts: [], pairs: [] } };
  const whole = { ...reading, ...plan };
  assert.ok(examples.length >= 10);
  for (const [url, kind] of examples) {
    assert.equal(classify(url), 'not_crm', `${url}: a registered CRM claims it`);
    assert.equal(classify(url, [plan]), kind, url);
    if (kind !== 'not_crm') assert.equal(pageKindAt(url, [whole]), kind, `${url}: pageKind`);
  }
});

// Where each selector was seen and how sure we are stay in src/crm/*.rs (checked there by
// `the_shipped_plans_keep_every_selector_and_no_provenance`): every CRM page loads this file.
test('every selector ships with its CSS and without its provenance', () => {
  for (const plan of plans) {
    const all = [
      ...plan.scope,
      ...plan.fields.flatMap((f) => f.selectors),
      ...plan.timeline.containers,
      ...plan.timeline.items,
      ...plan.timeline.parts.flatMap((p) => p.selectors),
      ...plan.list.rows,
      ...plan.list.parts.flatMap((p) => p.selectors),
      ...plan.list.pairs.flatMap((p) => [...p.items, p.label, p.value]),
      ...plan.date_hints,
      ...plan.contacts,
    ];
    assert.ok(all.length > 20, plan.crm);
    for (const s of all) {
      assert.ok(typeof s.css === 'string' && s.css.length > 0, `${plan.crm}: a selector without CSS`);
      assert.ok(!('seen' in s) && !('confidence' in s), `${plan.crm}: ${s.css} ships its provenance`);
    }
  }
});

/** A browser match pattern (`https://*.x.com/*`, `https://app.x.com/*`) against a URL. */
function patternMatches(pattern, href) {
  const m = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
  assert.ok(m, `unexpected pattern ${pattern}`);
  const url = new URL(href);
  if (url.protocol !== 'https:') return false;
  const host = m[1];
  return host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
}

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: the manifest runs on exactly the CRM URLs of the shared table, in all three lists`, () => {
    const manifest = JSON.parse(readFileSync(`dist/${browser}/manifest.json`, 'utf8'));
    const hosts = manifest.host_permissions;
    assert.ok(hosts.length >= 3);
    assert.deepEqual(manifest.content_scripts[0].matches, hosts);
    assert.deepEqual(manifest.web_accessible_resources[0].matches, hosts);
    for (const [url, kind] of cases) {
      const injected = hosts.some((h) => patternMatches(h, url));
      const readable = classify(url) !== 'not_crm';
      assert.equal(injected, kind !== 'not_crm', `${url}: manifest`);
      assert.equal(readable, injected, `${url}: the manifest and the read plan disagree`);
    }
    for (const [url] of table.query_addressed.cases) assert.ok(!hosts.some((h) => patternMatches(h, url)), url);
  });
}
