// @ts-check
// The popup: quick notes for the deal in the current tab. The content script supplies the page
// snapshot; the Rust core renders the form (from its one table of note fields), merges edits
// and checks them; notes are saved to storage.local only.
import init, { PageReading, render_today, today_copied } from './pkg/stallwatch.js';
import { ACTION, MSG, request } from './lib/protocol.js';
import { apply, read, readAll, watch } from './lib/store.js';
import { $, actionOf, copyQueueMessage, copyText, reportError } from './ui.js';
import { CORRECTION_ACTIONS, onCorrection } from './correct.js';

const formRoot = /** @type {HTMLElement} */ (document.getElementById('form'));
const resultRoot = /** @type {HTMLElement} */ (document.getElementById('result'));
const todayRoot = /** @type {HTMLElement} */ (document.getElementById('today'));
/** A form control the core rendered (input, textarea, select). */
/** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} Control */
/** Rows of each section the popup shows; the full page shows them all. */
const TODAY_ROWS = 5;

/** The tab whose deal we annotate: the active tab, or `?tab=N` when opened as a page. */
async function targetTab() {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** @param {number | undefined} tabId */
async function askSnapshot(tabId) {
  if (tabId === undefined) return null;
  try {
    const reply = await request(MSG.GET_SNAPSHOT, {}, { tab: tabId });
    return reply?.snapshot ?? null;
  } catch {
    return null; // no Stallwatch content script in that tab: not a CRM page
  }
}

/**
 * The current values of the named fields, read from whatever controls the core rendered.
 * @param {HTMLFormElement} form @param {Iterable<string>} names
 */
function readFields(form, names) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const name of names) {
    const controls = /** @type {Control[]} */ ([...form.elements]).filter((el) => el.name === name);
    out[name] = controls.some((el) => el.type === 'checkbox')
      ? controls.filter((el) => /** @type {HTMLInputElement} */ (el).checked).map((el) => el.value)
      : String(controls[0]?.value ?? '');
  }
  return out;
}

/** The control named `name` in `form`, if one is there. @param {HTMLFormElement | null | undefined} form @param {string | undefined} name */
const control = (form, name) => /** @type {Control | null} */ ((name && form?.elements.namedItem(name)) || null);

/**
 * The popup's one page: its reading (taken apart once), the keys its view reads, their last
 * known values, and the draft the rep picked.
 * @type {{ page: PageReading, keys: string[], stored: Record<string, any>, choice: Record<string, string>, correcting: string | null }}
 */
let deal;

// Fields the rep edited in this popup: only these are written, merged over what is stored, so
// fields the form does not show, or that another window changed, are kept.
/** @type {Set<string>} */
let edited = new Set();
let pending = 0; // the number of the latest write, so only its "Saved" is said
let lastWrite = Promise.resolve(); // the latest notes write, for Enter to wait on
/** @type {string | null} */
let lastFields = null; // the JSON of the fields last written from this popup

async function main() {
  await init();
  const snapshot = (await askSnapshot(await targetTab())) ?? { url: '', fields: {}, activities: null };
  const page = new PageReading(snapshot);
  const keys = page.keys();
  deal = { page, keys, stored: await read(keys), choice: {}, correcting: null };
  page.render_popup(formRoot, resultRoot, deal.stored, true, deal.choice);
  if (!page.has_notes()) {
    await showToday();
    return; // no form, nothing to save
  }
  resultRoot.addEventListener('click', onResultClick);
  watch(() => keys, (changed) => onChangedElsewhere(changed).catch((err) => reportError(resultRoot, err)));
  // Listeners on the form's container, so they survive the form being drawn again.
  const nameOf = (/** @type {Event} */ e) => /** @type {Control | null} */ (e.target)?.name;
  formRoot.addEventListener('input', (e) => save(nameOf(e)));
  formRoot.addEventListener('change', (e) => save(nameOf(e)));
  formRoot.addEventListener('click', onMoveNote);
  // Enter in a one-line field would submit the form: everything is already saved.
  formRoot.addEventListener('submit', (e) => e.preventDefault());
  formRoot.addEventListener('keydown', onKey);
  $(formRoot, '[data-testid="note-reason"]')?.focus();
}

/** The score, message and reasons again (the form stays as the rep is typing in it). */
function redraw() {
  deal.page.render_popup(formRoot, resultRoot, deal.stored, false, { ...deal.choice, correcting: deal.correcting });
}

/** Copy, a channel or tone switch, or a language chip (this buyer's language: the notes' field, saved). */
function onResultClick(/** @type {MouseEvent} */ e) {
  const target = actionOf(e);
  const action = target?.dataset.action;
  if (!target || !action) return;
  if (action === ACTION.COPY) copyText(resultRoot);
  if (action === ACTION.CHANNEL || action === ACTION.TONE) {
    deal.choice = { ...deal.choice, [action]: target.dataset[action] ?? '' };
    try { redraw(); } catch (err) { reportError(resultRoot, err); }
  }
  if (CORRECTION_ACTIONS.includes(action)) {
    onCorrection(target, {
      page: deal.page,
      read: async () => (deal.stored = await read(deal.keys)),
      apply,
      redraw: async (open) => {
        deal.correcting = open;
        deal.stored = await read(deal.keys);
        redraw();
      },
      root: resultRoot,
    }).catch((err) => reportError(resultRoot, err));
  }
  if (action === ACTION.LANGUAGE) {
    const select = control(formRoot.querySelector('form'), 'language');
    if (!select) return;
    select.value = target.dataset.lang ?? '';
    save('language');
  }
}

