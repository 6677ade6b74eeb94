// @ts-check
// "Not right here": the rep's corrections to a reason, on the card and in the popup. The core
// decides what is kept (`PageReading.corrected` / `uncorrected` return the effects); this file
// only keeps which reason's choices are open and where the keyboard goes after a redraw.
import { ACTION } from './lib/protocol.js';

/** The actions this file handles. @type {readonly string[]} */
export const CORRECTION_ACTIONS = /* @__PURE__ */ Object.freeze([ACTION.CORRECT, ACTION.CORRECT_AS, ACTION.CORRECT_CANCEL, ACTION.UNCORRECT]);

/**
 * What a correction control asks for, from its `data-action` and data: a pure step, so it can
 * be tested without a page. `day` is the date picked next to a choice that needs one.
 * @param {string | undefined} action
 * @param {{ code?: string, said?: string }} data
 * @param {string} day
 * @returns {{ open: string | null, store: null | { undo: boolean, code: string, said: string, day: string }, focus: string | null } | null}
 */
export function correctionStep(action, data, day) {
  const code = data.code ?? '';
  if (!code) return null;
  const notRight = `[data-action="${ACTION.CORRECT}"][data-code="${code}"], [data-action="${ACTION.CORRECT_CANCEL}"][data-code="${code}"]`;
  switch (action) {
    case ACTION.CORRECT:
      return { open: code, store: null, focus: `[data-code="${code}"] [data-autofocus]` };
    case ACTION.CORRECT_CANCEL:
      return { open: null, store: null, focus: notRight };
    case ACTION.CORRECT_AS:
      return { open: null, store: { undo: false, code, said: data.said ?? '', day }, focus: `[data-action="${ACTION.UNCORRECT}"][data-code="${code}"]` };
    case ACTION.UNCORRECT:
      return { open: null, store: { undo: true, code, said: '', day: '' }, focus: notRight };
    default:
      return null;
  }
}

/**
 * The date picked next to a "correct-as" button (its row's date input), or ''.
 * @param {HTMLElement} button
 */
export function pickedDay(button) {
  const input = button.parentElement?.querySelector('input[type="date"]');
  return input instanceof HTMLInputElement ? input.value : '';
}

/**
 * Handles a click on a correction control. `open` is the reason whose choices are open (the
 * caller keeps it and passes it to the render); `redraw` draws again with the new state.
 * Returns the new open reason, or undefined when the click was not a correction's.
 * @param {HTMLElement} target
 * @param {{
 *   page: { corrected(stored: any, code: string, said: string, day: string, now: number): any, uncorrected(stored: any, code: string, now: number): any },
 *   read: () => Promise<Record<string, any>>,
 *   apply: (effects: any) => Promise<void>,
 *   redraw: (open: string | null) => Promise<void> | void,
 *   root: ParentNode,
 * }} ctx
 */
export async function onCorrection(target, ctx) {
  const step = correctionStep(target.dataset.action, target.dataset, target.dataset.action === ACTION.CORRECT_AS ? pickedDay(target) : '');
  if (!step) return undefined;
  if (step.store) {
    const { undo, code, said, day } = step.store;
    const stored = await ctx.read();
    const effects = undo ? ctx.page.uncorrected(stored, code, Date.now()) : ctx.page.corrected(stored, code, said, day, Date.now());
    const nothing = !effects?.set || Object.keys(effects.set).length === 0;
    if (nothing && effects?.status) {
      // Refused (no date, a reply dated after today): say why next to the choices, keep them open.
      const status = target.closest('[data-testid="correct-choices"]')?.querySelector('[data-testid="correct-status"]');
      if (status) status.textContent = effects.status;
      return code;
    }
    await ctx.apply(effects);
  }
  await ctx.redraw(step.open);
  if (step.focus) /** @type {HTMLElement | null} */ (ctx.root.querySelector(step.focus))?.focus();
  return step.open;
}
