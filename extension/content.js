// Stallwatch content script: mounts one overlay iframe on CRM deal pages and lists, and sends it
// what the page shows.
//
// It interprets nothing: which pages count and what to read come from the read plans
// (read_plan.js, generated from src/crm/*.rs) through the plan interpreter (read_page.js); what
// the strings mean is decided by the Rust core in the overlay iframe. This script never changes
// the host page: its only footprint is one element appended to <html>, holding a closed shadow
// root with the iframe.
(() => {
  'use strict';
  if (window.top !== window) return;
  const reader = globalThis.STALLWATCH_READER?.readerFor(globalThis.STALLWATCH_READ_PLANS || [], location.hostname);
  if (!reader) return;

  const OVERLAY_URL = chrome.runtime.getURL('overlay.html');
  const EXTENSION_ORIGIN = chrome.runtime.getURL('');
  const pageKind = reader.pageKind;

  // ---- the overlay frame -----------------------------------------------------------------

  let mounted = null; // { host, frame, port }
  /** The page's snapshot; our own overlay is never read. */
  const snapshot = () => reader.snapshot(mounted?.host);
  let lastSent = '';

  function mount() {
    const host = document.createElement('stallwatch-overlay');
    const shadow = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    const nonce = crypto.randomUUID();
    frame.src = `${OVERLAY_URL}#${nonce}`;
    frame.title = 'Stallwatch';
    frame.setAttribute('allow', 'clipboard-write');
    // CSSOM, not style attributes: allowed under a strict page CSP.
    const s = frame.style;
    s.setProperty('position', 'fixed', 'important');
    s.setProperty('top', '8px', 'important');
    s.setProperty('right', '8px', 'important');
    s.setProperty('width', '168px', 'important');
    s.setProperty('height', '44px', 'important');
    s.setProperty('border', '0', 'important');
    s.setProperty('z-index', '2147483647', 'important');
    s.setProperty('background', 'transparent', 'important');
    s.setProperty('color-scheme', 'normal', 'important');
    shadow.append(frame);
    mounted = { host, frame, port: null, retries: 20 };
    frame.addEventListener('load', () => connect(nonce), { once: true });
    document.documentElement.append(host);
  }

  function connect(nonce) {
    if (!mounted) return;
    const port = chrome.runtime.connect({ name: `stallwatch-overlay:${nonce}` });
    mounted.port = port;
    lastSent = '';
    port.onMessage.addListener((msg) => {
      if (!mounted || msg?.type !== 'resize') return;
      const w = Math.max(120, Math.min(Number(msg.width) || 0, 480));
      const h = Math.max(36, Math.min(Number(msg.height) || 0, window.innerHeight - 16));
      mounted.frame.style.setProperty('width', `${w}px`, 'important');
      mounted.frame.style.setProperty('height', `${h}px`, 'important');
    });
    port.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (!mounted || mounted.port !== port) return;
      mounted.port = null;
      // Firefox's relay (relay.js) runs in an event page that can be suspended: try again a
      // few times, then stay quiet (the overlay keeps its last render).
      if (mounted.retries-- > 0) setTimeout(() => connect(nonce), 500);
    });
    push();
  }

  function unmount() {
    if (!mounted) return;
    mounted.port?.disconnect();
    mounted.host.remove();
    mounted = null;
  }

  function push() {
    if (!mounted?.port) return;
    const snap = snapshot();
    const json = JSON.stringify(snap);
    if (json === lastSent) return;
    lastSent = json;
    mounted.port.postMessage({ type: 'snapshot', snapshot: snap });
  }

  // ---- following the single-page app -------------------------------------------------------

  let lastUrl = '';
  let timer = 0; // a pending refresh, if any
  function refresh() {
    timer = 0;
    const kind = pageKind();
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      unmount(); // a new record gets a fresh overlay
    }
    if (kind) {
      // A deal record, a list or a board.
      if (!mounted) mount();
      else push();
    } else {
      unmount();
    }
  }
  /** Throttles refreshes: at most one per `delay` ms however often the page changes. */
  function throttledRefresh(delay) {
    if (!timer) timer = setTimeout(refresh, delay);
  }
  // CRMs render lazily (timelines, skeleton rows): re-read at most every 400 ms while they do.
  new MutationObserver(() => throttledRefresh(400)).observe(document, { childList: true, subtree: true, characterData: true });
  setInterval(() => { if (location.href !== lastUrl) throttledRefresh(0); }, 500);
  refresh();

  // ---- answering our own extension pages ---------------------------------------------------

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // Only Stallwatch's own pages (the popup) may ask; never another extension or a web page.
    if (sender.id !== chrome.runtime.id || !String(sender.url || '').startsWith(EXTENSION_ORIGIN)) return;
    if (msg?.type === 'stallwatch:get-snapshot') {
      sendResponse({ kind: pageKind(), snapshot: snapshot() });
    }
  });
})();
