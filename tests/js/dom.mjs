// A DOM for the unit tests of the content script's pure parts: jsdom (pinned in package.json),
// with the browser globals those scripts use, and a way to run a classic script (the plan
// interpreter, the structure report) in that window.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

/** A window at `url` with `html`; `scripts` (paths) run in it, in order. */
export function windowWith(html, { url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view', scripts = [] } = {}) {
  const dom = new JSDOM(html, { url, runScripts: 'outside-only', pretendToBeVisual: true });
  for (const file of scripts) dom.window.eval(readFileSync(file, 'utf8'));
  return dom.window;
}

/** Makes `window`'s DOM globals the ones module code sees (relevance.js uses none but Node's constants). */
export function useGlobals(window) {
  for (const name of ['document', 'Node', 'NodeFilter', 'ShadowRoot', 'Element', 'HTMLElement', 'location', 'getComputedStyle']) {
    globalThis[name] = window[name];
  }
}
