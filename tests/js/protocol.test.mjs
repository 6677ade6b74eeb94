// The message protocol (extension/lib/protocol.js): the sender checks every context relies on,
// and one request/response style, with chrome.runtime stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ID = 'ourextensionid';
const BASE = `chrome-extension://${ID}/`;
let onMessage = null;
globalThis.chrome = {
  runtime: {
    id: ID,
    getURL: (p) => `${BASE}${p}`,
    onMessage: { addListener: (l) => (onMessage = l) },
    sendMessage: async (m) => ({ echoed: m }),
  },
  tabs: { sendMessage: async (tab, m, o) => ({ tab, frame: o.frameId, m }) },
};
const P = await import('../../extension/lib/protocol.js');

test('every message name is unique and namespaced', () => {
  const names = [...Object.values(P.MSG), P.WINDOW_MSG.PAIR];
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.match(n, /^stallwatch:/);
  assert.equal(new Set(Object.values(P.PORT_MSG)).size, Object.values(P.PORT_MSG).length);
});

test('the sender checks', () => {
  const tabTop = { id: ID, tab: { id: 3 }, frameId: 0, url: 'https://acme.lightning.force.com/x' };
  assert.ok(P.fromOurTabTop(tabTop));
  assert.ok(!P.fromOurTabTop({ ...tabTop, frameId: 2 }), 'a frame inside the page');
  assert.ok(!P.fromOurTabTop({ ...tabTop, id: 'another' }), 'another extension');
  assert.ok(!P.fromOurTabTop({ id: ID, frameId: 0, url: `${BASE}popup.html` }), 'not in a tab');
  assert.ok(P.fromOurPage({ id: ID, url: `${BASE}popup.html` }));
  assert.ok(!P.fromOurPage({ id: ID, url: 'https://evil.example/' }), 'a web page');
  assert.ok(!P.fromOurPage({ id: 'x', url: `${BASE}popup.html` }));
  assert.ok(P.fromOurCard({ id: ID, url: `${BASE}overlay.html` }));
  assert.ok(!P.fromOurCard({ id: ID, url: `${BASE}popup.html` }));
  assert.ok(!P.fromOurPage(undefined) && !P.fromOurTabTop(undefined) && !P.fromOurCard(undefined));
  assert.ok(P.NONCE.test(crypto.randomUUID()));
  assert.ok(!P.NONCE.test('0000'));
});

test('answer() answers only its type from accepted senders, errors as {error}', async () => {
  P.answer('stallwatch:t', P.fromOurPage, (m) => {
    if (m.fail) throw new Error('nope');
    return { got: m.x };
  });
  const ask = (msg, sender) =>
    new Promise((resolve) => {
      const async = onMessage(msg, sender, resolve);
      if (!async) resolve('ignored');
    });
  const page = { id: ID, url: `${BASE}options.html` };
  assert.deepEqual(await ask({ type: 'stallwatch:t', x: 1 }, page), { got: 1 });
  assert.equal(await ask({ type: 'stallwatch:other' }, page), 'ignored');
  assert.equal(await ask({ type: 'stallwatch:t' }, { id: ID, url: 'https://evil.example' }), 'ignored');
  assert.deepEqual(await ask({ type: 'stallwatch:t', fail: true }, page), { error: 'nope' });
});

test('request() names the type and goes to a tab\'s top frame when asked', async () => {
  assert.deepEqual(await P.request('stallwatch:t', { x: 1 }), { echoed: { x: 1, type: 'stallwatch:t' } });
  assert.deepEqual(await P.request('stallwatch:t', {}, { tab: 7 }), { tab: 7, frame: 0, m: { type: 'stallwatch:t' } });
  globalThis.chrome.runtime.sendMessage = async () => ({ error: 'broken' });
  await assert.rejects(P.request('stallwatch:t'), /broken/);
});