/**
 * What this popup shows changed in another window (or by a restore). The echo of our own save
 * is not reported: `save` redraws once the write is done, and a second redraw here would
 * replace the chips under the rep's pointer mid-click.
 * @param {string[]} changed
 */
async function onChangedElsewhere(changed) {
  deal.stored = await read(deal.keys);
  // Typing: an edit made here, with the focus still in the form. (The focus alone is not: the
  // popup opens with it in the reason field.)
  const focused = formRoot.contains(document.activeElement) ? /** @type {Control} */ (document.activeElement).name : null;
  const typing = focused && edited.size > 0;
  if (changed.includes(deal.page.notes_key() ?? '') && !typing) {
    // Idle: show the notes as they are now, form included.
    deal.page.render_popup(formRoot, resultRoot, deal.stored, true, { ...deal.choice, correcting: deal.correcting });
    edited = new Set();
    lastFields = null;
    if (focused) control(formRoot.querySelector('form'), focused)?.focus();
  } else {
    redraw();
  }
}

/**
 * Saves on every edit, synchronously up to the storage call: a toolbar popup closes the moment
 * the rep clicks back into the page, and an edit must never wait on a timer that dies with it.
 * @param {(string | undefined)[]} names the fields just edited
 */
function save(...names) {
  const form = formRoot.querySelector('form');
  if (!names.length || !names.every(Boolean) || !form) return;
  for (const name of names) if (name) edited.add(name);
  const fields = readFields(form, edited);
  // A select fires `input` then `change` with the same value: one write, one redraw (a second
  // redraw could replace the chips under the rep's pointer mid-click).
  const fieldsJson = JSON.stringify(fields);
  if (fieldsJson === lastFields) return;
  lastFields = fieldsJson;
  const effects = deal.page.notes_edited(deal.stored, fields, Date.now());
  deal.stored = { ...deal.stored, ...effects.set };
  const id = ++pending;
  const status = () => $(formRoot, '[data-testid="save-status"]') ?? document.createElement('p');
  status().textContent = status().dataset.saving ?? '';
  lastWrite = apply(effects);
  lastWrite.then(() => {
    // "Saved" (or what was wrong) only once the browser has the write, and only for the latest.
    if (id === pending) status().textContent = effects.status ?? '';
    redraw();
  }).catch((err) => {
    status().textContent = `${status().dataset.notSaved ?? ''} ${err?.message || err}`;
  });
}

/**
 * "Move it?": text that reads like a private note goes from the field messages quote to the
 * private notes (appended), both saved in one write. The core names both fields.
 * @param {MouseEvent} e
 */
function onMoveNote(e) {
  const button = actionOf(e, ACTION.MOVE_NOTE);
  const form = formRoot.querySelector('form');
  if (!button || !form) return;
  const from = control(form, button.dataset.from);
  const to = control(form, button.dataset.to);
  if (!from || !to || !from.value.trim()) return;
  to.value = [to.value.trim(), from.value.trim()].filter(Boolean).join('\n');
  from.value = '';
  save(from.name, to.name);
  to.focus();
}

/**
 * From the keyboard (Alt+Shift+S opens this popup): the reason field has the focus; Enter
 * (Shift+Enter for a new line) closes the popup once the last edit is written; Esc closes it.
 * @param {KeyboardEvent} e
 */
function onKey(e) {
  if (e.key === 'Escape') {
    window.close();
  } else if (e.key === 'Enter' && !e.shiftKey && !(e.target instanceof HTMLSelectElement) && !(e.target instanceof HTMLButtonElement)) {
    e.preventDefault();
    lastWrite.then(() => {
      const status = $(formRoot, '[data-testid="save-status"]');
      if (status && !status.textContent) status.textContent = status.dataset.saved ?? '';
      window.close();
    }).catch(() => {}); // a failed write says so in the status line; the popup stays open
  }
}

/** Away from a deal record: the day's queue, and a link to the full Today page. */
async function showToday() {
  const drawToday = async () => render_today(todayRoot, await readAll(), Date.now(), { compact: TODAY_ROWS });
  await drawToday();
  todayRoot.addEventListener('click', (e) => {
    const button = actionOf(e, ACTION.TODAY_COPY);
    if (!button || !e.isTrusted) return;
    const row = /** @type {HTMLElement | null} */ (button.closest('[data-testid="today-row"]'));
    copyQueueMessage(row, async (key) => today_copied(await readAll(), key))
      .catch((err) => reportError(todayRoot, err));
  });
  // Redrawn when something else changed what is stored (the copy's own write is not redrawn).
  watch(() => null, () => drawToday().catch((err) => reportError(todayRoot, err)));
}

main().catch((e) => reportError(resultRoot, e));
