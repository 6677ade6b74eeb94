// @ts-check
// The one place extension JavaScript touches chrome.storage. The Rust core owns the storage
// schema: it names the keys to read and returns every change as effects (`{set, remove,
// status}`), so nothing here composes a key.

/** @typedef {{ set?: Record<string, unknown>, remove?: string[], status?: string }} Effects */

const area = () => chrome.storage.local;

/** What is stored under `keys` (all of it when `keys` is null). */
export function read(/** @type {string[] | null} */ keys) {
  return area().get(keys);
}

/** Everything stored. */
export const readAll = () => read(null);

// The values of our own latest writes, by key, to tell their echo from another context's write.
/** @type {Map<string, string>} */
const ownWrites = new Map();
const REMOVED = '\u0000removed';

/**
 * Applies `effects` (as the core returned them): one write of `set`, then the removals.
 * Resolves once the browser has both; rejects when it refused (for example, storage full).
 * @param {Effects | null | undefined} effects
 */
export async function apply(effects) {
  const set = effects?.set ?? {};
  const remove = effects?.remove ?? [];
  for (const [k, v] of Object.entries(set)) ownWrites.set(k, JSON.stringify(v ?? null));
  for (const k of remove) ownWrites.set(k, REMOVED);
  if (Object.keys(set).length) await area().set(set);
  if (remove.length) await area().remove(remove);
}

/**
 * Calls `onChange(changedKeys)` when any of `keys()` changes in storage.local, written by
 * another context (or by this one, when `echo` is true). `keys` is a function: the keys to
 * watch can change as the page does. The echo of this context's own `apply` is skipped by
 * default: a redraw on our own write could replace what the rep is clicking.
 * @param {() => Iterable<string> | null} keys null: every key
 * @param {(changed: string[]) => void} onChange
 * @param {{ echo?: boolean }} [options]
 */
export function watch(keys, onChange, options = {}) {
  /** @param {Record<string, chrome.storage.StorageChange>} changes @param {string} areaName */
  const listener = (changes, areaName) => {
    if (areaName !== 'local') return;
    const wanted = keys();
    const set = wanted ? new Set(wanted) : null;
    const changed = Object.keys(changes).filter((k) => !set || set.has(k));
    const fromElsewhere = changed.filter((k) => {
      const mine = ownWrites.get(k);
      if (mine === undefined) return true;
      const now = 'newValue' in changes[k] ? JSON.stringify(changes[k].newValue ?? null) : REMOVED;
      // The same value as our own latest write: our echo (or no change worth a redraw).
      return now !== mine;
    });
    const report = options.echo ? changed : fromElsewhere;
    if (report.length) onChange(report);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
