// The popup: quick notes for the deal in the current tab. The content script supplies the page
// snapshot; the Rust core renders and validates; notes are saved to storage.local only.
import init, { notes_from_form, notes_key, render_popup } from './pkg/stallwatch.js';
import { copyText, reportError } from './ui.js';

const formRoot = document.getElementById('form');
const resultRoot = document.getElementById('result');

/** The tab whose deal we annotate: the active tab, or `?tab=N` when opened as a page. */
async function targetTab() {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function askSnapshot(tabId) {
  if (tabId === undefined) return null;
  try {
    const reply = await chrome.tabs.sendMessage(tabId, { type: 'stallwatch:get-snapshot' }, { frameId: 0 });
    return reply?.snapshot ?? null;
  } catch {
    return null; // no Stallwatch content script in that tab: not a CRM page
  }
}

function readForm(form) {
  const data = new FormData(form);
  const out = {};
  for (const name of ['reason', 'goal', 'tags', 'deadline', 'preferred_channel', 'approver', 'snooze_until', 'snooze_reason']) {
    out[name] = String(data.get(name) ?? '');
  }
  out.avoid_channels = data.getAll('avoid_channels').map(String);
  return out;
}

async function main() {
  await init();
  const snapshot = (await askSnapshot(await targetTab())) ?? { url: '', fields: {}, activities: null };
  const notesKey = notes_key(snapshot);
  const keys = notesKey ? ['settings', notesKey] : ['settings'];
  const stored = await chrome.storage.local.get(keys);
  let choice = {};
  render_popup(formRoot, resultRoot, snapshot, stored[notesKey] ?? null, stored.settings ?? null, true, choice);
  const form = formRoot.querySelector('form');
  if (!form || !notesKey) return;
  const status = form.querySelector('[data-testid="save-status"]');

  let timer = 0;
  const save = async () => {
    timer = 0;
    const current = (await chrome.storage.local.get(notesKey))[notesKey] ?? null;
    const { notes, problems } = notes_from_form(current, readForm(form));
    await chrome.storage.local.set({ [notesKey]: notes });
    status.textContent = problems.length ? problems.join(' ') : 'Saved on this computer';
    await redraw();
  };
  const redraw = async () => {
    const now = await chrome.storage.local.get(keys);
    render_popup(formRoot, resultRoot, snapshot, now[notesKey] ?? null, now.settings ?? null, false, choice);
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save().catch((e) => reportError(resultRoot, e)), 250);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    soon();
  });
  resultRoot.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-action]') : null;
    const action = target?.dataset.action;
    if (action === 'copy') copyText(resultRoot);
    if (action === 'channel' || action === 'tone') {
      choice = { ...choice, [action]: target.dataset[action] };
      redraw().catch((err) => reportError(resultRoot, err));
    }
  });
}

main().catch((e) => reportError(resultRoot, e));
