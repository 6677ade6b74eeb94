// @ts-check
// Every message Stallwatch's contexts send each other, named once, with its payload, and the
// checks on who may send it. Contexts: the content script (a CRM tab's top frame), the
// background (the warm core that scores badges, and in Firefox the relay), the card's frame
// (overlay.html), and the extension pages (popup, Today, options).
//
// One request/response style: `request(type, payload)` sends a runtime message and resolves
// with the answer; a handler registered with `answer(type, guard, handler)` returns a value or a
// promise. Port messages (content script ↔ card) use the same names, through `post`.

/** Runtime messages (chrome.runtime.sendMessage / tabs.sendMessage). */
export const MSG = /* @__PURE__ */ Object.freeze({
  /** content → background: `{snapshot, remember}` → `{badge, corner, keys, effects?}` */
  BADGE: 'stallwatch:badge',
  /** content → background: `{corner}` → `{}`: the rep dropped the badge in a corner. */
  CORNER: 'stallwatch:corner',
  /** extension page → content script (tab): `{}` → `{snapshot}` */
  GET_SNAPSHOT: 'stallwatch:get-snapshot',
  /** extension page (benchmark) → content script: `{}` → the read counters. */
  STATS: 'stallwatch:stats',
  /** options page / tests → background: `{now?, show?}` → `{due, shown, created}` */
  REMINDERS_RUN: 'stallwatch:reminders-run',
});

/** Port names: the content script's port to the card, and the card's port to Firefox's relay. */
export const PORT = /* @__PURE__ */ Object.freeze({
  /** content script → card (Chromium) or relay (Firefox), named with the pairing nonce. */
  PAGE: 'stallwatch-overlay:',
  /** card → relay (Firefox), named with the same nonce. */
  FRAME: 'stallwatch-frame:',
});

/** Messages on the paired port between the content script and the card. */
export const PORT_MSG = /* @__PURE__ */ Object.freeze({
  /** content → card: `{snapshot}`: the page's newest reading. */
  SNAPSHOT: 'card:snapshot',
  /** card → content: `{open}`: open at the card's size, or close (remove the frame). */
  RESIZE: 'card:resize',
  /** card → content: `{id}`; answered with VISIBILITY `{id, problem}`. */
  VISIBILITY_ASK: 'card:visibility?',
  VISIBILITY: 'card:visibility',
  /** card → content: `{id}`; answered with STRUCTURE `{id, text}`. */
  STRUCTURE_ASK: 'card:structure?',
  STRUCTURE: 'card:structure',
});

/**
 * What a control in a rendered page does: its `data-action`, written by the core's renderers
 * (src/view/action.rs, the same table: tests/js/architecture.test.mjs keeps them equal).
 */
export const ACTION = /* @__PURE__ */ Object.freeze({
  TOGGLE: 'toggle',
  CHANNEL: 'channel',
  TONE: 'tone',
  COPY: 'copy',
  LANGUAGE: 'language',
  STRUCTURE: 'structure',
  MOVE_NOTE: 'move-note',
  CORRECT: 'correct',
  CORRECT_AS: 'correct-as',
  CORRECT_CANCEL: 'correct-cancel',
  UNCORRECT: 'uncorrect',
  ACCEPT_PROPOSAL: 'accept-proposal',
  IGNORE_PROPOSAL: 'ignore-proposal',
  TODAY_COPY: 'today-copy',
  SAVE: 'save',
  DEFAULTS: 'defaults',
  EXPORT: 'export',
  IMPORT: 'import',
  DELETE_ALL: 'delete-all',
  UNDO: 'undo',
  REMINDERS_ON: 'reminders-on',
  REMINDERS_OFF: 'reminders-off',
});

/**
 * Why the card refused an action (its visibility checks): the codes the card and the content
 * script report, the same table as src/view/refused.rs (kept equal by the architecture test).
 */
export const REFUSED = /* @__PURE__ */ Object.freeze({
  REMOVED: 'removed',
  HIDDEN: 'hidden',
  MOVED: 'moved',
  COVERED: 'covered',
  OBSCURED: 'obscured',
  RECENT: 'recently-covered',
  GESTURE: 'gesture',
  UNPAIRED: 'unpaired',
  NO_ANSWER: 'no-answer',
});

/**
 * How long the card must have been in front of the rep, without a failed visibility check,
 * before a press counts (the card's frame and the content script both hold to it): a page can
 * remove its cover at the very moment of the press (on the window's blur, which the press
 * causes), after which a check at click time alone would pass.
 */
export const MIN_VISIBLE_MS = 500;

/** The prefix of the ids of the reminders' notifications (the deal's reminder id follows). */
export const NOTIFICATION = 'stallwatch:';

/** The window message the content script posts to its own card's frame only. */
export const WINDOW_MSG = /* @__PURE__ */ Object.freeze({
  /** content → card's window: `{nonce, theme}`. */
  PAIR: 'stallwatch:pair',
});

/** A pairing nonce (crypto.randomUUID()). */
export const NONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---- who may send what ----------------------------------------------------------------------

/**
 * @typedef {{ id?: string, url?: string, tab?: { id?: number }, frameId?: number }} Sender
 */

/** Our own content script in a tab's top frame: never a web page, another extension or a frame inside the page. */
export function fromOurTabTop(/** @type {Sender | undefined} */ sender) {
  return !!sender && sender.id === chrome.runtime.id && !!sender.tab && sender.frameId === 0;
}

/** One of Stallwatch's own extension pages (popup, options, Today, the card). */
export function fromOurPage(/** @type {Sender | undefined} */ sender) {
  return !!sender && sender.id === chrome.runtime.id && String(sender.url || '').startsWith(chrome.runtime.getURL(''));
}

/** Our card's frame (overlay.html), for Firefox's relay. */
export function fromOurCard(/** @type {Sender | undefined} */ sender) {
  return !!sender && sender.id === chrome.runtime.id && String(sender.url || '').startsWith(chrome.runtime.getURL('overlay.html'));
}

// ---- one request/response style ---------------------------------------------------------------

/**
 * Sends runtime message `type` with `payload`; resolves with the answer. An answer of the form
 * `{error}` (a handler that threw) rejects.
 * @param {string} type
 * @param {Record<string, unknown>} [payload]
 * @param {{ tab?: number }} [to] a tab's content script (top frame) instead of the background
 */
export async function request(type, payload = {}, to = {}) {
  const message = { ...payload, type };
  const answer = to.tab === undefined
    ? await chrome.runtime.sendMessage(message)
    : await chrome.tabs.sendMessage(to.tab, message, { frameId: 0 });
  if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(String(answer.error));
  return answer;
}

/**
 * Answers runtime message `type` from senders `guard` accepts with what `handler` returns (or
 * resolves to). Others are ignored, so another listener may answer them.
 * @param {string} type
 * @param {(sender: Sender) => boolean} guard
 * @param {(message: any, sender: Sender) => unknown} handler
 */
export function answer(type, guard, handler) {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== type || !guard(sender)) return false;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (e) => sendResponse({ error: String(e?.message || e).slice(0, 300) }));
    return true; // the answer comes asynchronously
  });
}
