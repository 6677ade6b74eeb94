// @ts-check
// Stallwatch content script: on CRM deal pages and lists, draws the badge (the stall-risk
// number) and, when the rep opens it, the card in an overlay iframe; it sends both what the
// page shows. This file is the wiring; each job is a module of its own (content/): the badge,
// the card's frame, the check that the card is in front of the rep, watching the page, the
// geometry and the fingerprint of a reading.
//
// It interprets nothing: which pages count and what to read come from the read plans
// (read_plan.js, generated from src/crm/*.rs) through the plan interpreter (read_page.js); what
// the strings mean is decided by the Rust core: the background's warm copy scores the badge
// (background.js), the card's frame renders the rest. This script never changes the host page:
// its only footprint is one <div> appended to <html>, holding a closed shadow root with the
// badge, and the iframe while the card is open.
import { MSG, answer, fromOurPage, request } from './lib/protocol.js';
import { read, watch } from './lib/store.js';
import { createBadge } from './content/badge.js';
import { openCardFrame } from './content/card.js';
import { fingerprint } from './content/fingerprint.js';
import { CLOSED_SIZE, CORNERS, INSET, cornerStyle, isCorner, openSize } from './content/geometry.js';
import { COUNTING, stats } from './content/stats.js';
import { HOST_STYLE, pin } from './content/style.js';
import { visibilityProblem, visibilityWatch } from './content/visibility.js';
import { watchPage } from './content/watch.js';

