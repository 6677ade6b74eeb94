// The overlay iframe: receives page snapshots from this tab's content script over a port and
// hands them, with the stored notes, to the Rust core, which renders. Plumbing only.
import init, { render_overlay, storage_keys } from './pkg/stallwatch.js';
import { copyText, reportError } from './ui.js';

const nonce = location.hash.slice(1);
const root = document.getElementById('app');
let port = null;
let snapshot = null;
let expanded = false;
let choice = {}; // the draft picked with the channel and tone switchers
let ready = false;

/** Takes snapshots from a port to this tab's content script. */
function attach(p) {
  port?.disconnect();
  port = p;
  p.onMessage.addListener((msg) => {
    if (msg?.type !== 'snapshot') return;
    snapshot = msg.snapshot;
    render();
  });
}

// Chromium: the content script connects to us directly. Registered before the first await, so
// it is in place when the content script connects.
chrome.runtime.onConnect.addListener((p) => {
  // Only our content script, in a tab's top frame, naming the nonce it put in our URL.
  const s = p.sender || {};
  if (!nonce || p.name !== `stallwatch-overlay:${nonce}` || s.id !== chrome.runtime.id || !s.tab || s.frameId !== 0) {
    return;
  }
  attach(p);
});

// Firefox: this frame cannot receive the content script's port, so both connect to relay.js,
// which pairs them by the nonce. In Chromium no background listens and this port just closes.
function connectRelay(tries) {
  if (!nonce) return;
  const p = chrome.runtime.connect({ name: `stallwatch-frame:${nonce}` });
  let used = false;
  p.onMessage.addListener(() => {
    used = true;
  });
  p.onDisconnect.addListener(() => {
    void chrome.runtime.lastError; // "no receiving end" in Chromium: expected, not an error
    if (port === p) port = null;
    // The relay's event page can be suspended; reconnect if it was carrying our snapshots.
    if (used && tries > 0) setTimeout(() => connectRelay(tries - 1), 500);
  });
  if (!port) attach(p);
}
connectRelay(20);

chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') render();
});

root.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  if (!target) return;
  const { action } = target.dataset;
  if (action === 'toggle') {
    expanded = !expanded;
    render();
  } else if (action === 'channel' || action === 'tone') {
    choice = { ...choice, [action]: target.dataset[action] };
    render();
  } else if (action === 'copy') {
    copyText(root);
  }
});

let queue = Promise.resolve();
function render() {
  queue = queue.then(draw).catch((e) => reportError(root, e));
}

async function draw() {
  if (!ready || !snapshot) return;
  const keys = storage_keys(snapshot);
  const stored = await chrome.storage.local.get(keys);
  render_overlay(root, snapshot, stored, expanded, choice);
  // For scripts/bench-overlay.mjs: when the first score was on screen (a local mark only).
  if (!performance.getEntriesByName('stallwatch:first-render').length) performance.mark('stallwatch:first-render');
  const box = root.firstElementChild?.getBoundingClientRect();
  if (box) port?.postMessage({ type: 'resize', width: Math.ceil(box.width), height: Math.ceil(box.height) });
}

await init();
performance.mark('stallwatch:wasm-ready');
ready = true;
render();
