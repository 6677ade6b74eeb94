// @ts-check
// The Today queue's page: every deal the rep has opened, in the order to work them. The Rust
// core builds and renders the queue from what is stored; this file moves the filters and the
// keyboard into it, copies a message when asked, and redraws when storage changes.
import init, { render_today, today_copied } from './pkg/stallwatch.js';
import { readAll, watch } from './lib/store.js';
import { ACTION } from './lib/protocol.js';
import { $, actionOf, copyQueueMessage, reportError } from './ui.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
/** @type {Record<string, string>} */
let filter = {};
/** @type {string | null} */
let copiedKey = null; // the deal whose message was copied last: its button says so

const rowOf = (/** @type {string} */ key) => $(root, `[data-testid="today-row"][data-key="${CSS.escape(key)}"]`);

async function draw() {
  render_today(root, await readAll(), Date.now(), filter);
  const row = copiedKey ? rowOf(copiedKey) : null;
  const button = row && $(row, `[data-action="${ACTION.TODAY_COPY}"]`);
  if (button) button.textContent = button.dataset.copied ?? '';
}

root.addEventListener('change', (e) => {
  const select = e.target;
  if (!(select instanceof HTMLSelectElement)) return;
  filter = { ...filter, [select.name]: select.value };
  draw().catch((err) => reportError(root, err));
});

/** Copies a row's message, remembered like the card's Copy (an unanswered one is not repeated). */
async function copyRow(/** @type {HTMLElement | null} */ row) {
  copiedKey = row?.dataset.key ?? null;
  await copyQueueMessage(row, async (key) => today_copied(await readAll(), key));
}

root.addEventListener('click', (e) => {
  const button = actionOf(e, ACTION.TODAY_COPY);
  const row = /** @type {HTMLElement | null} */ (button?.closest('[data-testid="today-row"]') ?? null);
  if (button && e.isTrusted) copyRow(row).catch((err) => reportError(root, err));
});

// The keyboard: ↑/↓ or k/j move between deals, Enter opens the focused one, c copies its message.
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
  const rows = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('[data-testid="today-row"]')]);
  const at = rows.indexOf(/** @type {HTMLElement} */ (document.activeElement));
  /** @type {Record<string, number>} */
  const moves = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
  const move = moves[e.key];
  if (move) {
    e.preventDefault();
    rows[Math.min(rows.length - 1, Math.max(0, at < 0 ? 0 : at + move))]?.focus();
  } else if (e.key === 'Enter' && at >= 0) {
    $(rows[at], 'a.row-name')?.click();
  } else if (e.key === 'c' && at >= 0) {
    copyRow(rows[at]).catch((err) => reportError(root, err));
  }
});

// Redrawn when something else changed what is stored (a deal remembered, notes edited); the
// echo of this page's own Copy is not.
watch(() => null, () => {
  const focused = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.key;
  draw()
    .then(() => {
      // Keep the rep's place in the queue across the redraw.
      if (focused) rowOf(focused)?.focus();
    })
    .catch((err) => reportError(root, err));
});

init().then(draw).catch((e) => reportError(root, e));
