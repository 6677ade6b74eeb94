// Stallwatch content script: reads raw strings from a CRM page and shows one overlay iframe.
//
// Logic-free by design: which pages count and what to read come from the read plans
// (read_plan.js, generated from src/crm/*.rs); what the strings mean is decided by the Rust core
// in the overlay iframe. This script never changes the host page: its only footprint is one
// element appended to <html>, holding a closed shadow root with the iframe.
(() => {
  'use strict';
  if (window.top !== window) return;
  const plans = globalThis.STALLWATCH_READ_PLANS || [];
  const plan = plans.find((p) => p.hosts.some((h) => new RegExp(h).test(location.hostname)));
  if (!plan) return;

  const MAX_TEXT = 2000; // per value: a hostile page cannot make us ship megabytes
  const MAX_ITEMS = 400; // timeline items read per snapshot
  const OVERLAY_URL = chrome.runtime.getURL('overlay.html');
  const EXTENSION_ORIGIN = chrome.runtime.getURL('');

  // ---- reading -----------------------------------------------------------------------------

  /** Every open shadow root under `root`, so selectors reach native LWC components. */
  function shadowRoots(root) {
    const out = [];
    const walk = (node) => {
      const it = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
      for (let el = it.currentNode; el; el = it.nextNode()) {
        if (el.shadowRoot && el !== mounted?.host) {
          out.push(el.shadowRoot);
          walk(el.shadowRoot);
        }
      }
    };
    walk(root);
    return out;
  }

  function deepQueryAll(root, css, roots) {
    if (css === ':scope') return root.nodeType === Node.ELEMENT_NODE ? [root] : [];
    const found = [];
    for (const r of [root, ...(roots || shadowRoots(root))]) {
      try {
        found.push(...r.querySelectorAll(css));
      } catch {
        return []; // a selector this browser cannot parse reads as "not found"
      }
    }
    return found;
  }

  /** Text as the user sees it: through shadow roots and slots, blocks separated by spaces. */
  function composedText(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
    const tag = node.localName;
    if (tag === 'script' || tag === 'style' || tag === 'template') return '';
    let kids = node.childNodes;
    if (tag === 'slot' && node.assignedNodes().length) kids = node.assignedNodes();
    else if (node.shadowRoot) kids = node.shadowRoot.childNodes;
    let s = '';
    for (const k of kids) s += ' ' + composedText(k);
    return s;
  }

  function valueOf(el, sel) {
    const raw = sel.attr ? el.getAttribute(sel.attr) || '' : composedText(el);
    return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  }

  /** The first non-empty value any selector yields, with which selector found it. */
  function readFirst(root, selectors, roots) {
    for (let i = 0; i < selectors.length; i++) {
      // `closest`: read from an enclosing element instead (a board card's column).
      const base = selectors[i].closest ? root.closest?.(selectors[i].closest) : root;
      if (!base) continue;
      for (const el of deepQueryAll(base, selectors[i].css, selectors[i].closest ? undefined : roots)) {
        const value = valueOf(el, selectors[i]);
        if (value) return { value, source: i };
      }
    }
    return null;
  }

  function visible(el) {
    return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.offsetParent !== null;
  }

  /** List and board pages: each row's parts and label/value pairs. */
  function readRows(allRoots) {
    const { rows, parts, pairs } = plan.list;
    let found = [];
    for (const s of rows) {
      found = deepQueryAll(document, s.css, allRoots);
      if (found.length) break;
    }
    return found.slice(0, MAX_ITEMS).map((row) => {
      const inner = shadowRoots(row);
      const out = { parts: {}, pairs: [] };
      for (const p of parts) {
        const hit = readFirst(row, p.selectors, inner);
        if (hit) out.parts[p.part] = hit.value;
      }
      for (const s of pairs.items) {
        for (const item of deepQueryAll(row, s.css, inner)) {
          const label = readFirst(item, [pairs.label], []);
          const value = readFirst(item, [pairs.value], shadowRoots(item));
          if (label && value) out.pairs.push([label.value, value.value]);
        }
      }
      return out;
    });
  }

  function snapshot() {
    if (pageKind() !== 'deal_record') {
      return { url: location.href, title: document.title.slice(0, MAX_TEXT), rows: readRows(shadowRoots(document)) };
    }
    const allRoots = shadowRoots(document);
    let scope = null;
    for (const sel of plan.scope) {
      scope = deepQueryAll(document, sel.css, allRoots).find(visible) || null;
      if (scope) break;
    }
    const root = scope || document;
    const roots = scope ? shadowRoots(scope) : allRoots;
    const fields = {};
    for (const f of plan.fields) fields[f.field] = readFirst(root, f.selectors, roots);
    let activities = null;
    const containers = plan.timeline.containers.flatMap((s) => deepQueryAll(root, s.css, roots));
    const container = containers.find(visible) || containers[0];
    if (container) {
      const inner = shadowRoots(container);
      let items = [];
      for (const s of plan.timeline.items) {
        items = deepQueryAll(container, s.css, inner);
        if (items.length) break;
      }
      activities = items.slice(0, MAX_ITEMS).map((item) => {
        const parts = {};
        for (const p of plan.timeline.parts) {
          const hit = readFirst(item, p.selectors, shadowRoots(item));
          if (hit) parts[p.part] = hit.value;
        }
        return parts;
      });
    }
    return { url: location.href, title: document.title.slice(0, MAX_TEXT), scoped: !!scope, fields, activities };
  }

  function pageKind() {
    const page = plan.pages.find((p) => new RegExp(p.path).test(location.pathname));
    return page ? page.kind : null;
  }

  // ---- the overlay frame -----------------------------------------------------------------

  let mounted = null; // { host, frame, port }
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
  let timer = 0;
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
  function schedule(delay) {
    if (!timer) timer = setTimeout(refresh, delay);
  }
  // CRMs render lazily (timelines, skeleton rows): re-read after the page settles.
  new MutationObserver(() => schedule(400)).observe(document, { childList: true, subtree: true, characterData: true });
  setInterval(() => { if (location.href !== lastUrl) schedule(0); }, 500);
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
