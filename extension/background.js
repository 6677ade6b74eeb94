// Stallwatch's background (Chromium: the service worker; Firefox: the event page, beside
// relay.js): keeps the Rust core warm for every CRM tab, so a page's badge is scored without
// waiting for a frame to start. The content script sends what the page shows; this answers
// with the badge (a number, its band, fixed words) from the same view the card uses.
//
// It decides nothing itself: storage keys, the score and what to remember come from the core.
// It answers only Stallwatch's own content scripts (a tab's top frame), and sends nothing
// anywhere else.
import init, { badge_view, storage_keys } from './pkg/stallwatch.js';

// Started once per worker; a service worker cannot await at the top level.
const ready = init();

async function badgeFor(snapshot) {
  await ready;
  const stored = await chrome.storage.local.get(storage_keys(snapshot));
  const { badge, remember } = badge_view(snapshot, stored);
  // What the page proved about its host's date order, stored as the card would.
  if (remember) await chrome.storage.local.set(remember);
  return { badge };
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== 'stallwatch:badge') return false;
  // Our own content script in a tab's top frame; never a web page, another extension or a
  // frame inside the page.
  if (sender.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) return false;
  badgeFor(msg.snapshot).then(sendResponse, (e) => sendResponse({ error: String(e?.message || e).slice(0, 300) }));
  return true; // the answer comes asynchronously
});