(() => {
  'use strict';
  if (window.top !== window) return;
  // @ts-ignore: set by read_page.js and read_plan.js, which run first in the same file
  const reader = globalThis.STALLWATCH_READER?.readerFor(globalThis.STALLWATCH_READ_PLANS || [], location.hostname);
  if (!reader) return;
  const pageKind = reader.pageKind;

  // Why a plain <div> and not a custom element: a page that defines the custom element first
  // gets our closed shadow root through ElementInternals. A built-in element cannot be defined
  // by the page, so the root stays closed. The attribute lets tests (and the rep's devtools) see
  // which element is ours; it carries nothing secret.
  const HOST_ATTRIBUTE = 'data-stallwatch-overlay';

  // Where the badge and the card sit: a corner of the window, bottom right unless the rep drags
  // the badge to another one. The background stores it; its answer says where it is and under
  // which storage key (watched for a drag in another tab).
  /** @type {import('./content/geometry.js').Corner} */
  let corner = CORNERS[0];
  /** @type {string | null} */
  let cornerKey = null;

  /**
   * Our container, badge and open card: the badge and the card have fixed sizes (the card
   * scrolls inside), so the page cannot measure a box to learn anything about the rep's notes.
   * @type {{ host: HTMLElement, shadow: ShadowRoot, badge: ReturnType<typeof createBadge>,
   *   card: ReturnType<typeof openCardFrame> | null, frame: HTMLElement | null,
   *   size: { width: number, height: number } } | null}
   */
  let mounted = null;

  // ---- reading ----------------------------------------------------------------------------

  /** The page's snapshot; our own overlay is never read. A reader failure is said, not hidden. */
  const snapshot = () => {
    const start = performance.now();
    try {
      return reader.snapshot(mounted?.host);
    } catch (e) {
      return { url: location.href, title: '', unreadable: String(/** @type {any} */ (e)?.message || e).slice(0, 200) };
    } finally {
      if (COUNTING) {
        const ms = performance.now() - start;
        stats.reads += 1;
        stats.readMs += ms;
        stats.maxReadMs = Math.max(stats.maxReadMs, ms);
      }
    }
  };

  // The last reading, and whether anything that could change it has happened since (a relevant
  // mutation). Asked again with nothing changed, the answer is that reading: a popup opening on
  // a 16,000-element page costs no walk of it.
  /** @type {any} */
  let latest = null;
  let changed = true;
  function current() {
    const start = performance.now();
    if (!changed && latest && latest.url === location.href && latest.title === document.title.slice(0, 2000)) {
      if (COUNTING) {
        stats.unchanged += 1;
        stats.lastAnswerMs = performance.now() - start;
      }
      return latest;
    }
    changed = false;
    latest = snapshot();
    if (COUNTING) stats.lastAnswerMs = performance.now() - start;
    watcher.watchRecord(); // what this read used is what to watch now
    return latest;
  }

  // ---- the badge, scored by the background's warm core --------------------------------------

  /** Puts the badge and the open card in corner `c`. @param {unknown} c */
  function place(c) {
    if (!isCorner(c)) return;
    corner = c;
    if (!mounted) return;
    mounted.badge.place(corner);
    if (mounted.frame) {
      pin(mounted.frame, cornerStyle(corner, INSET));
      sizeFrame();
    }
  }

  function mount() {
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    pin(host, HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const badge = createBadge(shadow, corner, {
      onOpen: openCard,
      onDrop: (c) => {
        place(c);
        // Kept for every CRM page: the background stores it.
        request(MSG.CORNER, { corner: c }).catch(() => {});
      },
    });
    mounted = { host, shadow, badge, card: null, frame: null, size: CLOSED_SIZE };
    document.documentElement.append(host);
  }

  function unmount() {
    if (!mounted) return;
    mounted.card?.close();
    mounted.host.remove();
    mounted = null;
  }

  // Only the newest answer is drawn.
  let scoredPrint = 0; // the fingerprint of the snapshot last sent for scoring
  /** @type {Set<string>} */
  let badgeKeys = new Set(); // the storage keys the badge was scored from (the background says)
  let scoreAsked = 0;
  /** @param {unknown} snap @param {number} print @param {boolean} [force] */
  async function score(snap, print, force = false) {
    if (!mounted || (!force && print === scoredPrint)) return;
    scoredPrint = print;
    const asked = ++scoreAsked;
    if (COUNTING) stats.firstAskedAt ??= performance.now();
    let answered = null;
    try {
      // A re-score after a storage change saw nothing new on the page: nothing to remember
      // (after "delete everything", an open tab must not write the deal back at once).
      answered = await request(MSG.BADGE, { snapshot: snap, remember: !force });
    } catch {
      // The background could not be reached: the badge says it could not score.
    }
    if (COUNTING) stats.firstAnsweredAt ??= performance.now();
    if (asked !== scoreAsked || !mounted) return;
    if (COUNTING) stats.scored += 1;
    badgeKeys = new Set(answered?.keys ?? []);
    if (answered?.corner) {
      cornerKey = answered.corner.key;
      place(answered.corner.value);
    }
    mounted.badge.draw(answered?.badge ?? null, !mounted.frame);
    if (COUNTING) stats.firstBadgeAt ??= performance.now();
  }

  // The rep's notes or settings changed (here, in the popup or on the options page): the same
  // reading is scored again. Only keys the badge was scored from count: the background's memory
  // writes and reminders do not re-score every open CRM tab. The corner moves with a drag in
  // another tab.
  watch(() => (cornerKey ? [...badgeKeys, cornerKey] : badgeKeys), (keys) => {
    if (cornerKey && keys.includes(cornerKey)) {
      const key = cornerKey;
      read([key]).then((got) => place(got?.[key] ?? CORNERS[0]), () => {});
    }
    if (mounted && latest && keys.some((k) => badgeKeys.has(k))) score(latest, fingerprint(latest), true);
  });

  // ---- the card ---------------------------------------------------------------------------

  let lastSent = 0; // the fingerprint of the last snapshot sent to the card

  /** Gives the open card's frame its size (the open height follows the window's). */
  function sizeFrame() {
    if (!mounted?.frame) return;
    mounted.size = openSize(corner, window.innerHeight);
    pin(mounted.frame, { width: `${mounted.size.width}px`, height: `${mounted.size.height}px` });
  }
  window.addEventListener('resize', sizeFrame);

  /** The rep opened the card: its frame is created now, at the card's size, and paired. */
  function openCard() {
    if (!mounted || mounted.frame) return;
    // Sampled while the card is open, so that a cover gone at the moment of a press is seen.
    const watching = visibilityWatch(() => visibilityProblem(mounted, corner));
    const card = openCardFrame(mounted.shadow, corner, {
      onPaired: () => {
        lastSent = 0;
        push();
      },
      onResize: sizeFrame,
      onClose: closeCard,
      visibility: () => watching.problem(),
      structure: structureReport,
      onClosed: () => watching.stop(),
    });
    mounted.card = card;
    mounted.frame = card.frame;
    sizeFrame();
    mounted.badge.show(false);
  }

  /** The rep closed the card: the frame goes, the badge comes back. */
  function closeCard() {
    if (!mounted?.card) return;
    mounted.card.close();
    mounted.card = null;
    mounted.frame = null;
    mounted.size = CLOSED_SIZE;
    mounted.badge.show(true);
  }

  /**
   * The page's structure with every text and value removed (page_structure.js), with which
   * plan selector found each field: what a rep sends when a page was misread. Only our own
   * selectors are passed in, never a value read from the page.
   */
  function structureReport() {
    /** @type {Record<string, { css: string, source: number } | null>} */
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
    // @ts-ignore: set by page_structure.js, which runs first in the same file
    return globalThis.STALLWATCH_STRUCTURE.report({ skip: mounted?.host, hits });
  }

  /** Reads the page if it changed, then scores the badge and updates the open card with it. */
  function push() {
    if (!mounted) return;
    const snap = current();
    const print = fingerprint(snap);
    // In a task of its own: sending a large reading (it is serialised) right after reading it
    // would make one task of both, long enough on a large page to delay the page's input.
    setTimeout(() => score(snap, print), 0);
    if (!mounted.card?.port || print === lastSent) return;
    lastSent = print;
    if (COUNTING) stats.sent += 1;
    mounted.card.send(snap);
  }

  // ---- following the single-page app --------------------------------------------------------

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
  function refresh() {
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

  const watcher = watchPage(reader, {
    onChange: () => {
      changed = true;
    },
    refresh,
    lastUrl: () => lastUrl,
  });
  refresh();

  // ---- answering our own extension pages ---------------------------------------------------

  // Only Stallwatch's own pages (the popup, the benchmark's page) may ask; never another
  // extension or a web page.
  answer(MSG.GET_SNAPSHOT, fromOurPage, () => ({ kind: pageKind(), snapshot: current() }));
  if (COUNTING) answer(MSG.STATS, fromOurPage, () => ({ ...stats }));
})();
