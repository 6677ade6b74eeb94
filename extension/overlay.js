// @ts-check
// The overlay iframe: the card, created by this tab's content script when the rep opens the
// badge. It receives page snapshots over a port and hands them, with the stored notes, to the
// Rust core, which renders. Closing the card asks the content script to remove this frame.
// Plumbing only.
import init, { PageReading } from './pkg/stallwatch.js';
import { ACTION, MIN_VISIBLE_MS, NONCE, PORT, PORT_MSG, REFUSED, WINDOW_MSG, fromOurTabTop } from './lib/protocol.js';
import { apply, read, watch } from './lib/store.js';
import { actionOf, copyText, reportError, writeClipboard } from './ui.js';
import { CORRECTION_ACTIONS, onCorrection } from './correct.js';

const root = document.getElementById('app');
let port = null;
let snapshot = null;
/** The newest snapshot, taken apart once by the core (freed when a newer one comes). */
let page = null;
/** The storage keys that reading's views read (asked of the core once per reading). */
let pageKeys = [];
let expanded = true; // this frame exists only while the card is open
let choice = {}; // the draft picked with the channel and tone switchers
let refused = null; // why the last action was refused, when it was
/** @type {string | null} */
let correcting = null; // the reason whose "not right here" choices are open
let ready = false;
// A reading not drawn yet: only then is what it proved remembered (a redraw after the notes
// changed, or after "delete everything", saw nothing new).
let newReading = false;

// ---- pairing with this tab's content script ------------------------------------------------
//
// The content script posts a fresh nonce to this window (and to no other), then names it in its
// port. The page cannot read that message, so a copy of overlay.html the page frames itself
// never learns a nonce and never receives a snapshot. The page can post us made-up nonces; they
// only add names no port will ever carry.
const nonces = new Set();
const waiting = new Map(); // ports that arrived before their nonce: name -> port

/** What the content script says over the paired port. */
function handle(msg) {
  if (msg?.type === PORT_MSG.SNAPSHOT) {
    snapshot = msg.snapshot;
    newReading = true;
    render();
  } else if (msg?.type === PORT_MSG.VISIBILITY) {
    answers.get(msg.id)?.(msg.problem ?? null);
  } else if (msg?.type === PORT_MSG.STRUCTURE) {
    answers.get(msg.id)?.(typeof msg.text === 'string' ? msg.text : null);
  }
}

/**
 * Listens on a port at once (a port's messages are not kept for a listener added later) and
 * keeps its latest snapshot until the port is paired; `adopt` makes it the one we read.
 */
function listen(p) {
  const held = { latest: null };
  p.onMessage.addListener((msg) => {
    if (port === p) handle(msg);
    else if (msg?.type === PORT_MSG.SNAPSHOT) held.latest = msg;
  });
  return held;
}

function adopt(p, held) {
  if (port && port !== p) port.disconnect();
  port = p;
  if (held.latest) handle(held.latest);
}

window.addEventListener('message', (event) => {
  const { data } = event;
  if (event.source !== window.parent || data?.type !== WINDOW_MSG.PAIR || !NONCE.test(String(data.nonce))) return;
  if (nonces.size >= 16 || nonces.has(data.nonce)) return;
  nonces.add(data.nonce);
  // The page's theme, as the content script saw it (cosmetic only).
  if (data.theme === 'dark' || data.theme === 'light') document.documentElement.dataset.theme = data.theme;
  const early = waiting.get(`${PORT.PAGE}${data.nonce}`);
  if (early) adopt(early.port, early.held);
  connectRelay(data.nonce, 20);
});

// Chromium: the content script connects to us directly. Registered before the first await, so
// it is in place when the content script connects.
chrome.runtime.onConnect.addListener((p) => {
  // Only our content script, in a tab's top frame, naming a nonce posted to this frame.
  const nonce = p.name.startsWith(PORT.PAGE) ? p.name.slice(PORT.PAGE.length) : null;
  if (!nonce || !fromOurTabTop(p.sender)) return;
  const held = listen(p);
  if (nonces.has(nonce)) {
    adopt(p, held);
  } else if (waiting.size < 4) {
    // The port can overtake the postMessage that carries its nonce: hold it briefly.
    waiting.set(p.name, { port: p, held });
    setTimeout(() => waiting.delete(p.name), 5000);
    p.onDisconnect.addListener(() => waiting.delete(p.name));
  }
});

