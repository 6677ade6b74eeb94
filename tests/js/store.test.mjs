// The storage helper (extension/lib/store.js): effects applied as one write then removals, and
// the echo of a context's own write told from another context's (the redraw that swallowed a
// click came from such an echo). chrome.storage is an in-memory stand-in here that fires
// onChanged as the browser does; the real one is exercised by the browser suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const listeners = new Set();
const data = new Map();
const calls = [];
function fire(changes) {
  for (const l of listeners) l(changes, 'local');
}
globalThis.chrome = {
  storage: {
    local: {
      async get(keys) {
        const out = {};
        for (const [k, v] of data) if (keys === null || keys.includes(k)) out[k] = structuredClone(v);
        return out;
      },
      async set(items) {
        calls.push(['set', Object.keys(items)]);
        const changes = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
          data.set(k, structuredClone(v));
        }
        fire(changes);
      },
      async remove(keys) {
        calls.push(['remove', keys]);
        const changes = {};
        for (const k of keys) {
          if (!data.has(k)) continue;
          changes[k] = { oldValue: data.get(k) };
          data.delete(k);
        }
        if (Object.keys(changes).length) fire(changes);
      },
    },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  },
};
const { apply, read, watch } = await import('../../extension/lib/store.js');

test('effects are one write, then the removals', async () => {
  calls.length = 0;
  await apply({ set: { a: 1, b: { x: 2 } }, remove: ['c'] });
  assert.deepEqual(calls, [['set', ['a', 'b']], ['remove', ['c']]]);
  assert.deepEqual(await read(['a', 'b']), { a: 1, b: { x: 2 } });
  calls.length = 0;
  await apply({ set: {}, remove: [] });
  await apply(undefined);
  assert.deepEqual(calls, [], 'nothing to do: no storage call');
});

test('a watcher hears other contexts and the keys it asked for, not its own echo', async () => {
  const heard = [];
  const stop = watch(() => ['notes:x', 'settings'], (keys) => heard.push(keys));
  await apply({ set: { 'notes:x': { reason: 'mine' } } });
  assert.deepEqual(heard, [], 'our own write is not a change to redraw for');
  await globalThis.chrome.storage.local.set({ 'notes:x': { reason: 'from the popup' } });
  assert.deepEqual(heard, [['notes:x']], 'another window wrote');
  await globalThis.chrome.storage.local.set({ 'seen:x': {} });
  assert.equal(heard.length, 1, 'a key it does not show');
  await apply({ remove: ['settings'] });
  await globalThis.chrome.storage.local.set({ settings: { a: 1 } });
  assert.deepEqual(heard.at(-1), ['settings']);
  stop();
  await globalThis.chrome.storage.local.set({ settings: { a: 2 } });
  assert.equal(heard.length, 2, 'stopped');
});

test('with echo, a watcher hears its own writes too; null keys watch everything', async () => {
  const heard = [];
  const stop = watch(() => null, (keys) => heard.push(keys), { echo: true });
  await apply({ set: { anything: 1 } });
  assert.deepEqual(heard, [['anything']]);
  stop();
});
