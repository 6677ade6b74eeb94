// @ts-check
// Firefox only (scripts/manifest.mjs adds it to the Firefox manifest as the background script).
//
// Why: in Firefox, an extension iframe inside a web page gets content-script-level APIs, so the
// overlay iframe cannot receive the content script's runtime.connect (in Chromium it can, and
// the card's frame connects to the content script directly). This script pairs the two ports
// by the overlay's nonce and passes messages between them. It checks both senders and decides
// nothing else.
import { NONCE, PORT, fromOurCard, fromOurTabTop } from './lib/protocol.js';

/** The nonce a port's name carries after `prefix`, when it is one. */
function nonceOf(name, prefix) {
  const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
  return NONCE.test(rest) ? rest : null;
}
const pairs = new Map(); // nonce -> { page, frame, pending }

function forward(pair, from, msg) {
  const to = from === 'page' ? pair.frame : pair.page;
  if (to) to.postMessage(msg);
  // The newest snapshot waits for a frame that has not connected yet.
  else if (from === 'page') pair.pending = msg;
}

chrome.runtime.onConnect.addListener((port) => {
  const sender = port.sender || {};
  const page = nonceOf(port.name, PORT.PAGE);
  const frame = nonceOf(port.name, PORT.FRAME);
  if (!page && !frame) return; // not a Stallwatch overlay port
  const side = page ? 'page' : 'frame';
  const trusted = side === 'page' ? fromOurTabTop(sender) : fromOurCard(sender);
  if (!trusted) {
    port.disconnect();
    return;
  }
  const nonce = page || frame;
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
