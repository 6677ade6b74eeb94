// @ts-check
// The options page: the Rust core renders the form and checks what is typed; this file only
// moves values between the form, storage.local and backup files.
import init, {
  delete_everything, export_backup, proposal_accepted, proposal_ignored, render_options, restore_backup, restore_not_written,
  setting_example, settings_defaults, settings_saved, undo_not_written, undo_restore,
} from './pkg/stallwatch.js';
import { ACTION } from './lib/protocol.js';
import { apply, readAll } from './lib/store.js';
import { $, actionOf, reportError } from './ui.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));

/** Every named control's value. @param {HTMLFormElement | null} form */
function formValues(form) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const el of /** @type {HTMLInputElement[]} */ ([...(form?.elements ?? [])])) {
    if (el.name) out[el.name] = String(el.value);
  }
  return out;
}

/** Shows `text` in the status line `testid`. @param {string} testid @param {string | undefined} text */
function say(testid, text) {
  const el = $(root, `[data-testid="${testid}"]`);
  if (el) el.textContent = text ?? '';
}

/** @type {chrome.permissions.Permissions} */
const NOTIFY = { permissions: ['notifications'] };

async function draw() {
  render_options(root, await readAll(), await chrome.permissions.contains(NOTIFY), Date.now());
}

// What a first setting means on the rep's calendar, as they type.
root.addEventListener('input', (e) => {
  const input = e.target;
  if (!(input instanceof HTMLInputElement)) return;
  const example = $(root, `[data-example-for="${CSS.escape(input.name)}"]`);
  const text = example && setting_example(input.name, input.value);
  if (example && text) example.textContent = text;
});

// Reminders: the browser asks the rep for the permission (the section says why first).
async function reminders(/** @type {boolean} */ on, /** @type {HTMLElement} */ button) {
  const granted = on ? await chrome.permissions.request(NOTIFY) : !(await chrome.permissions.remove(NOTIFY));
  await draw();
  if (on && !granted) say('reminders-status', button.dataset.refused);
}

const detail = (/** @type {any} */ err) => String(err?.message || err);

async function save() {
  const effects = settings_saved(formValues(root.querySelector('form')), await readAll());
  await apply(effects);
  await draw();
  say('options-status', effects.status);
}

async function exportFile() {
  const text = export_backup(await readAll());
  // A local file the browser saves for you: nothing leaves the machine.
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `stallwatch-backup-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say('backup-status', 'Backup saved to your downloads.');
}

// A restore merges the backup over what is stored (the core decides, field by field) and writes
// only what changes, together with a copy of the previous values for "Undo the last restore".
async function importFile(/** @type {File} */ file) {
  let effects;
  try {
    const text = await file.text();
    effects = restore_backup(text, await readAll(), Date.now());
    // One write: the notes, the settings and the undo copy land together or not at all.
    await apply(effects);
  } catch (err) {
    say('backup-status', restore_not_written(detail(err)));
    return;
  }
  await draw();
  say('backup-status', effects.status);
}

// Puts back the values kept before the last restore (keys the restore created are removed);
// a deal changed since the restore is kept as it is now.
async function undo() {
  const effects = undo_restore(await readAll());
  try {
    await apply(effects);
  } catch (err) {
    say('backup-status', undo_not_written(detail(err)));
    return;
  }
  await draw();
  say('backup-status', effects.status);
}

// Everything Stallwatch keeps in this browser goes, after a second click on the same button
// (within 10 s; the first one only says what the second will do).
let armed = 0;
async function deleteAll(/** @type {HTMLElement} */ button) {
  if (Date.now() - armed > 10_000) {
    armed = Date.now();
    button.textContent = button.dataset.confirm;
    return;
  }
  armed = 0;
  await apply(delete_everything(await readAll()));
  await draw();
  say('backup-status', button.dataset.done);
}

/**
 * A proposal from the rep's corrections, accepted or ignored: the core says what to store.
 * @param {boolean} accept @param {string} id
 */
async function proposal(accept, id) {
  const all = await readAll();
  const effects = accept ? proposal_accepted(id, all) : proposal_ignored(id, all);
  await apply(effects);
  await draw();
  // The section goes with its last proposal: then the form's status line says it.
  say($(root, '[data-testid="proposals-status"]') ? 'proposals-status' : 'options-status', effects.status);
}

/** What the page's plain buttons do. @type {Record<string, () => Promise<void>>} */
const RUNS = {
  [ACTION.SAVE]: save,
  [ACTION.UNDO]: undo,
  [ACTION.EXPORT]: exportFile,
  [ACTION.DEFAULTS]: async () => {
    const effects = settings_defaults();
    await apply(effects);
    await draw();
    say('options-status', effects.status);
  },
};

root.addEventListener('click', (e) => {
  const target = actionOf(e);
  const action = target?.dataset.action;
  if (!target || !action) return;
  if (action === ACTION.DELETE_ALL) {
    deleteAll(target).catch((err) => reportError(root, err));
    return;
  }
  if (action === ACTION.ACCEPT_PROPOSAL || action === ACTION.IGNORE_PROPOSAL) {
    proposal(action === ACTION.ACCEPT_PROPOSAL, target.dataset.id ?? '').catch((err) => reportError(root, err));
    return;
  }
  if (action === ACTION.REMINDERS_ON || action === ACTION.REMINDERS_OFF) {
    reminders(action === ACTION.REMINDERS_ON, target).catch((err) => reportError(root, err));
    return;
  }
  const run = RUNS[action];
  if (run) run().catch((err) => reportError(root, err));
});
root.addEventListener('change', (e) => {
  const input = e.target;
  if (input instanceof HTMLInputElement && input.dataset.action === ACTION.IMPORT && input.files?.[0]) {
    const file = input.files[0];
    input.value = ''; // the same file can be picked again after a failed restore
    importFile(file).catch((err) => reportError(root, err));
  }
});

init().then(draw).catch((e) => reportError(root, e));
