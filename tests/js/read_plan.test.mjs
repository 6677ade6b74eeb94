// The content script's URL matching (the read plans' regexes, generated from Rust) agrees with
// the shared URL table that the Rust URL reader is tested against (tests/urls.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const plans = vm.runInNewContext(`${readFileSync('dist/read_plan.js', 'utf8')}; STALLWATCH_READ_PLANS`);
const { cases } = JSON.parse(readFileSync('tests/urls.json', 'utf8'));

function classify(href) {
  const url = new URL(href);
  const plan = plans.find((p) => p.hosts.some((h) => new RegExp(h).test(url.hostname)));
  if (!plan) return 'not_crm';
  const page = plan.pages.find((p) => new RegExp(p.path).test(url.pathname));
  return page ? page.kind : null;
}

test('read plans classify every URL in the shared table', () => {
  assert.ok(cases.length >= 20);
  for (const [url, kind] of cases) assert.equal(classify(url), kind, url);
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
  });
}
