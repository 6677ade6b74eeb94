// Stallwatch's background (Chromium: the service worker; Firefox: the event page, beside
// relay.js): keeps the Rust core warm for every CRM tab, so a page's badge is scored without
// waiting for a frame to start. The content script sends what the page shows; this answers
// with the badge (a number, its band, fixed words) from the same view the card uses, then
// remembers the deals the page showed (docs/memory.md), for the lists and the Today queue.
//
// It decides nothing itself: storage keys, the score and what to remember or forget come from
// the core. It answers only Stallwatch's own content scripts (a tab's top frame), and sends
// nothing anywhere else.
import init, {
  badge_view, memory_keys, memory_to_forget, memory_to_free, memory_writes, reminder_url, reminders_due, reminders_shown, storage_keys,
} from './pkg/stallwatch.js';

// Started once per worker; a service worker cannot await at the top level.
const ready = init();

async function badgeFor(snapshot, remembering) {
  await ready;
  const keys = storage_keys(snapshot);
  const stored = await chrome.storage.local.get(keys);
  const { badge, remember } = badge_view(snapshot, stored);
  // What the page proved about its host's date order, stored as the card would.
  if (remember && remembering) await chrome.storage.local.set(remember);
  // With the keys it was scored from: the content script re-scores when one of them changes.
  return { badge, keys };
}

// Memory writes, one at a time (several tabs may show the same deal), each from what is
// stored when its turn comes.
let memory = Promise.resolve();
let lastForget = 0;
const FORGET_EVERY_MS = 6 * 60 * 60 * 1000;

async function rememberDeals(snapshot) {
  const stored = await chrome.storage.local.get([...storage_keys(snapshot), ...memory_keys(snapshot)]);
  const writes = memory_writes(snapshot, stored, Date.now());
  if (writes) {
    try {
      await chrome.storage.local.set(writes);
    } catch {
      // No room: the oldest remembered deals go (never a note), then one more try. If that
      // fails too the reading is simply not remembered; the page works as before.
      await chrome.storage.local.remove(memory_to_free(await chrome.storage.local.get(null)));
      await chrome.storage.local.set(writes).catch(() => {});
    }
  }
  // Deals not seen for the rep's retention period are forgotten (at start, then every 6 h).
  if (Date.now() - lastForget > FORGET_EVERY_MS) {
    lastForget = Date.now();
    const forget = memory_to_forget(await chrome.storage.local.get(null), Date.now());
    if (forget.length) await chrome.storage.local.remove(forget);
  }
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== 'stallwatch:badge') return false;
  // Our own content script in a tab's top frame; never a web page, another extension or a
  // frame inside the page.
  if (sender.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) return false;
  // `remember: false`: the same reading scored again after the notes or settings changed.
  const remembering = msg.remember !== false;
  badgeFor(msg.snapshot, remembering).then(
    (answer) => {
      sendResponse(answer);
      // After the answer: remembering never delays the badge.
      if (!remembering) return;
      memory = memory.then(() => rememberDeals(msg.snapshot)).catch((e) => console.warn('Stallwatch: could not remember this page', e));
    },
    (e) => sendResponse({ error: String(e?.message || e).slice(0, 300) }),
  );
  return true; // the answer comes asynchronously
});

// ---- reminders ------------------------------------------------------------------------------
//
// Off until the rep turns them on in the options page, which asks the browser for the
// `notifications` permission. Then an alarm (which survives restarts; recreated at startup in
// case the browser cleared it) checks once an hour what is due (the core decides: a snooze or
// a wait that ended, a buyer's deadline 3 days away), and each reminder is shown once.
const ALARM = 'stallwatch-reminders';
const LAST_RUN = 'reminders_last_run';

const remindersOn = () => chrome.permissions.contains({ permissions: ['notifications'] });

async function scheduleReminders() {
  if (!(await remindersOn())) {
    await chrome.alarms.clear(ALARM);
    return;
  }
  if (!(await chrome.alarms.get(ALARM))) chrome.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
}

/** What is due at `nowMs`; shown as notifications when reminders are on (and `show`). */
async function runReminders(nowMs, show) {
  await ready;
  const all = await chrome.storage.local.get(null);
  const due = reminders_due(all, nowMs, all[LAST_RUN] ?? null);
  const on = show && (await remindersOn());
  const created = [];
  if (on) {
    for (const r of due) {
      created.push(await chrome.notifications.create(`stallwatch:${r.id}`, { type: 'basic', iconUrl: 'icons/128.png', title: r.title, message: r.body }));
    }
    await chrome.storage.local.set({ ...reminders_shown(all, due.map((r) => r.id), nowMs), [LAST_RUN]: nowMs });
  }
  return { due, shown: on, created };
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) runReminders(Date.now(), true).catch((e) => console.warn('Stallwatch: reminders', e));
});
chrome.runtime.onStartup.addListener(() => scheduleReminders());
chrome.runtime.onInstalled.addListener(() => scheduleReminders());
chrome.permissions.onAdded.addListener(() => scheduleReminders());
chrome.permissions.onRemoved.addListener(() => scheduleReminders());
// A click on a reminder opens its deal. The notifications API exists only once the permission
// is granted: listened to at start, and again when the rep grants it.
let listeningToClicks = false;
function listenToClicks() {
  if (listeningToClicks || !chrome.notifications) return;
  listeningToClicks = true;
  chrome.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('stallwatch:')) return;
    chrome.storage.local.get(null).then(async (all) => {
      await ready;
      const url = reminder_url(all, id.slice('stallwatch:'.length));
      if (url) chrome.tabs.create({ url });
      chrome.notifications.clear(id);
    });
  });
}
listenToClicks();
chrome.permissions.onAdded.addListener(listenToClicks);

// The options page asks what is due at a given time (its "Check now", and the tests, which pass
// the time in instead of waiting for it). Only Stallwatch's own pages may ask.
chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type !== 'stallwatch:reminders-run') return false;
  if (sender.id !== chrome.runtime.id || !String(sender.url || '').startsWith(chrome.runtime.getURL(''))) return false;
  const now = Number.isFinite(msg.now) ? msg.now : Date.now();
  runReminders(now, msg.show !== false).then(sendResponse, (e) => sendResponse({ error: String(e?.message || e) }));
  return true;
});
