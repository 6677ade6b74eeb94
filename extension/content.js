// Stallwatch content script: on CRM deal pages and lists, draws the badge (the stall-risk
// number) and, when the rep opens it, the card in an overlay iframe; it sends both what the
// page shows.
//
// It interprets nothing: which pages count and what to read come from the read plans
// (read_plan.js, generated from src/crm/*.rs) through the plan interpreter (read_page.js); what
// the strings mean is decided by the Rust core: the background's warm copy scores the badge
// (background.js), the card's frame renders the rest. This script never changes the host page:
// its only footprint is one <div> appended to <html>, holding a closed shadow root with the
// badge, and the iframe while the card is open.
(() => {
  'use strict';
  if (window.top !== window) return;
  const reader = globalThis.STALLWATCH_READER?.readerFor(globalThis.STALLWATCH_READ_PLANS || [], location.hostname);
  if (!reader) return;

  // With `use_dynamic_url` (Chromium), this is the session's dynamic URL of the overlay; the
  // document it loads still has the extension's own origin, which messages to it must name.
  const OVERLAY_URL = chrome.runtime.getURL('overlay.html');
  const OVERLAY_ORIGIN = new URL(chrome.runtime.getURL('manifest.json')).origin;
  const EXTENSION_ORIGIN = chrome.runtime.getURL('');
  const pageKind = reader.pageKind;

  // ---- the overlay frame -----------------------------------------------------------------

  // Why a plain <div> and not a custom element: a page that defines the custom element first
  // gets our closed shadow root through ElementInternals. A built-in element cannot be defined
  // by the page, so the root stays closed. The attribute lets tests (and the rep's devtools) see
  // which element is ours; it carries nothing secret.
  const HOST_ATTRIBUTE = 'data-stallwatch-overlay';
  // The badge and the card have fixed sizes (the card scrolls inside): a size never follows the
  // content, so the page cannot measure a box to learn anything about the rep's notes.
  const CLOSED_SIZE = { width: 168, height: 44 };
  const OPEN_WIDTH = 428;
  const OPEN_MAX_HEIGHT = 560;
  const INSET = 8;
  // Where the badge and the card sit: a corner of the window, bottom right unless the rep drags
  // the badge to another one (remembered in storage.local as `overlay_corner`). Bottom right by
  // default: the CRMs' own header controls (profile, notifications, setup) and the record's
  // action buttons are along the top.
  const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
  const CORNER_KEY = 'overlay_corner';
  // Salesforce: global header ~50 px, app navigation ~40 px, the record's highlights with its
  // action buttons below; HubSpot: its navigation bar and the record header (tests/fixtures).
  const TOP_CLEARANCE = 180;
  let corner = 'bottom-right';
  /** The fixed-position properties that put a box of ours in `corner`, `inset` px from its edges. */
  function cornerStyle(c, inset) {
    const [v, h] = c.split('-');
    return {
      top: v === 'top' ? `${inset}px` : 'auto',
      bottom: v === 'bottom' ? `${inset}px` : 'auto',
      left: h === 'left' ? `${inset}px` : 'auto',
      right: h === 'right' ? `${inset}px` : 'auto',
    };
  }
  const Z_TOP = '2147483647';

  // { host, shadow, badge, frame, port, size, retries }; `frame` only while the card is open.
  let mounted = null;
  // How often and how long the page was read, how many snapshots went out, and when the first
  // badge was drawn (ms since navigation): for the benchmark (scripts/bench-overlay.mjs asks
  // through an extension page), kept in this tab only.
  const stats = { reads: 0, readMs: 0, maxReadMs: 0, sent: 0, unchanged: 0, lastAnswerMs: 0, scored: 0, firstBadgeAt: null, startedAt: performance.now(), firstAskedAt: null, firstAnsweredAt: null };
  /** The page's snapshot; our own overlay is never read. A reader failure is said, not hidden. */
  const snapshot = () => {
    const start = performance.now();
    try {
      return reader.snapshot(mounted?.host);
    } catch (e) {
      return { url: location.href, title: '', unreadable: String(e?.message || e).slice(0, 200) };
    } finally {
      const ms = performance.now() - start;
      stats.reads += 1;
      stats.readMs += ms;
      stats.maxReadMs = Math.max(stats.maxReadMs, ms);
    }
  };
  let lastSent = 0; // the fingerprint of the last snapshot sent

  // The last reading, and whether anything that could change it has happened since (a relevant
  // mutation, below). Asked again with nothing changed, the answer is that reading: a popup
  // opening on a 16,000-element page costs no walk of it.
  let latest = null;
  let changed = true;
  function current() {
    const start = performance.now();
    if (!changed && latest && latest.url === location.href && latest.title === document.title.slice(0, 2000)) {
      stats.unchanged += 1;
      stats.lastAnswerMs = performance.now() - start;
      return latest;
    }
    changed = false;
    latest = snapshot();
    stats.lastAnswerMs = performance.now() - start;
    watchRecord(); // what this read used is what to watch now
    return latest;
  }

  /**
   * A 32-bit FNV-1a hash of every key and string in a snapshot: what tells an unchanged reading
   * from a new one, without building a second 100 KB string to compare.
   */
  function fingerprint(value) {
    let h = 0x811c9dc5;
    const stack = [value];
    while (stack.length) {
      const v = stack.pop();
      if (v === null || v === undefined) {
        h = Math.imul(h ^ 0x30, 0x01000193);
      } else if (typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) stack.push(k, x);
        h = Math.imul(h ^ 0x7b, 0x01000193);
      } else {
        const t = String(v);
        for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
        h = Math.imul(h ^ 0x2c, 0x01000193);
      }
    }
    return h >>> 0 || 1;
  }

  /** Sets each property with `!important` in the element's own style: page CSS cannot beat it. */
  function pin(el, props) {
    for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v, 'important');
  }

  function openSize() {
    // From a bottom corner, the card stops TOP_CLEARANCE px from the top of the window: the CRMs'
    // global header, app navigation and the record's action buttons live there.
    const room = window.innerHeight - INSET - (corner.startsWith('bottom') ? TOP_CLEARANCE : INSET);
    return { width: OPEN_WIDTH, height: Math.max(CLOSED_SIZE.height, Math.min(OPEN_MAX_HEIGHT, room)) };
  }

  /** Gives the open card's frame its size, and remembers it for visibilityProblem. */
  function sizeFrame() {
    if (!mounted?.frame) return;
    mounted.size = openSize();
    pin(mounted.frame, { width: `${mounted.size.width}px`, height: `${mounted.size.height}px` });
  }
  // The open height follows the window's.
  window.addEventListener('resize', sizeFrame);

  // Everything a page stylesheet could use to hide, move, shrink or see through our container
  // (CSSOM, not style attributes: allowed under a strict page CSP).
  const HOST_STYLE = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    opacity: '1',
    visibility: 'visible',
    transform: 'none',
    filter: 'none',
    'backdrop-filter': 'none',
    'clip-path': 'none',
    mask: 'none',
    'mix-blend-mode': 'normal',
    zoom: '1',
    overflow: 'visible',
    'pointer-events': 'auto',
    'z-index': Z_TOP,
    contain: 'none',
  };
  const FRAME_STYLE = {
    position: 'fixed',
    margin: '0',
    border: '0',
    padding: '0',
    display: 'block',
    opacity: '1',
    visibility: 'visible',
    transform: 'none',
    filter: 'none',
    'z-index': Z_TOP,
    background: 'transparent',
    'color-scheme': 'normal',
  };

  // The badge: a button drawn here, its colours by band. Styled through the CSSOM (allowed under
  // a strict page CSP), inside our closed shadow root, which page CSS cannot reach.
  const BAND_COLOUR = { low: '#2e844a', watch: '#c77700', high: '#c23934' };
  const NO_BAND_COLOUR = '#6b7280';
  const BADGE_STYLE = {
    ...FRAME_STYLE,
    width: `${CLOSED_SIZE.width}px`,
    height: `${CLOSED_SIZE.height - 6}px`,
    margin: '2px 4px 4px',
    padding: '0 12px',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'space-between',
    'box-sizing': 'border-box',
    'border-radius': '22px',
    color: '#fff',
    font: '600 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    'box-shadow': '0 2px 6px rgba(0, 0, 0, .25)',
    cursor: 'pointer',
    'touch-action': 'none',
  };

  /** Our container with its closed shadow root and the (not yet shown) badge. */
  function mount() {
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    pin(host, HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.dataset.testid = 'stall-badge';
    pin(badge, { ...BADGE_STYLE, ...cornerStyle(corner, INSET), display: 'none' });
    const brand = document.createElement('span');
    pin(brand, { 'font-size': '11px', 'line-height': '1', 'text-transform': 'uppercase', 'letter-spacing': '.04em', opacity: '.9' });
    const number = document.createElement('span');
    pin(number, { 'font-size': '18px', 'font-weight': '700', 'line-height': '1', 'min-width': '1.5em', 'text-align': 'right' });
    badge.append(brand, number);
    // Only the rep's own click or key opens the card; a script's synthetic click does not. A
    // drag moves the badge to another corner instead (the click that ends it is not an open).
    let drag = null;
    let dragged = false;
    badge.addEventListener('pointerdown', (e) => {
      if (!e.isTrusted || e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, moving: false };
      badge.setPointerCapture(e.pointerId);
    });
    badge.addEventListener('pointermove', (e) => {
      if (!drag || !e.isTrusted) return;
      if (!drag.moving && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 8) return;
      drag.moving = true;
      const { width, height } = badge.getBoundingClientRect();
      pin(badge, { top: `${e.clientY - height / 2}px`, left: `${e.clientX - width / 2}px`, bottom: 'auto', right: 'auto' });
    });
    badge.addEventListener('pointerup', (e) => {
      if (!drag || !e.isTrusted) return;
      const moved = drag.moving;
      drag = null;
      dragged = moved;
      if (!moved) return;
      // Dropped: the nearest corner, kept for every CRM page.
      const v = e.clientY < window.innerHeight / 2 ? 'top' : 'bottom';
      const h = e.clientX < document.documentElement.clientWidth / 2 ? 'left' : 'right';
      place(`${v}-${h}`);
      chrome.storage.local.set({ [CORNER_KEY]: corner }).catch(() => {});
    });
    badge.addEventListener('click', (e) => {
      if (dragged) {
        dragged = false;
        return;
      }
      if (e.isTrusted) openCard();
    });
    shadow.append(badge);
    mounted = { host, shadow, badge, brand, number, frame: null, port: null, size: CLOSED_SIZE, retries: 20 };
    document.documentElement.append(host);
  }

  /** Puts the badge and the open card in corner `c`. */
  function place(c) {
    if (!CORNERS.includes(c)) return;
    corner = c;
    if (!mounted) return;
    pin(mounted.badge, cornerStyle(corner, INSET));
    if (mounted.frame) {
      pin(mounted.frame, cornerStyle(corner, INSET));
      sizeFrame();
    }
  }
  chrome.storage.local.get(CORNER_KEY).then((got) => place(got?.[CORNER_KEY]), () => {});

  /** Draws the badge the background scored: text nodes and colours only. */
  function drawBadge(view) {
    if (!mounted) return;
    const { badge, brand, number } = mounted;
    brand.textContent = view?.brand || 'Stallwatch';
    number.textContent = view?.number || '–';
    badge.dataset.kind = view?.kind || 'deal';
    badge.dataset.band = view?.band || '';
    const label = view?.label || 'Stallwatch could not score this page. Open it for what went wrong.';
    badge.title = label;
    badge.setAttribute('aria-label', label);
    pin(badge, { background: BAND_COLOUR[view?.band] || NO_BAND_COLOUR, display: mounted.frame ? 'none' : 'flex' });
    if (stats.firstBadgeAt === null) stats.firstBadgeAt = performance.now();
  }

  // The badge is scored by the background's warm core; only the newest answer is drawn.
  let scoredPrint = 0; // the fingerprint of the snapshot last sent for scoring
  let badgeKeys = new Set(); // the storage keys the badge was scored from (the background says)
  let scoreAsked = 0;
  async function score(snap, print, force = false) {
    if (!mounted || (!force && print === scoredPrint)) return;
    scoredPrint = print;
    const asked = ++scoreAsked;
    stats.firstAskedAt ??= performance.now();
    let answer = null;
    try {
      // A re-score after a storage change saw nothing new on the page: nothing to remember
      // (after "delete everything", an open tab must not write the deal back at once).
      answer = await chrome.runtime.sendMessage({ type: 'stallwatch:badge', snapshot: snap, remember: !force });
    } catch {
      // The background could not be reached: the badge says it could not score.
    }
    stats.firstAnsweredAt ??= performance.now();
    if (asked !== scoreAsked) return;
    stats.scored += 1;
    badgeKeys = new Set(answer?.keys ?? []);
    drawBadge(answer?.badge ?? null);
  }

  /**
   * `dark` or `light`: the page's own background (Salesforce's dark mode and SLDS 2 themes, a
   * dark-themed HubSpot), else the system's preference. The card follows it.
   */
  function pageTheme() {
    for (const el of [document.body, document.documentElement]) {
      if (!el) continue;
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
      if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue; // transparent: look further
      const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number(x) / 255);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
    }
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** The rep opened the card: its frame is created now, at the card's size, and paired. */
  function openCard() {
    if (!mounted || mounted.frame) return;
    const frame = document.createElement('iframe');
    // No secret in the URL: the pairing nonce goes to this frame by postMessage (see pair()).
    frame.src = OVERLAY_URL;
    frame.title = 'Stallwatch';
    // Named explicitly: the default ('src') would be the dynamic URL's origin, not the document's.
    frame.setAttribute('allow', `clipboard-write ${OVERLAY_ORIGIN}`);
    pin(frame, { ...FRAME_STYLE, ...cornerStyle(corner, INSET) });
    mounted.frame = frame;
    mounted.retries = 20;
    sizeFrame();
    frame.addEventListener('load', pair, { once: true });
    pin(mounted.badge, { display: 'none' });
    mounted.shadow.append(frame);
  }

  /** The rep closed the card: the frame goes, the badge comes back. */
  function closeCard() {
    if (!mounted?.frame) return;
    const { port, frame } = mounted;
    mounted.port = null;
    mounted.frame = null;
    mounted.size = CLOSED_SIZE;
    port?.disconnect();
    frame.remove();
    pin(mounted.badge, { display: 'flex' });
  }

  /**
   * Pairs with our own frame: a fresh nonce, posted only to that frame's window (the page cannot
   * read a message sent to another window), then named in our port. A frame the page made from
   * overlay.html never learns it, so it never receives a snapshot.
   */
  function pair() {
    if (!mounted?.frame) return;
    const nonce = crypto.randomUUID();
    mounted.frame.contentWindow?.postMessage({ type: 'stallwatch:pair', nonce, theme: pageTheme() }, OVERLAY_ORIGIN);
    connect(nonce);
  }

  function connect(nonce) {
    if (!mounted?.frame) return;
    const port = chrome.runtime.connect({ name: `stallwatch-overlay:${nonce}` });
    mounted.port = port;
    lastSent = 0;
    port.onMessage.addListener((msg) => {
      if (!mounted || mounted.port !== port) return;
      if (msg?.type === 'resize') {
        if (msg.open === true) sizeFrame();
        else closeCard();
      } else if (msg?.type === 'visibility?') {
        port.postMessage({ type: 'visibility', id: msg.id, problem: visibilityProblem() });
      } else if (msg?.type === 'structure?') {
        port.postMessage({ type: 'structure', id: msg.id, text: structureReport() });
      }
    });
    port.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (!mounted || mounted.port !== port) return;
      mounted.port = null;
      // Firefox's relay (relay.js) runs in an event page that can be suspended: try again a
      // few times, then stay quiet (the overlay keeps its last render).
      if (mounted.frame && mounted.retries-- > 0) setTimeout(() => connect(nonce), 500);
    });
    push();
  }

  /**
   * The page's structure with every text and value removed (page_structure.js), with which
   * plan selector found each field: what a rep sends when a page was misread. Only our own
   * selectors are passed in, never a value read from the page.
   */
  function structureReport() {
    const hits = {};
    try {
      const fields = reader.snapshot(mounted?.host).fields || {};
      for (const f of reader.plan.fields) {
        const h = fields[f.field];
        hits[f.field] = h ? { css: f.selectors[h.source].css, source: h.source } : null;
      }
    } catch {
      // The reading failed: the report still goes, without hits.
    }
    return globalThis.STALLWATCH_STRUCTURE.report({ skip: mounted?.host, hits });
  }

  function unmount() {
    if (!mounted) return;
    mounted.port?.disconnect();
    mounted.host.remove();
    mounted = null;
  }

  /** Reads the page if it changed, then scores the badge and updates the open card with it. */
  function push() {
    if (!mounted) return;
    const snap = current();
    const print = fingerprint(snap);
    // In a task of its own: sending a large reading (it is serialised) right after reading it
    // would make one task of both, long enough on a large page to delay the page's input.
    setTimeout(() => score(snap, print), 0);
    if (!mounted.port || print === lastSent) return;
    lastSent = print;
    stats.sent += 1;
    mounted.port.postMessage({ type: 'snapshot', snapshot: snap });
  }

  // The rep's notes or settings changed (here, in the popup or on the options page): the same
  // reading is scored again. Only keys the badge was scored from count: the background's memory
  // writes, reminders and the corner do not re-score every open CRM tab.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (CORNER_KEY in changes) place(changes[CORNER_KEY].newValue ?? 'bottom-right');
    if (mounted && latest && Object.keys(changes).some((k) => badgeKeys.has(k))) score(latest, fingerprint(latest), true);
  });

  // ---- is the overlay really in front of the rep? -----------------------------------------

  const MAX_COVER_CHECKS = 2000;

  /**
   * What could be painted above `host`: the later children of <html> with everything inside
   * them, then the top layer. A generator, walked lazily, so a huge subtree costs only the
   * elements the caller's budget allows.
   */
  function* paintedAfter(host) {
    for (let el = host.nextElementSibling; el; el = el.nextElementSibling) {
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
      for (let node = walk.currentNode; node; node = walk.nextNode()) yield node;
    }
    let top = [];
    try {
      top = document.querySelectorAll(':popover-open, :modal, :fullscreen');
    } catch {
      // an older browser without these selectors has no such top layer to check
    }
    for (const el of top) if (el !== host) yield el;
  }

  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  /**
   * Why the overlay may not be what the rep sees, or null when it is: the overlay acts (opens,
   * switches, copies) only when it is. A page could otherwise hide it or slide it under its own
   * button and let the rep's clicks press ours (clickjacking). Chromium also checks with
   * IntersectionObserver v2 inside the frame; these checks run in every browser.
   */
  function visibilityProblem() {
    if (!mounted?.frame || !mounted.host.isConnected) return 'removed';
    const { host, frame } = mounted;
    for (const [el, want] of [[host, HOST_STYLE], [frame, FRAME_STYLE]]) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility !== 'visible' || cs.opacity !== '1') return 'hidden';
      for (const k of ['transform', 'filter', 'clip-path', 'z-index']) {
        if (k in want && cs.getPropertyValue(k) !== want[k]) return 'moved';
      }
    }
    if (getComputedStyle(document.documentElement).opacity !== '1') return 'hidden';
    const box = frame.getBoundingClientRect();
    const { width, height } = mounted.size;
    // Where the frame must be: INSET from the two edges of its corner, at its own size.
    const [v, h] = corner.split('-');
    const wantTop = v === 'top' ? INSET : document.documentElement.clientHeight - INSET - height;
    const wantLeft = h === 'left' ? INSET : document.documentElement.clientWidth - INSET - width;
    if (Math.abs(box.top - wantTop) > 1 || Math.abs(box.left - wantLeft) > 1 || Math.abs(box.width - width) > 1 || Math.abs(box.height - height) > 1) {
      return 'moved';
    }
    // Something painted over us: only what comes after our container among <html>'s children,
    // the top layer, or <html>'s ::after can be above a z-index as high as ours.
    const after = getComputedStyle(document.documentElement, '::after');
    if (after.content !== 'none' && after.content !== 'normal' && after.display !== 'none' && after.zIndex === Z_TOP) return 'covered';
    let checked = 0;
    for (const el of paintedAfter(host)) {
      if (++checked > MAX_COVER_CHECKS) break;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || cs.display === 'none' || cs.opacity === '0') continue;
      if (overlaps(el.getBoundingClientRect(), box)) return 'covered';
    }
    return null;
  }

  // ---- following the single-page app -------------------------------------------------------

  let loaded = false;
  let waitingForLoad = false;
  /** True once the host page has loaded; else schedules a refresh for just after its `load`. */
  function settled() {
    if (loaded) return true;
    if (!waitingForLoad) {
      waitingForLoad = true;
      const go = () => {
        loaded = true;
        refresh();
      };
      // A task of its own, after the page's own `load` handlers.
      if (document.readyState === 'complete') setTimeout(go, 0);
      else window.addEventListener('load', () => setTimeout(go, 0), { once: true });
    }
    return false;
  }

  let lastUrl = '';
  let timer = 0; // a pending refresh, if any
  let firstChange = 0; // when the first change since the last refresh came
  function refresh() {
    timer = 0;
    const kind = pageKind();
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      unmount(); // a new record gets a fresh badge, scored from scratch
      scoredPrint = 0;
    }
    if (kind) {
      // A deal record, a list or a board. The first read waits for the host's `load`: read
      // earlier, it would hold it back (the read runs on the page's main thread). Chromium runs
      // this script at "document idle", which is about then anyway (docs/performance.md).
      if (!mounted && !settled()) return;
      if (!mounted) mount();
      push();
    } else {
      unmount();
    }
  }

  // Debounced, not throttled: read once the page has been quiet for QUIET ms (CRMs render in
  // bursts), but never later than MAX_WAIT ms after the first change of a burst.
  const QUIET = 250;
  const MAX_WAIT = 2000;
  function schedule(delay = QUIET) {
    const now = performance.now();
    if (!timer) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(refresh, Math.max(0, Math.min(delay, firstChange + MAX_WAIT - now)));
  }

  // What is worth a re-read. On a record page, only a change inside the record: its light DOM
  // (seen by the document observer below) or the shadow roots the last read found inside it
  // (watched here; a document observer does not see into shadow roots, where Lightning
  // re-renders). A ticking header clock, a toast or the utility bar never cause a read. Lists,
  // boards and pages still rendering their record are read on any change.
  //
  // Within the record, only a change to what the last read used counts: inside an element a
  // value came from or the timeline's container, one of them gone, or something added that a
  // field or timeline not found yet would match. A re-rendered badge or a feed elsewhere in the
  // record costs no read.
  const OBSERVE = { childList: true, subtree: true, characterData: true };
  /** `node` or an ancestor (across shadow boundaries) is in `set`. */
  function within(node, set) {
    for (let n = node; n; n = n.parentNode || n.host) if (set.has(n)) return true;
    return false;
  }
  /** `el`, its subtree or its own shadow tree has an element matching the selector list. */
  function brings(el, css) {
    return el.nodeType === Node.ELEMENT_NODE && (el.matches(css) || !!el.querySelector(css) || !!el.shadowRoot?.querySelector(css));
  }
  function relevant(records) {
    const { scope, sources, complete, missing } = reader.watched();
    if (!scope?.isConnected) return true;
    const inScope = new Set([scope]);
    if (!complete) return records.some((r) => within(r.target, inScope));
    for (const s of sources) if (!s.isConnected) return true;
    return records.some(
      (r) => within(r.target, sources) || (missing && within(r.target, inScope) && [...r.addedNodes].some((n) => brings(n, missing))),
    );
  }
  const inRecord = new MutationObserver((records) => {
    if (!relevant(records)) return;
    changed = true;
    schedule();
  });
  function watchRecord() {
    inRecord.disconnect();
    const { scope, roots } = reader.watched();
    if (scope) for (const r of roots) inRecord.observe(r, OBSERVE);
  }
  new MutationObserver((records) => {
    if (!relevant(records)) return;
    changed = true;
    schedule();
  }).observe(document, OBSERVE);
  setInterval(() => { if (location.href !== lastUrl) schedule(0); }, 500);
  refresh();

  // ---- answering our own extension pages ---------------------------------------------------

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // Only Stallwatch's own pages (the popup) may ask; never another extension or a web page.
    if (sender.id !== chrome.runtime.id || !String(sender.url || '').startsWith(EXTENSION_ORIGIN)) return;
    if (msg?.type === 'stallwatch:get-snapshot') {
      sendResponse({ kind: pageKind(), snapshot: current() });
    } else if (msg?.type === 'stallwatch:stats') {
      sendResponse({ ...stats });
    }
  });
})();
