// @ts-check
// The styles that keep our container, the card's frame and the badge as we drew them, set with
// `!important` through the CSSOM (allowed under a strict page CSP), where page CSS cannot beat
// them. The visibility check (visibility.js) compares the computed style against them.

export const Z_TOP = '2147483647';

/** Sets each property with `!important` in the element's own style. @param {HTMLElement} el @param {Record<string, string>} props */
export function pin(el, props) {
  for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v, 'important');
}

// Everything a page stylesheet could use to hide, move, shrink or see through our container.
/** @type {Record<string, string>} */
export const HOST_STYLE = {
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

/** @type {Record<string, string>} */
export const FRAME_STYLE = {
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
