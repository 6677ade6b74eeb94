// @ts-check
// The card: an iframe of overlay.html, created when the rep opens the badge and removed when
// they close it, paired with this content script by a nonce posted only to that frame's window
// (the page cannot read a message sent to another window), then named in our port. A frame the
// page made from overlay.html never learns a nonce, so it never receives a snapshot.
import { PORT, PORT_MSG, WINDOW_MSG } from '../lib/protocol.js';
import { INSET, cornerStyle } from './geometry.js';
import { FRAME_STYLE, pin } from './style.js';

// With `use_dynamic_url` (Chromium), this is the session's dynamic URL of the overlay; the
// document it loads still has the extension's own origin, which messages to it must name.
const OVERLAY_URL = chrome.runtime.getURL('overlay.html');
const OVERLAY_ORIGIN = new URL(chrome.runtime.getURL('manifest.json')).origin;

/**
 * `dark` or `light`: the page's own background (Salesforce's dark mode and SLDS 2 themes, a
 * dark-themed HubSpot), else the system's preference. The card follows it.
 */
export function pageTheme() {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue; // transparent: look further
    const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number(x) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * @typedef {object} CardHooks
 * @property {() => void} onPaired a port is open: send it the page
 * @property {() => void} onResize the card asks for its open size
 * @property {() => void} onClose the card asks to be closed
 * @property {() => string | null} visibility why the card may not be in front of the rep
 * @property {() => string} structure the redacted structure report
 * @property {() => void} onClosed the frame is gone (stop what watched it)
 */

/**
 * Opens the card in `shadow`, in `corner`: the frame, its pairing, its port (reconnected a few
 * times if Firefox's relay is suspended).
 * @param {ShadowRoot} shadow
 * @param {import('./geometry.js').Corner} corner
 * @param {CardHooks} hooks
 */
export function openCardFrame(shadow, corner, hooks) {
  const frame = document.createElement('iframe');
  // No secret in the URL: the pairing nonce goes to this frame by postMessage.
  frame.src = OVERLAY_URL;
  frame.title = 'Stallwatch';
  // Named explicitly: the default ('src') would be the dynamic URL's origin, not the document's.
  frame.setAttribute('allow', `clipboard-write ${OVERLAY_ORIGIN}`);
  pin(frame, { ...FRAME_STYLE, ...cornerStyle(corner, INSET) });
  /** @type {chrome.runtime.Port | null} */
  let port = null;
  let retries = 20;
  let closed = false;

  /** @param {string} nonce */
  function connect(nonce) {
    if (closed) return;
    const p = chrome.runtime.connect({ name: `${PORT.PAGE}${nonce}` });
    port = p;
    p.onMessage.addListener((msg) => {
      if (port !== p) return;
      if (msg?.type === PORT_MSG.RESIZE) {
        if (msg.open === true) hooks.onResize();
        else hooks.onClose();
      } else if (msg?.type === PORT_MSG.VISIBILITY_ASK) {
        p.postMessage({ type: PORT_MSG.VISIBILITY, id: msg.id, problem: hooks.visibility() });
      } else if (msg?.type === PORT_MSG.STRUCTURE_ASK) {
        p.postMessage({ type: PORT_MSG.STRUCTURE, id: msg.id, text: hooks.structure() });
      }
    });
    p.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (port !== p) return;
      port = null;
      // Firefox's relay (relay.js) runs in an event page that can be suspended: try again a
      // few times, then stay quiet (the overlay keeps its last render).
      if (!closed && retries-- > 0) setTimeout(() => connect(nonce), 500);
    });
    hooks.onPaired();
  }

  frame.addEventListener('load', () => {
    if (closed) return;
    const nonce = crypto.randomUUID();
    frame.contentWindow?.postMessage({ type: WINDOW_MSG.PAIR, nonce, theme: pageTheme() }, OVERLAY_ORIGIN);
    connect(nonce);
  }, { once: true });
  shadow.append(frame);

  return {
    frame,
    /** The port, once paired (null while connecting). */
    get port() {
      return port;
    },
    /** @param {unknown} snapshot */
    send(snapshot) {
      port?.postMessage({ type: PORT_MSG.SNAPSHOT, snapshot });
    },
    close() {
      closed = true;
      const p = port;
      port = null;
      p?.disconnect();
      frame.remove();
      hooks.onClosed();
    },
  };
}
