// The options page: the Rust core renders the form and checks what is typed; this file only
// moves values between the form, storage.local and backup files.
import init, { default_settings, export_backup, import_backup, render_options, settings_from_form } from './pkg/stallwatch.js';
import { reportError } from './ui.js';

const root = document.getElementById('app');

function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (el.name) out[el.name] = String(el.value);
  }
  return out;
}

function say(testid, text) {
  const el = root.querySelector(`[data-testid="${testid}"]`);
  if (el) el.textContent = text;
}

async function draw() {
  const { settings } = await chrome.storage.local.get('settings');
  render_options(root, settings ?? null);
}

async function save() {
  const { settings: current } = await chrome.storage.local.get('settings');
  const { settings, problems } = settings_from_form(formValues(root.querySelector('form')), current ?? null);
  await chrome.storage.local.set({ settings });
  await draw();
  say('options-status', problems.length ? problems.join(' ') : 'Saved. Open deals update at once.');
}

async function exportFile() {
  const text = export_backup(await chrome.storage.local.get(null));
  // A local file the browser saves for you: nothing leaves the machine.
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `stallwatch-backup-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say('backup-status', 'Backup saved to your downloads.');
}

async function importFile(file) {
  const { entries, problems } = import_backup(await file.text());
  const count = Object.keys(entries).filter((k) => k.startsWith('notes:')).length;
  if (Object.keys(entries).length) await chrome.storage.local.set(entries);
  await draw();
  const restored = `Restored notes for ${count} deal${count === 1 ? '' : 's'}${'settings' in entries ? ' and your settings' : ''}.`;
  say('backup-status', problems.length ? `${restored} Not restored: ${problems.join(' ')}` : restored);
}

root.addEventListener('click', (e) => {
  const action = e.target instanceof Element ? e.target.closest('[data-action]')?.dataset.action : null;
  const run = { save, export: exportFile, defaults: async () => {
    await chrome.storage.local.set({ settings: default_settings() });
    await draw();
    say('options-status', 'Defaults restored.');
  } }[action];
  if (run) run().catch((err) => reportError(root, err));
});
root.addEventListener('change', (e) => {
  const input = e.target;
  if (input instanceof HTMLInputElement && input.dataset.action === 'import' && input.files?.[0]) {
    importFile(input.files[0]).catch((err) => reportError(root, err));
  }
});

init().then(draw).catch((e) => reportError(root, e));
