// @ts-check
/**
 * A 32-bit FNV-1a hash of every key and string in a snapshot: what tells an unchanged reading
 * from a new one, without building a second 100 KB string to compare. Never 0 (0 means "none").
 * @param {unknown} value
 */
export function fingerprint(value) {
  let h = 0x811c9dc5;
  /** @type {unknown[]} */
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || v === undefined) {
      h = Math.imul(h ^ 0x30, 0x01000193);
    } else if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push(k, x);
      h = Math.imul(h ^ 0x7b, 0x01000193);
    } else {
      const t = String(v);
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ 0x2c, 0x01000193);
    }
  }
  return h >>> 0 || 1;
}