// Firefox: this frame cannot receive the content script's port, so both connect to relay.js,
// which pairs them by the nonce. In Chromium no background listens and this port just closes.
function connectRelay(nonce, tries) {
  const p = chrome.runtime.connect({ name: `${PORT.FRAME}${nonce}` });
  const held = listen(p);
  let used = false;
  p.onMessage.addListener(() => {
    // The relay only forwards from the content script that named this nonce.
    if (!used && port !== p) adopt(p, held);
    used = true;
  });
  p.onDisconnect.addListener(() => {
    void chrome.runtime.lastError; // "no receiving end" in Chromium: expected, not an error
    if (port === p) port = null;
    // The relay's event page can be suspended; reconnect if it was carrying our snapshots.
    if (used && tries > 0) setTimeout(() => connectRelay(nonce, tries - 1), 500);
  });
}

// ---- acting only when the rep can see us ---------------------------------------------------

// IntersectionObserver v2 (Chromium): the browser itself says whether this frame is visible,
// unobscured and untransformed on screen. Where it is missing, the content script's checks
// (visibilityProblem in content.js) still apply.
const TRACKS_VISIBILITY = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
let seenVisible = !TRACKS_VISIBILITY;
// When the browser last said the frame was not visible after it had been (a cover put over
// it, then removed at the press): the first reports, while the frame paints, do not count.
let obscuredAt = -Infinity;
let everVisible = false;
let firstSeen = Promise.resolve();
if (TRACKS_VISIBILITY) {
  let seen;
  firstSeen = new Promise((resolve) => {
    seen = resolve;
  });
  new IntersectionObserver(
    (entries) => {
      // `isVisible` and `trackVisibility` are IntersectionObserver v2 (Chromium only).
      for (const e of entries) {
        seenVisible = /** @type {any} */ (e).isVisible;
        if (seenVisible) everVisible = true;
        else if (everVisible) obscuredAt = e.time;
      }
      seen();
    },
    /** @type {IntersectionObserverInit} */ (/** @type {unknown} */ ({ trackVisibility: true, delay: 100 })),
  ).observe(root);
}

const answers = new Map(); // request id -> resolve
let asked = 0;
/**
 * Null when the overlay is really in front of the rep for a press at `pressedAt`
 * (`performance.now()`), else why not (a short code).
 * @param {number} pressedAt
 */
async function visibilityProblem(pressedAt) {
  // A click can come before the observer's first report (it reports at most every 100 ms).
  await Promise.race([firstSeen, new Promise((r) => setTimeout(r, 1000))]);
  // Its first report can say "not visible" while the new frame is still being painted; a real
  // cover is still there a few reports later.
  if (!seenVisible) await new Promise((r) => setTimeout(r, 350));
  if (!seenVisible) return REFUSED.OBSCURED;
  if (pressedAt - obscuredAt < MIN_VISIBLE_MS) return REFUSED.RECENT;
  if (!port) return REFUSED.UNPAIRED;
  return ask(PORT_MSG.VISIBILITY_ASK, 2000, REFUSED.NO_ANSWER);
}

// One gesture, pressed and released on the same control: the checks run at the press (before
// the page can react to it) and again at the click, and both must pass. A click from the
// keyboard (Enter or Space on a focused button: no pointer) is checked at the click.
/** @type {{ target: HTMLElement, at: number, problem: Promise<string | null> } | null} */
let press = null;
root.addEventListener(
  'pointerdown',
  (event) => {
    const target = event.isTrusted ? actionOf(event) : null;
    const at = performance.now();
    press = target ? { target, at, problem: visibilityProblem(at) } : null;
  },
  true,
);

/**
 * The same control, even if the card was redrawn between press and click (a new element with
 * the same action and data).
 * @param {HTMLElement} a @param {HTMLElement} b
 */
const sameControl = (a, b) => a === b || JSON.stringify({ ...a.dataset }) === JSON.stringify({ ...b.dataset });

/**
 * Why a trusted click on `target` must not act, or null.
 * @param {MouseEvent} event
 * @param {HTMLElement} target
 */
