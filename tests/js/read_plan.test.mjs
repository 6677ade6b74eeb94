// The content script's URL matching (the read plans' regexes, generated from Rust) agrees with
// the shared URL table that the Rust URL reader is tested against (tests/urls.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const plans = vm.runInNewContext(`${readFileSync('dist/chrome/read_plan.js', 'utf8')}; STALLWATCH_READ_PLANS`);
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

test('every selector says where it was seen and how sure we are', () => {
  for (const plan of plans) {
    const all = [
      ...plan.scope,
      ...plan.fields.flatMap((f) => f.selectors),
      ...plan.timeline.containers,
      ...plan.timeline.items,
      ...plan.timeline.parts.flatMap((p) => p.selectors),
    ];
    assert.ok(all.length > 20, plan.crm);
    for (const s of all) {
      assert.ok(s.seen && ['H', 'M', 'L'].includes(s.confidence), `${plan.crm}: ${s.css}`);
    }
  }
});
