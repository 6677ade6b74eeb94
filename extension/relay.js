// Firefox only (scripts/manifest.mjs adds it to the Firefox manifest as the background script).
//
// Why: in Firefox, an extension iframe inside a web page gets content-script-level APIs, so the
// overlay iframe cannot receive the content script's runtime.connect (in Chromium it can, and
// no background runs at all). This script pairs the two ports by the overlay's nonce and passes
// messages between them. It checks both senders and decides nothing else.
'use strict';

const PAGE = /^stallwatch-overlay:([0-9a-f-]{36})$/; // from the content script
const FRAME = /^stallwatch-frame:([0-9a-f-]{36})$/; // from the overlay iframe
const OVERLAY_URL = chrome.runtime.getURL('overlay.html');
const pairs = new Map(); // nonce -> { page, frame, pending }

function forward(pair, from, msg) {
  const to = from === 'page' ? pair.frame : pair.page;
  if (to) to.postMessage(msg);
  // The newest snapshot waits for a frame that has not connected yet.
  else if (from === 'page') pair.pending = msg;
}

chrome.runtime.onConnect.addListener((port) => {
  const sender = port.sender || {};
  const page = PAGE.exec(port.name);
  const frame = FRAME.exec(port.name);
  if (!page && !frame) return; // not a Stallwatch overlay port
  const side = page ? 'page' : 'frame';
  const trusted =
    sender.id === chrome.runtime.id &&
    (side === 'page'
      ? Boolean(sender.tab) && sender.frameId === 0
      : String(sender.url || '').startsWith(OVERLAY_URL));
  if (!trusted) {
    port.disconnect();
    return;
  }
  const nonce = (page || frame)[1];
  const pair = pairs.get(nonce) ?? { page: null, frame: null, pending: null };
  pairs.set(nonce, pair);
  pair[side]?.disconnect();
  pair[side] = port;
  const other = side === 'page' ? pair.frame : pair.page;
  if (other && other.sender?.tab?.id !== undefined && sender.tab?.id !== undefined && other.sender.tab.id !== sender.tab.id) {
    // Both sides must be in the same tab; a mismatch means someone replayed a nonce.
    port.disconnect();
    pair[side] = null;
    return;
  }
  port.onMessage.addListener((msg) => forward(pair, side, msg));
  port.onDisconnect.addListener(() => {
    if (pair[side] === port) pair[side] = null;
    if (!pair.page && !pair.frame) pairs.delete(nonce);
  });
  if (side === 'frame' && pair.pending) {
    port.postMessage(pair.pending);
    pair.pending = null;
  }
});
