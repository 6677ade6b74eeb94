// @ts-check
// How often and how long the page was read, how many snapshots went out, and when the first
// badge was drawn (ms since navigation): the page benchmark's counters (scripts/bench-overlay.mjs
// asks through an extension page). Kept in this tab only, and only in the instrumented build
// (dist/chrome-instrumented, esbuild --define:STALLWATCH_COUNTERS=true): the shipped content
// script answers no counter request.

/** @type {boolean} */
// @ts-ignore: defined by the build (esbuild --define), absent in the shipped build
export const COUNTING = typeof STALLWATCH_COUNTERS !== 'undefined' && STALLWATCH_COUNTERS === true;

/**
 * @typedef {{ reads: number, readMs: number, maxReadMs: number, sent: number, unchanged: number,
 *   lastAnswerMs: number, scored: number, firstBadgeAt: number | null, startedAt: number,
 *   firstAskedAt: number | null, firstAnsweredAt: number | null }} Counters
 */

/** The counters; null in the shipped build (every use is behind `if (COUNTING)`). */
export const stats = /** @type {Counters} */ (COUNTING
  ? {
      reads: 0,
      readMs: 0,
      maxReadMs: 0,
      sent: 0,
      unchanged: 0,
      lastAnswerMs: 0,
      scored: 0,
      firstBadgeAt: null,
      startedAt: performance.now(),
      firstAskedAt: null,
      firstAnsweredAt: null,
    }
  : null);
