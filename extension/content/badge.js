// @ts-check
// The badge: a button in our closed shadow root, drawn from what the background scored (a
// number, its band, fixed words: text nodes and colours only), draggable to another corner.
import { CLOSED_SIZE, INSET, cornerStyle, nearestCorner } from './geometry.js';
import { FRAME_STYLE, pin } from './style.js';

// The colours by band. (The card's stylesheet has its own: the content script cannot read it.)
/** @type {Record<string, string>} */
const BAND_COLOUR = { low: '#2e844a', watch: '#a15c00', high: '#c23934' };
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

/** @typedef {{ brand?: string, number?: string, kind?: string, band?: string | null, label?: string }} BadgeView */

/**
 * Creates the (not yet shown) badge in `shadow`, in `corner`. `onOpen` runs on the rep's own
 * click or key (a script's synthetic click does not open the card); `onDrop(corner)` when the
 * rep drags it to another corner (the click that ends a drag opens nothing).
 * @param {ShadowRoot} shadow
 * @param {import('./geometry.js').Corner} corner
 * @param {{ onOpen: () => void, onDrop: (c: import('./geometry.js').Corner) => void }} on
 */
export function createBadge(shadow, corner, on) {
  const badge = document.createElement('button');
  badge.type = 'button';
  badge.dataset.testid = 'stall-badge';
  pin(badge, { ...BADGE_STYLE, ...cornerStyle(corner, INSET), display: 'none' });
  const brand = document.createElement('span');
  pin(brand, { 'font-size': '11px', 'line-height': '1', 'text-transform': 'uppercase', 'letter-spacing': '.04em', opacity: '.9' });
  const number = document.createElement('span');
  pin(number, { 'font-size': '18px', 'font-weight': '700', 'line-height': '1', 'min-width': '1.5em', 'text-align': 'right' });
  badge.append(brand, number);
  /** @type {{ x: number, y: number, moving: boolean } | null} */
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
    // Dropped: the nearest corner, kept for every CRM page.
    if (moved) on.onDrop(nearestCorner(e.clientX, e.clientY, document.documentElement.clientWidth, window.innerHeight));
  });
  badge.addEventListener('click', (e) => {
    if (dragged) {
      dragged = false;
      return;
    }
    if (e.isTrusted) on.onOpen();
  });
  shadow.append(badge);

  return {
    element: badge,
    /** @param {import('./geometry.js').Corner} c */
    place(c) {
      pin(badge, cornerStyle(c, INSET));
    },
    /** @param {boolean} shown */
    show(shown) {
      pin(badge, { display: shown ? 'flex' : 'none' });
    },
    /**
     * Draws the badge the background scored; `null`: it could not score.
     * @param {BadgeView | null} view @param {boolean} shown
     */
    draw(view, shown) {
      brand.textContent = view?.brand || 'Stallwatch';
      number.textContent = view?.number || '–';
      badge.dataset.kind = view?.kind || 'deal';
      badge.dataset.band = view?.band || '';
      const label = view?.label || 'Stallwatch could not score this page. Open it for what went wrong.';
      badge.title = label;
      badge.setAttribute('aria-label', label);
      pin(badge, { background: BAND_COLOUR[view?.band ?? ''] || NO_BAND_COLOUR, display: shown ? 'flex' : 'none' });
    },
  };
}
