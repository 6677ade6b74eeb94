// @ts-check
// Following the single-page app: what is worth a re-read (relevance.js decides), debounced,
// and the address checked for a navigation the app made without a load.
//
// What is watched. On a record page, only a change inside the record: its light DOM (seen by
// the document observer) or the shadow roots the last read found inside it (watched here; a
// document observer does not see into shadow roots, where Lightning re-renders). A ticking
// header clock, a toast or the utility bar never cause a read. Lists, boards and pages still
// rendering their record are read on any change.
import { relevant } from './relevance.js';

const OBSERVE = { childList: true, subtree: true, characterData: true };
// Debounced, not throttled: read once the page has been quiet for QUIET ms (CRMs render in
// bursts), but never later than MAX_WAIT ms after the first change of a burst.
const QUIET = 250;
const MAX_WAIT = 2000;
const URL_CHECK_MS = 500;

/**
 * Watches the page for `reader` (read_page.js): `onChange()` after a relevant change, debounced;
 * `refresh()` when the debounce ends or the address changed.
 * @param {{ watched: () => any }} reader
 * @param {{ onChange: () => void, refresh: () => void, lastUrl: () => string }} on
 */
export function watchPage(reader, on) {
  let timer = 0; // a pending refresh, if any
  let firstChange = 0; // when the first change since the last refresh came

  function schedule(delay = QUIET) {
    const now = performance.now();
    if (!timer) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      on.refresh();
    }, Math.max(0, Math.min(delay, firstChange + MAX_WAIT - now)));
  }

  /** @param {MutationRecord[]} records */
  const changed = (records) => {
    if (!relevant(records, reader.watched())) return;
    on.onChange();
    schedule();
  };
  const inRecord = new MutationObserver(changed);
  new MutationObserver(changed).observe(document, OBSERVE);
  setInterval(() => {
    if (location.href !== on.lastUrl()) schedule(0);
  }, URL_CHECK_MS);

  return {
    /** What the last read used is what to watch now: its record's shadow roots. */
    watchRecord() {
      inRecord.disconnect();
      const { scope, roots } = reader.watched();
      if (scope) for (const r of roots) inRecord.observe(r, OBSERVE);
    },
  };
}