async function gestureProblem(event, target) {
  const fromKeyboard = event.detail === 0;
  const pressed = fromKeyboard ? null : press;
  press = null;
  if (!fromKeyboard && !(pressed && sameControl(pressed.target, target))) return REFUSED.GESTURE;
  const atPress = pressed ? await pressed.problem : null;
  return atPress ?? (await visibilityProblem(pressed?.at ?? performance.now()));
}

/** Asks the content script (`type`) and waits for its answer, or `timeout` ms for `fallback`. */
function ask(type, timeout, fallback = null) {
  if (!port) return Promise.resolve(fallback);
  const id = ++asked;
  return new Promise((resolve) => {
    const done = (answer) => {
      answers.delete(id);
      resolve(answer);
    };
    answers.set(id, done);
    setTimeout(() => done(fallback), timeout);
    port.postMessage({ type, id });
  });
}

// Redrawn when something this card shows changed elsewhere (its notes in the popup, the
// settings, the memory of the deal the background keeps: its close dates, its last look).
watch(() => pageKeys, () => render());

root.addEventListener('click', async (event) => {
  const target = actionOf(event);
  if (!target || !event.isTrusted) return;
  const { action } = target.dataset;
  refused = await gestureProblem(event, target);
  if (refused) {
    // For bug reports and tests: which check refused (our own element, never the page's).
    root.dataset.refused = refused;
    render(); // says why nothing happened
    return;
  }
  delete root.dataset.refused;
  if (action !== ACTION.COPY) copiedNote = null;
  if (action === ACTION.TOGGLE) {
    expanded = !expanded;
  } else if (action === ACTION.CHANNEL || action === ACTION.TONE) {
    choice = { ...choice, [action]: target.dataset[action] };
  } else if (action === ACTION.COPY) {
    if (await copyText(root)) {
      // Kept across a later re-render, until the rep does something else.
      copiedNote = root.querySelector('.copied')?.textContent || null;
      // Remembered on this machine only, so an unanswered suggestion is not suggested again.
      if (page) await apply(page.copied(await read(pageKeys), choice));
    }
    return;
  } else if (action === ACTION.LANGUAGE) {
    // The language picked for the drafts is this buyer's: saved as the deal's language note
    // (the only note field the overlay writes), merged over the stored notes like the popup's.
    if (!page?.has_notes()) return;
    const effects = page.notes_edited(await read(pageKeys), { language: target.dataset.lang }, Date.now());
    await apply(effects);
    // Falls through to the redraw: the drafts in the new language.
  } else if (CORRECTION_ACTIONS.includes(action ?? '')) {
    if (!page) return;
    const reading = page;
    await onCorrection(target, {
      page: reading,
      read: () => read(pageKeys),
      apply,
      redraw: async (open) => {
        correcting = open;
        render();
        await queue;
      },
      root,
    }).then((open) => {
      if (open !== undefined) correcting = open;
    });
    return;
  } else if (action === ACTION.STRUCTURE) {
    const status = target.parentElement?.querySelector('.copied');
    const text = await ask(PORT_MSG.STRUCTURE_ASK, 5000);
    const ok = text !== null && (await writeClipboard(text));
    if (status) status.textContent = ok ? target.dataset.copied : target.dataset.failed;
    return;
  }
  render();
});

let queue = Promise.resolve();
let copiedNote = null; // "Copied", shown again after a re-render until the rep does something else
function render() {
  queue = queue.then(draw).catch((e) => reportError(root, e));
}

async function draw() {
  if (!ready || !snapshot) return;
  const fromNewReading = newReading;
  newReading = false;
  if (fromNewReading) {
    page?.free();
    page = new PageReading(snapshot);
    pageKeys = page.keys();
  }
  const remember = page.render_card(root, await read(pageKeys), expanded, { ...choice, refused, correcting });
  const status = root.querySelector('.copied');
  if (copiedNote && status) status.textContent = copiedNote;
  // The view asks to remember what this page proved (its host's date order); storage only.
  if (fromNewReading) await apply(remember);
  // For scripts/bench-overlay.mjs: when the first score was on screen (a local mark only).
  if (!performance.getEntriesByName('stallwatch:first-render').length) performance.mark('stallwatch:first-render');
  // Two fixed sizes, chosen by the content script: the frame never takes its content's size.
  port?.postMessage({ type: PORT_MSG.RESIZE, open: expanded });
}

await init();
performance.mark('stallwatch:wasm-ready');
ready = true;
render();
