// @ts-check
// Where the badge and the card sit, and where they must be: pure functions of numbers, shared
// by the drawing (badge.js, card.js) and the check that the card is really in front of the rep
// (visibility.js). Unit-tested in Node (tests/js/geometry.test.mjs).

/** The window corners the badge can sit in; the first is the default (the core's CORNERS). */
export const CORNERS = /** @type {const} */ (['bottom-right', 'bottom-left', 'top-right', 'top-left']);
/** @typedef {typeof CORNERS[number]} Corner */

/** @param {unknown} c @returns {c is Corner} */
export const isCorner = (c) => CORNERS.includes(/** @type {Corner} */ (c));

/** The badge's box; the card's, open; the gap to the window's edges. */
export const CLOSED_SIZE = Object.freeze({ width: 168, height: 44 });
export const OPEN_WIDTH = 428;
export const OPEN_MAX_HEIGHT = 560;
export const INSET = 8;
// Salesforce: global header ~50 px, app navigation ~40 px, the record's highlights with its
// action buttons below; HubSpot: its navigation bar and the record header (tests/fixtures).
export const TOP_CLEARANCE = 180;

/**
 * The fixed-position properties that put a box in corner `c`, `inset` px from its edges.
 * @param {Corner} c @param {number} inset
 */
export function cornerStyle(c, inset) {
  const [v, h] = c.split('-');
  return {
    top: v === 'top' ? `${inset}px` : 'auto',
    bottom: v === 'bottom' ? `${inset}px` : 'auto',
    left: h === 'left' ? `${inset}px` : 'auto',
    right: h === 'right' ? `${inset}px` : 'auto',
  };
}

/**
 * The corner nearest to where a drag was dropped.
 * @param {number} x @param {number} y @param {number} width @param {number} height the window
 * @returns {Corner}
 */
export function nearestCorner(x, y, width, height) {
  const v = y < height / 2 ? 'top' : 'bottom';
  const h = x < width / 2 ? 'left' : 'right';
  return /** @type {Corner} */ (`${v}-${h}`);
}

/**
 * The open card's size in a window `innerHeight` px high: from a bottom corner it stops
 * TOP_CLEARANCE px below the top, where the CRMs' header controls and record actions are.
 * @param {Corner} corner @param {number} innerHeight
 */
export function openSize(corner, innerHeight) {
  const room = innerHeight - INSET - (corner.startsWith('bottom') ? TOP_CLEARANCE : INSET);
  return { width: OPEN_WIDTH, height: Math.max(CLOSED_SIZE.height, Math.min(OPEN_MAX_HEIGHT, room)) };
}

/** @typedef {{ left: number, top: number, right: number, bottom: number }} Rect */
/** @typedef {{ left: number, top: number, width: number, height: number }} Box */

/** Two rectangles share some area. @param {Rect} a @param {Rect} b */
export const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where a box of `size` must be in `corner` of a viewport `clientWidth` × `clientHeight`.
 * @param {Corner} corner @param {{ width: number, height: number }} size
 * @param {number} clientWidth @param {number} clientHeight
 * @returns {Box}
 */
export function expectedBox(corner, size, clientWidth, clientHeight) {
  const [v, h] = corner.split('-');
  return {
    top: v === 'top' ? INSET : clientHeight - INSET - size.height,
    left: h === 'left' ? INSET : clientWidth - INSET - size.width,
    width: size.width,
    height: size.height,
  };
}

/** The box is not where (or not the size) it must be, by more than a pixel. @param {Box} box @param {Box} want */
export function moved(box, want) {
  return ['top', 'left', 'width', 'height'].some((k) => Math.abs(box[/** @type {keyof Box} */ (k)] - want[/** @type {keyof Box} */ (k)]) > 1);
}
