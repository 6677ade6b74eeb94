// Architecture rules for the extension's JavaScript, the twin of tests/layers.rs:
//  - only extension/lib/store.js touches chrome.storage;
//  - only extension/lib/protocol.js sends or listens for runtime messages;
//  - no message, port or window-message name is spelled outside protocol.js;
//  - no storage key (the Rust schema's, src/core/store.rs) is spelled in JavaScript at all: the
//    core names the keys and returns every change as effects;
//  - the data-action values (the DOM contract) and the refusal codes are one table on each
//    side, kept equal.
// Each rule is also run on a made-up violation, to show it can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

globalThis.chrome = { runtime: { id: 'x', getURL: (p) => p } };
const P = await import('../../extension/lib/protocol.js');

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'pkg') return [];
    return statSync(p).isDirectory() ? jsFiles(p) : name.endsWith('.js') ? [p] : [];
  });
}
const FILES = jsFiles('extension').map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '') }));
const NAMES = [...Object.values(P.MSG), ...Object.values(P.PORT), ...Object.values(P.PORT_MSG), ...Object.values(P.WINDOW_MSG)];
const KEYS = [...readFileSync('src/core/store.rs', 'utf8').matchAll(/spec\(\s*KeyKind::\w+,\s*"([^"]+)"/g)].map((m) => m[1]);

/** The rule violations in one file's (comment-stripped) text. */
function violations({ file, text }) {
  const out = [];
  const base = file.split(path.sep).join('/');
  if (base !== 'extension/lib/store.js' && /chrome\.storage|browser\.storage/.test(text)) out.push('touches chrome.storage');
  if (base !== 'extension/lib/protocol.js' && /\b(runtime|tabs)\.sendMessage|runtime\.onMessage/.test(text)) out.push('sends or listens for runtime messages');
  if (base !== 'extension/lib/protocol.js') {
    for (const n of NAMES) if (new RegExp(`['"\`]${n.replace(/[?]/g, '\\?')}['"\`$]`).test(text)) out.push(`spells the message name ${n}`);
  }
  for (const k of KEYS) if (new RegExp(`['"\`]${k}['"\`$]`).test(text)) out.push(`spells the storage key ${k}`);
  return out;
}

test('the storage schema and the protocol were found', () => {
  assert.ok(KEYS.length >= 9 && KEYS.includes('notes:') && KEYS.includes('overlay_corner'), KEYS.join(' '));
  assert.ok(NAMES.length >= 13, NAMES.join(' '));
  assert.ok(FILES.length >= 15, FILES.map((f) => f.file).join(' '));
});

test('every extension file keeps to the rules', () => {
  const broken = FILES.flatMap((f) => violations(f).map((v) => `${f.file}: ${v}`));
  assert.deepEqual(broken, []);
});

test('the data-action values the core renders are the ones the pages dispatch on', () => {
  // The list the `actions!` macro declares: `Variant => "name",`, one per line.
  const rust = [...readFileSync('src/view/action.rs', 'utf8').matchAll(/^\s*[A-Z]\w* => "([^"]+)",$/gm)].map((m) => m[1]);
  assert.ok(rust.length >= 16, rust.join(' '));
  assert.deepEqual([...rust].sort(), Object.values(P.ACTION).sort());
});

test('the refusal codes the scripts send are the ones the core words', () => {
  const rust = [...readFileSync('src/view/refused.rs', 'utf8').matchAll(/^\s*[A-Z]\w* => "([^"]+)",$/gm)].map((m) => m[1]);
  assert.ok(rust.length >= 7, rust.join(' '));
  assert.deepEqual([...rust].sort(), Object.values(P.REFUSED).sort());
});

test('the rules catch a violation', () => {
  const bad = {
    file: 'extension/popup.js',
    text: "chrome.storage.local.set({ ['notes:' + k]: v }); chrome.runtime.sendMessage({ type: 'stallwatch:badge' }); port.postMessage({ type: 'card:resize' });",
  };
  assert.deepEqual(violations(bad), [
    'touches chrome.storage',
    'sends or listens for runtime messages',
    'spells the message name stallwatch:badge',
    'spells the message name card:resize',
    'spells the storage key notes:',
  ]);
});
