// @ts-check
// Which DOM mutations are worth a re-read. Within the record, only a change to what the last
// read used counts: inside an element a value came from or the timeline's container, one of
// them gone, or something added that a field or timeline not found yet would match. A
// re-rendered badge or a feed elsewhere in the record costs no read. Pure over the nodes it is
// given (unit-tested in Node with jsdom: tests/js/relevance.test.mjs).

/**
 * What the reader says the last read used (read_page.js `watched()`).
 * @typedef {{ scope: Node | null, roots: Node[], sources: Set<Node>, complete: boolean, missing: string | null }} Watched
 */

/** `node` or an ancestor (across shadow boundaries) is in `set`. @param {Node | null} node @param {Set<Node>} set */
export function within(node, set) {
  for (let n = node; n; n = n.parentNode || /** @type {ShadowRoot} */ (n).host || null) if (set.has(n)) return true;
  return false;
}

/** `el`, its subtree or its own shadow tree has an element matching the selector list. @param {Node} el @param {string} css */
export function brings(el, css) {
  if (el.nodeType !== 1) return false;
  const e = /** @type {Element} */ (el);
  return e.matches(css) || !!e.querySelector(css) || !!e.shadowRoot?.querySelector(css);
}

/**
 * True when one of the mutation `records` can change the reading.
 * @param {Pick<MutationRecord, 'target' | 'addedNodes'>[]} records
 * @param {Watched} watched
 */
export function relevant(records, watched) {
  const { scope, sources, complete, missing } = watched;
  if (!scope?.isConnected) return true;
  const inScope = new Set([scope]);
  // A field or the timeline still missing: any change inside the record may bring it.
  if (!complete) return records.some((r) => within(r.target, inScope));
  for (const s of sources) if (!s.isConnected) return true;
  return records.some(
    (r) => within(r.target, sources) || (!!missing && within(r.target, inScope) && [...r.addedNodes].some((n) => brings(n, missing))),
  );
}
