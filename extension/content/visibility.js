// @ts-check
// Is the card really in front of the rep? The card acts (opens, switches, copies) only when it
// is: a page could otherwise hide it or slide it under its own button and let the rep's clicks
// press ours (clickjacking). Chromium also checks with IntersectionObserver v2 inside the frame;
// these checks run in every browser.
import { MIN_VISIBLE_MS, REFUSED } from '../lib/protocol.js';
import { expectedBox, moved, overlaps } from './geometry.js';
import { FRAME_STYLE, HOST_STYLE, Z_TOP } from './style.js';

const MAX_COVER_CHECKS = 2000;
const SAMPLE_MS = 100;

/**
 * What could be painted above `host`: the later children of <html> with everything inside
 * them, then the top layer. A generator, walked lazily, so a huge subtree costs only the
 * elements the caller's budget allows.
 * @param {Element} host
 */
function* paintedAfter(host) {
  for (let el = host.nextElementSibling; el; el = el.nextElementSibling) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
    for (let node = /** @type {Node | null} */ (walk.currentNode); node; node = walk.nextNode()) yield /** @type {Element} */ (node);
  }
  /** @type {Iterable<Element>} */
  let top = [];
  try {
    top = document.querySelectorAll(':popover-open, :modal, :fullscreen');
  } catch {
    // an older browser without these selectors has no such top layer to check
  }
  for (const el of top) if (el !== host) yield el;
}

/**
 * Why the open card may not be what the rep sees (a `REFUSED` code: removed, hidden, moved or
 * covered), or null when it is.
 * @param {{ host: HTMLElement, frame: HTMLElement | null, size: { width: number, height: number } } | null} mounted
 * @param {import('./geometry.js').Corner} corner
 */
export function visibilityProblem(mounted, corner) {
  if (!mounted?.frame || !mounted.host.isConnected) return REFUSED.REMOVED;
  const { host, frame } = mounted;
  for (const [el, want] of /** @type {const} */ ([[host, HOST_STYLE], [frame, FRAME_STYLE]])) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility !== 'visible' || cs.opacity !== '1') return REFUSED.HIDDEN;
    for (const k of ['transform', 'filter', 'clip-path', 'z-index']) {
      if (k in want && cs.getPropertyValue(k) !== want[k]) return REFUSED.MOVED;
    }
  }
  if (getComputedStyle(document.documentElement).opacity !== '1') return REFUSED.HIDDEN;
  const box = frame.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  if (moved(box, expectedBox(corner, mounted.size, clientWidth, clientHeight))) return REFUSED.MOVED;
  // Something painted over us: only what comes after our container among <html>'s children,
  // the top layer, or <html>'s ::after can be above a z-index as high as ours.
  const after = getComputedStyle(document.documentElement, '::after');
  if (after.content !== 'none' && after.content !== 'normal' && after.display !== 'none' && after.zIndex === Z_TOP) return REFUSED.COVERED;
  let checked = 0;
  for (const el of paintedAfter(host)) {
    if (++checked > MAX_COVER_CHECKS) break;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || cs.display === 'none' || cs.opacity === '0') continue;
    if (overlaps(el.getBoundingClientRect(), box)) return REFUSED.COVERED;
  }
  return null;
}

/**
 * Samples `check` (the card's `visibilityProblem`) every `SAMPLE_MS` while the card is open,
 * and at once when the window loses focus (a press in the card's frame does that, and a page
 * removing its cover then is seen by this capturing listener or by the sample before it).
 * `problem()` answers for a press now: a problem now, or `REFUSED.RECENT` when one was seen
 * less than `MIN_VISIBLE_MS` ago.
 * @param {() => string | null} check
 */
export function visibilityWatch(check) {
  let lastProblemAt = -Infinity;
  const sample = () => {
    const p = check();
    if (p) lastProblemAt = performance.now();
    return p;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  window.addEventListener('blur', sample, true);
  return {
    /** @returns {string | null} */
    problem() {
      const now = sample();
      if (now) return now;
      return performance.now() - lastProblemAt < MIN_VISIBLE_MS ? REFUSED.RECENT : null;
    },
    stop() {
      clearInterval(timer);
      window.removeEventListener('blur', sample, true);
    },
  };
}
