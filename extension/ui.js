// @ts-check
// Small helpers shared by the extension's pages (the card, the popup, Today, the options).
import { ACTION } from './lib/protocol.js';
import { apply } from './lib/store.js';

/**
 * The control an event happened in (a delegated click or change): the closest element with a
 * `data-action`, or with `data-action="<action>"` when one is named; null elsewhere.
 * @param {Event} event @param {string} [action]
 * @returns {HTMLElement | null}
 */
export function actionOf(event, action) {
  const t = event.target;
  if (!(t instanceof Element)) return null;
  return /** @type {HTMLElement | null} */ (t.closest(action ? `[data-action="${action}"]` : '[data-action]'));
}

/** The element matching `css` inside `root`, typed as an HTML element (null when none). @param {ParentNode} root @param {string} css */
export const $ = (root, css) => /** @type {HTMLElement | null} */ (root.querySelector(css));

/**
 * Copies the suggested message to the clipboard (never into the CRM's own composer); true when it was copied.
 * @param {ParentNode} root
 */
export async function copyText(root) {
  const message = root.querySelector('[data-testid="next-message"]');
  const status = root.querySelector('.copied');
  if (!message) return false;
  const ok = await writeClipboard(message.textContent);
  if (status) status.textContent = ok ? 'Copied' : 'Select the text and copy it';
  return ok;
}

/** Puts `text` on the clipboard; false when the browser refused. @param {string} text */
export async function writeClipboard(text) {
  let ok;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // Clipboard API refused (no focus, or a policy): fall back on a selection in our own page.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    ok = document.execCommand('copy');
    area.remove();
  }
  return ok;
}

/** Shows an unexpected failure in our own UI (as text) and logs it for bug reports. @param {Element} root @param {any} error */
export function reportError(root, error) {
  console.error('Stallwatch:', error);
  const p = document.createElement('p');
  p.className = 'problem';
  p.setAttribute('role', 'alert');
  p.textContent = `Stallwatch could not show this deal: ${error?.message || error}`;
  root.replaceChildren(p);
}

/**
 * Copies the message of a Today row (its hidden text), and applies the effects `recordFor(key)`
 * returns for that deal (the copied-suggestion memory the core builds). True when it was copied.
 */
export async function copyQueueMessage(/** @type {HTMLElement | null} */ row, /** @type {(key: string) => Promise<any>} */ recordFor) {
  const text = row?.querySelector('[data-testid="today-message"]')?.textContent;
  const button = row && $(row, `[data-action="${ACTION.TODAY_COPY}"]`);
  if (!text || !button || !(await writeClipboard(text))) return false;
  button.textContent = button.dataset.copied;
  await apply(await recordFor(row.dataset.key));
  return true;
}
