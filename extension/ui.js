// Small helpers shared by the overlay and the popup.
import { apply } from './lib/store.js';

/** Copies the suggested message to the clipboard (never into the CRM's own composer); true when it was copied. */
export async function copyText(root) {
  const message = root.querySelector('[data-testid="next-message"]');
  const status = root.querySelector('.copied');
  if (!message) return false;
  const ok = await writeClipboard(message.textContent);
  if (status) status.textContent = ok ? 'Copied' : 'Select the text and copy it';
  return ok;
}

/** Puts `text` on the clipboard; false when the browser refused. */
export async function writeClipboard(text) {
  let ok = false;
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

/** Shows an unexpected failure in our own UI (as text) and logs it for bug reports. */
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
export async function copyQueueMessage(row, recordFor) {
  const text = row?.querySelector('[data-testid="today-message"]')?.textContent;
  const button = row?.querySelector('[data-action="today-copy"]');
  if (!text || !button || !(await writeClipboard(text))) return false;
  button.textContent = button.dataset.copied;
  await apply(await recordFor(row.dataset.key));
  return true;
}
