// @ts-check
// Stallwatch's background (Chromium: the service worker; Firefox: the event page, beside
// relay.js): keeps the Rust core warm for every CRM tab, so a page's badge is scored without
// waiting for a frame to start. The content script sends what the page shows; this answers
// with the badge (a number, its band, fixed words), scored without composing any draft, and
// stores what the same reading adds to the memory of deals (docs/memory.md), in one call.
//
// It decides nothing itself: storage keys, the score and what to remember or forget come from
// the core as effects. It answers only Stallwatch's own content scripts (a tab's top frame) and
// pages, and sends nothing anywhere else.
import init, { PageReading, corner_moved, memory_to_forget, memory_to_free, reminder_url, reminders_due, reminders_ran } from './pkg/stallwatch.js';
import { MSG, NOTIFICATION, answer, fromOurPage, fromOurTabTop } from './lib/protocol.js';
import { apply, read, readAll } from './lib/store.js';

// Started once per worker; a service worker cannot await at the top level.
const ready = init();

// One page event at a time (several tabs may show the same deal): each reads what is stored
// after the previous one's writes, so a memory write is never computed from a value another tab
// replaced.
let turn = Promise.resolve();
let lastForget = 0;
const FORGET_EVERY_MS = 6 * 60 * 60 * 1000;

/** Writes `effects`; when the browser refuses for lack of room, frees the oldest memory (never a note) and tries once more. */
async function applyMakingRoom(effects) {
  try {
    await apply(effects);
  } catch {
    await apply(memory_to_free(await readAll()));
    // If that fails too the reading is simply not remembered; the page works as before.
    await apply(effects).catch(() => {});
  }
}

/**
 * Deals not seen for the rep's retention period are forgotten, and the memory kept to its
 * limit: at start, every 6 h, and at once after a write that remembered a new deal (`now`).
 */
async function forgetIfDue(now = false) {
  if (!now && Date.now() - lastForget <= FORGET_EVERY_MS) return;
  lastForget = Date.now();
  await apply(memory_to_forget(await readAll(), Date.now()));
}

/**
 * The one call per page event: the snapshot taken apart once, the keys it needs read once, the
 * badge and the memory writes from one reading. Resolves with the answer (`{badge, keys,
 * corner}`); the writes follow it, so remembering never delays the badge. `remember: false` is
 * the same reading scored again after the notes or settings changed: nothing new to remember.
 */
function onPage(snapshot, remember) {
  const scored = turn.then(async () => {
    await ready;
    const page = new PageReading(snapshot);
    try {
      return page.on_page(await read(page.keys_on_page()), Date.now(), remember);
    } finally {
      page.free();
    }
  });
  turn = scored
    .then(({ effects, memory_grew }) => (remember ? applyMakingRoom(effects).then(() => forgetIfDue(memory_grew)) : undefined))
    .catch((e) => console.warn('Stallwatch: could not remember this page', e));
  // With the keys it was scored from: the content script re-scores when one of them changes.
  return scored.then(({ effects: _written, memory_grew: _grew, ...answer }) => answer);
}

// Only our own content script in a tab's top frame; never a web page, another extension or a
// frame inside the page.
answer(MSG.BADGE, fromOurTabTop, (msg) => onPage(msg.snapshot, msg.remember !== false));

// The rep dropped the badge in another corner: kept for every CRM page (the core checks it).
answer(MSG.CORNER, fromOurTabTop, async (msg) => {
  await ready;
  await apply(corner_moved(String(msg.corner)));
  return {};
});

// ---- reminders ------------------------------------------------------------------------------
//
// Off until the rep turns them on in the options page, which asks the browser for the
// `notifications` permission. Then an alarm (which survives restarts; recreated at startup in
// case the browser cleared it) checks once an hour what is due (the core decides: a snooze or
// a wait that ended, a buyer's deadline 3 days away), and each reminder is shown once.
const ALARM = 'stallwatch-reminders';

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
  const all = await readAll();
  const due = reminders_due(all, nowMs);
  const on = show && (await remindersOn());
  const created = [];
  if (on) {
    for (const r of due) {
      created.push(await chrome.notifications.create(`${NOTIFICATION}${r.id}`, { type: 'basic', iconUrl: 'icons/128.png', title: r.title, message: r.body }));
    }
    await apply(reminders_ran(all, due.map((r) => r.id), nowMs));
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
    if (!id.startsWith(NOTIFICATION)) return;
    readAll().then(async (all) => {
      await ready;
      const url = reminder_url(all, id.slice(NOTIFICATION.length));
      if (url) chrome.tabs.create({ url });
      chrome.notifications.clear(id);
    });
  });
}
listenToClicks();
chrome.permissions.onAdded.addListener(listenToClicks);

// The options page asks what is due at a given time (its "Check now", and the tests, which pass
// the time in instead of waiting for it). Only Stallwatch's own pages may ask.
answer(MSG.REMINDERS_RUN, fromOurPage, (msg) => runReminders(Number.isFinite(msg.now) ? msg.now : Date.now(), msg.show !== false));
