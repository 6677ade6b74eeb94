// A LARGE Lightning-like Opportunity record page, for the performance benchmark.
//
// The structure is tests/fixtures/salesforce/opportunity-gb-native.html made big: the same record
// scope, the same UTAM component chains with a declarative open shadow root at every LWC host
// (see tests/fixtures/salesforce/EVIDENCE.md §1 and ../shared/CRM_DOM_NOTES.md part 2 §1–2),
// the same Aura timeline inside flexipage-aura-wrapper, and hidden cached record pages first in
// document order. Around it: the bulk a real page carries (global header and navigation,
// utility bar, a long detail layout, related lists, a Chatter feed) so the page reaches a given
// element and shadow-root count. Everything is deterministic for a seed; dates are computed
// against today, in the en_GB forms the fixtures' {{date:…}} tokens render (harness.mjs).
//
// Usage:
//   import { largePage, describe, BUSY_SCRIPT, LARGE_URL } from './scripts/bench/large-page.mjs';
//   const html = largePage({ busy: true });   // serve at LARGE_URL, BUSY_SCRIPT at /bench-busy.js
//   describe(html)  // { elements, nativeRoots, timelineItems, bytes }
//   node scripts/bench/large-page.mjs [--busy] > page.html
import { readFileSync } from 'node:fs';

/** The URL the benchmark serves the page at. */
export const LARGE_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000BiG01AAB/view';

// ---- the page's own script (busy mode) ----------------------------------------------------------

/**
 * Served same-origin at /bench-busy.js (the page CSP is `script-src 'self'`). Two kinds of
 * mutation a real Lightning page makes that have nothing to do with the deal:
 *  - every 100 ms the global header clock's text changes (light DOM; like the header and the
 *    utility bar re-rendering);
 *  - every 2 s the "Last refreshed" badge of a custom component inside a native shadow root of
 *    the ACTIVE record page is re-rendered (the node is replaced), not a field that is read.
 * Counters are kept on window.__benchBusy (page world) for the benchmark to read; nothing is
 * written to the DOM apart from the two nodes above.
 */
export const BUSY_SCRIPT = `(() => {
  'use strict';
  const state = (window.__benchBusy = { clockTicks: 0, badgeRenders: 0, badgeFound: false });
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const stamp = (withTenths) => {
    const d = new Date();
    const s = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    return withTenths ? s + '.' + Math.floor(d.getMilliseconds() / 100) : s;
  };
  const clock = document.querySelector('[data-bench-busy="clock"]');
  if (clock) {
    setInterval(() => {
      clock.textContent = stamp(true);
      state.clockTicks += 1;
    }, 100);
  }
  // The badge's shadow root: walk down from the active record page, through open roots, to the
  // custom component's host. Found once; the roots are declarative, so they exist already.
  let badgeRoot = null;
  function findBadgeRoot() {
    const scope = document.querySelector('.windowViewMode-maximized.active.lafPageHost');
    if (!scope) return null;
    const stack = [scope];
    while (stack.length) {
      const node = stack.pop();
      for (const el of node.querySelectorAll('*')) {
        if (el.localName === 'c-opportunity-refresh-status' && el.shadowRoot) return el.shadowRoot;
        if (el.shadowRoot) stack.push(el.shadowRoot);
      }
    }
    return null;
  }
  setInterval(() => {
    badgeRoot = badgeRoot || findBadgeRoot();
    if (!badgeRoot) return;
    state.badgeFound = true;
    const old = badgeRoot.querySelector('[data-bench-busy="refreshed"]');
    if (!old) return;
    const fresh = document.createElement('span');
    fresh.className = old.className;
    fresh.setAttribute('data-bench-busy', 'refreshed');
    fresh.textContent = 'Last refreshed ' + stamp(false);
    old.replaceWith(fresh);
    state.badgeRenders += 1;
  }, 2000);
})();
`;

// ---- measuring ----------------------------------------------------------------------------------

const TAG = /<[a-zA-Z][a-zA-Z0-9_-]*(?=[\s/>])/g;
const ROOT = /<template shadowrootmode="open"/g;
const count = (s, re) => (s.match(re) || []).length;

/**
 * Elements in the parsed document: every start tag, minus the declarative shadow-root
 * <template>s (they become shadow roots, not elements). The page has no `<` in any text, style
 * or attribute, so a regex over the markup is exact.
 */
export function countElements(html) {
  return count(html, TAG) - count(html, ROOT);
}

/** Declarative (native, open) shadow roots. */
export function countNativeRoots(html) {
  return count(html, ROOT);
}

/** Past activity-timeline items of the ACTIVE record page (upcoming items and cached pages excluded). */
export function countTimelineItems(html) {
  const start = html.indexOf('class="windowViewMode-maximized oneContent active lafPageHost"');
  if (start < 0) return 0;
  const active = html.slice(start);
  const a = active.indexOf('<past-activity-groups>');
  const b = active.indexOf('</past-activity-groups>');
  if (a < 0 || b < 0) return 0;
  return count(active.slice(a, b), /<li class="row [A-Za-z]+ runtime_sales_activitiesActivityTimelineFixedStencil"/g);
}

/** What the page holds, measured from the markup. */
export function describe(html) {
  return {
    elements: countElements(html),
    nativeRoots: countNativeRoots(html),
    timelineItems: countTimelineItems(html),
    bytes: new TextEncoder().encode(html).length,
  };
}

// ---- small tools --------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  next.pick = (xs) => xs[Math.floor(next() * xs.length)];
  next.weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return next;
}

const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pad = (n) => String(n).padStart(2, '0');
const gbp = (n) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** 18-character record ids with real key prefixes (EVIDENCE.md: 006, 001, 003, 005, 00T, 00U, 02s, 0Q0 …). */
function idMaker(rng) {
  const seen = new Set();
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const S = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  return (prefix) => {
    for (;;) {
      let body = '';
      for (let i = 0; i < 5; i++) body += A[Math.floor(rng() * A.length)];
      let sfx = '';
      for (let i = 0; i < 3; i++) sfx += S[Math.floor(rng() * S.length)];
      const id = `${prefix}5g00000${body}${sfx}`;
      if (!seen.has(id.slice(0, 15))) {
        seen.add(id.slice(0, 15));
        return id;
      }
    }
  };
}

// ---- dates (the forms of tests/e2e/harness.mjs formatDate) ---------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today at noon plus `offset` days (harness dayFromToday). */
function dayFromToday(offset) {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return d;
}
/** en_GB short date `dd/MM/yyyy` (harness `gb`). */
const gbDate = (offset) => {
  const d = dayFromToday(offset);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
};
/** en_GB date-time `dd/MM/yyyy, HH:mm` (harness `gb_time`). */
const gbDateTime = (offset, hhmm) => `${gbDate(offset)}, ${hhmm}`;
/** ISO date (harness `iso`): what a correct reader understands. */
export const isoDate = (offset) => {
  const d = dayFromToday(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/**
 * Salesforce activity-timeline date in an en_GB org (harness `sf_tl_gb` / `sf_tl_gb_time`):
 * Yesterday/Today/Tomorrow alone, else `d MMM` (plus ` yyyy` in another year); with a time,
 * `HH:mm | ` in front.
 */
function timelineDate(offset, hhmm) {
  const d = dayFromToday(offset);
  let date;
  if (offset >= -1 && offset <= 1) date = ['Yesterday', 'Today', 'Tomorrow'][offset + 1];
  else {
    const year = d.getFullYear() === new Date().getFullYear() ? '' : ` ${d.getFullYear()}`;
    date = `${d.getDate()} ${MONTHS[d.getMonth()]}${year}`;
  }
  return hhmm ? `${hhmm} | ${date}` : date;
}

// ---- styles (the fixture's approach: a head <style>, and a <style> in every shadow root) -----------

const LIGHTNING_CSS = readFileSync(new URL('../../tests/fixtures/salesforce/_lightning.css', import.meta.url), 'utf8').replace(/<\//g, '');
// The fixture's own additions after the shared stylesheet (opportunity-gb-native.html <head>).
const FIXTURE_CSS =
  '.skip-timeline-wrapper,past-activity-groups{display:block}sfa-output-stage-name,records-modstamp,lightning-button,lightning-button-group,lst-formatted-text,lightning-icon{display:inline}.slds-media__figure{display:flex;align-items:flex-start}.showMore a{display:inline-block;width:14px;color:#706e6b;border:0;padding:0;background:none}.slds-timeline__trigger{display:flex;justify-content:space-between;align-items:baseline}.slds-truncate_container_75{display:flex;align-items:center;min-width:0}.slds-timeline__actions{display:flex;align-items:center;gap:4px}.dueDate{font-size:12px;color:#444;white-space:nowrap;padding-left:6px}.slds-dropdown-trigger a{color:#706e6b;padding:0 4px}.slds-checkbox{display:inline-block;margin-right:4px}.slds-section__title button{border:0;background:none;font:inherit;padding:0}.timeline-footer{text-align:center;padding:8px 0}';
const HEAD_CSS =
  ':is(sfa-output-stage-name,records-modstamp,lightning-button,lightning-button-group,lst-formatted-text,lightning-icon,lightning-formatted-text,lightning-formatted-number,force-lookup,force-owner-lookup,records-hoverable-link):not(:defined){display:inline}:is(force-lookup,records-hoverable-link) div{display:inline}flexipage-component2{margin-bottom:12px}' +
  // the synthetic-shadow header/nav and the utility bar (light DOM, styled from the document)
  'one-app-nav-bar,one-app-nav-bar-item-root,one-app-nav-bar-item-dropdown,.slds-context-bar__icon-action{display:inline-flex;align-items:center}.oneAppNavContainer{overflow:hidden;white-space:nowrap}.slds-context-bar__icon-action button{border:0;background:none;padding:0 2px;color:#706e6b}.slds-context-bar__secondary{display:flex;align-items:center;gap:18px;list-style:none;margin:0;padding:0}.slds-context-bar__secondary>li{display:inline-flex}.slds-dropdown{display:none}.bench-clock{font:12px/1 monospace;margin-left:12px;opacity:.85}' +
  '.oneUtilityBar{position:fixed;left:0;right:0;bottom:0;height:36px;background:#fff;border-top:1px solid #dddbda;z-index:5}.slds-utility-bar{display:flex;gap:4px;list-style:none;margin:0;padding:0 8px;height:36px;align-items:center}.slds-utility-bar__item button{border:0;background:none;font:inherit;color:#181818;padding:4px 8px}one-utility-bar-panel{display:none}body{padding-bottom:40px}';
const AURA_CSS = `${LIGHTNING_CSS}\n${FIXTURE_CSS}:host{display:block}` +
  '.forceChatterFeed .cuf-feedList,.cuf-commentList,.cuf-actions{list-style:none;margin:0;padding:0}.cuf-feedElement{border-bottom:1px solid #eee;padding:10px 0}.cuf-actions{display:flex;gap:12px;font-size:12px;margin-top:6px}.cuf-commentList{background:#f3f3f3;border-radius:4px;margin-top:6px;padding:6px 8px}.cuf-comment{font-size:12px;padding:3px 0}.slds-avatar{display:inline-flex;width:32px;height:32px;border-radius:50%;background:#c9c9c9;align-items:center;justify-content:center;margin-right:8px;font-size:11px}.cuf-timestamp{font-size:11px;color:#706e6b}';

const CSS = {
  block: ':host{display:block}',
  fc2: ':host{display:block}:host{margin-bottom:12px}',
  inline: ':host{display:inline}',
  lookup: ':host{display:inline}div{display:inline}',
  hover: ':host{display:inline}a{color:#0b5cab;text-decoration:none}div{display:inline}',
  template:
    ':host{display:block}.record-body{display:flex;gap:12px;margin-top:12px}.region-main{flex:2;min-width:0}.region-sidebar{flex:1;min-width:0}',
  highlights:
    ':host{display:block}.slds-page-header{background:#fff;border:1px solid #dddbda;border-radius:4px;padding:14px 16px;box-shadow:0 2px 2px rgba(0,0,0,.1)}.primaryFieldRow{display:flex;justify-content:space-between;align-items:center}.slds-media{display:flex;align-items:center}.slds-icon_container{display:inline-flex;width:32px;height:32px;border-radius:4px;color:#fff;align-items:center;justify-content:center;margin-right:10px;background:#ff5d2d}.entityNameTitle{font-size:12px;color:#444}h1{margin:0;font-size:inherit;font-weight:inherit}.slds-page-header__title{display:block;font-size:18px;font-weight:700}.slds-page-header__detail-row{display:flex;gap:40px;margin-top:14px}',
  ribbon:
    ':host{display:inline}button{background:#fff;border:1px solid #c9c9c9;border-radius:4px;color:#0b5cab;padding:4px 12px;font:inherit}',
  detailsItem: ':host{display:block}.slds-text-title{margin:0;font-size:12px;color:#444}.fieldComponent{margin:2px 0 0}',
  section:
    ':host{display:block}.slds-section__title{margin:6px 0;font-size:14px;font-weight:700;background:#f3f3f3;padding:5px 8px}.slds-section__title button{border:0;background:none;font:inherit;padding:0}',
  row: ':host{display:block}.slds-form__row{display:flex;gap:24px}::slotted(*){flex:1;min-width:0}',
  item: ':host{display:block}a{color:#0b5cab;text-decoration:none}.slds-assistive-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.slds-form-element{border-bottom:1px solid #e5e5e5;padding:6px 0}.test-id__field-label{display:block;font-size:12px;color:#444}.slds-form-element__control{display:flex;justify-content:space-between;min-height:18px}button{border:0;background:none;color:#999;font:inherit}',
  tabset:
    ':host{display:block}.slds-tabs_default{background:#fff;border:1px solid #dddbda;border-radius:4px;padding:12px 16px;margin-bottom:12px}.slds-tabs_default__nav{display:flex;list-style:none;margin:0 0 10px;padding:0;border-bottom:1px solid #dddbda}.slds-tabs_default__item{padding:8px 14px}.slds-tabs_default__item.slds-is-active{border-bottom:3px solid #0176d3;font-weight:600}a{color:inherit;text-decoration:none}',
  related:
    ':host{display:block}a{color:#0b5cab;text-decoration:none}.slds-assistive-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.slds-card{background:#fff;border:1px solid #dddbda;border-radius:4px;padding:12px 16px;margin-bottom:12px}h2{margin:0 0 8px;font-size:14px}.slds-card__header-link{color:#181818}.icon{display:inline-flex;width:24px;height:24px;border-radius:4px;color:#fff;align-items:center;justify-content:center;margin-right:8px;vertical-align:middle}.slds-icon-standard-contact{background:#a094ed}.slds-icon-standard-quotes{background:#88c651}.slds-icon-standard-product{background:#b781d3}.slds-icon-standard-file{background:#baac93}.slds-icon-standard-opportunity{background:#ff5d2d}ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:12px 24px}li{flex:1 1 30%;min-width:0}h3{margin:0 0 4px;font-size:13px}dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0;font-size:12px}dt{color:#444}dd{margin:0}.slds-card__footer{text-align:center;font-size:12px;margin-top:8px}',
  composer:
    ':host{display:block}.composer-tabs{display:flex;gap:6px;margin-bottom:8px}.slds-textarea{width:100%;box-sizing:border-box;border:1px solid #c9c9c9;border-radius:4px;padding:6px;font:inherit}label{font-size:12px;color:#444}.slds-button{background:#fff;border:1px solid #c9c9c9;border-radius:4px;color:#0b5cab;padding:4px 12px;font:inherit}',
  icon: ':host{display:inline}.slds-assistive-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
  badge:
    ':host{display:block}.slds-card{background:#fff;border:1px solid #dddbda;border-radius:4px;padding:8px 16px;display:flex;justify-content:space-between;align-items:center;font-size:12px}.slds-badge{background:#ecebea;border-radius:12px;padding:2px 8px;color:#444}',
};

// ---- native LWC building blocks (EVIDENCE.md §1 hooks) ------------------------------------------

/** A declarative open shadow root. */
const root = (css, inner) => `<template shadowrootmode="open"><style>${css}</style>${inner}</template>`;
/** Leaf base components keep their text inside their own root (EVIDENCE.md §1, L). */
const formattedText = (value, attrs = '') => `<lightning-formatted-text${attrs}>${root(CSS.inline, esc(value))}</lightning-formatted-text>`;
const formattedNumber = (value, attrs = '') => `<lightning-formatted-number${attrs}>${root(CSS.inline, esc(value))}</lightning-formatted-number>`;
const hoverableLink = (href, text) =>
  `<records-hoverable-link>${root(CSS.hover, `<div class="slds-grid"><a href="${href}" class="slds-truncate"><slot></slot></a></div>`)}<span>${esc(text)}</span></records-hoverable-link>`;
const forceLookup = (href, text, attrs = '') =>
  `<force-lookup${attrs}>${root(CSS.lookup, `<div class="slds-grid slds-grid_vertical-align-center">${hoverableLink(href, text)}</div>`)}</force-lookup>`;
const ownerLookup = (href, text, attrs = '') =>
  `<force-owner-lookup${attrs}>${root(CSS.lookup, `<div class="slds-grid ownerName">${forceLookup(href, text)}</div>`)}</force-owner-lookup>`;
const lstText = (value) => `<lst-formatted-text>${root(CSS.inline, `<span title="${esc(value)}">${esc(value)}</span>`)}</lst-formatted-text>`;
const checkIcon = () =>
  `<lightning-icon class="slds-icon-utility-check slds-icon_container">${root(CSS.icon, '<span class="slds-icon slds-icon-text-default slds-icon_x-small" aria-hidden="true">✓</span><span class="slds-assistive-text">True</span>')}</lightning-icon>`;
const fc2 = (componentId, slot, inner) =>
  `<flexipage-component2 data-component-id="${componentId}"${slot ? ` slot="${slot}"` : ''}>${root(CSS.fc2, '<slot></slot>')}${inner}</flexipage-component2>`;
const href = (id) => `/lightning/r/${id}/view`;

function highlightsItem(label, value) {
  return `<records-highlights-details-item slot="secondaryFields" class="slds-page-header__detail-block">${root(
    CSS.detailsItem,
    `<div><p class="slds-text-title slds-truncate" title="${esc(label)}">${esc(label)}</p><p class="fieldComponent slds-text-body--regular slds-show_inline-block slds-truncate"><slot></slot></p></div>`,
  )}${value}</records-highlights-details-item>`;
}

function highlights(o) {
  const inner = `<div class="highlights slds-clearfix slds-page-header slds-page-header_record-home"><div class="slds-grid primaryFieldRow"><div class="slds-grid slds-col slds-has-flexi-truncate"><div class="slds-media slds-no-space"><div class="slds-media__figure"><span class="slds-icon_container slds-icon-standard-opportunity" title="Opportunity">♛</span></div><div class="slds-media__body"><h1><div class="entityNameTitle slds-line-height_reset">Opportunity</div><slot name="primaryField" class="slds-page-header__title slds-m-right--small slds-align-middle clip-text slds-line-clamp"></slot></h1></div></div></div><div class="slds-col slds-no-flex slds-grid slds-align-middle actionsContainer"><runtime_platform_actions-actions-ribbon class="slds-button-group">${root(
    CSS.ribbon,
    '<div class="actionsContainer">' +
      ['Follow:+ Follow', 'NewEvent:New Event', 'NewTask:New Task', 'Edit:Edit', 'Clone:Clone', 'ChangeOwnerOne:Change Owner']
        .map((b) => {
          const [name, label] = b.split(':');
          return `<button class="slds-button slds-button_neutral" type="button" name="${name}">${esc(label)}</button> `;
        })
        .join('') +
      '</div>',
  )}</runtime_platform_actions-actions-ribbon></div></div><div class="slds-grid slds-page-header__detail-row"><slot name="secondaryFields"></slot></div></div>`;
  const slotted =
    formattedText(o.name, ' slot="primaryField"') +
    '\n' +
    highlightsItem('Account Name', forceLookup(href(o.account.id), o.account.name)) +
    '\n' +
    highlightsItem('Close Date', formattedText(gbDate(o.closeOffset))) +
    '\n' +
    highlightsItem('Amount', formattedText(gbp(o.amount))) +
    '\n' +
    highlightsItem('Opportunity Owner', ownerLookup(href(o.owner.id), o.owner.name));
  const chain = `<records-lwc-highlights-panel>${root(
    CSS.block,
    `<records-lwc-record-layout>${root(
      CSS.block,
      `<forcegenerated-highlightspanel_opportunity___012000000000000aaa___compact___view___recordlayout2 class="forcegenerated-record-layout2">${root(
        CSS.block,
        `<records-highlights2>${root(CSS.highlights, inner)}${slotted}</records-highlights2>`,
      )}</forcegenerated-highlightspanel_opportunity___012000000000000aaa___compact___view___recordlayout2>`,
    )}</records-lwc-record-layout>`,
  )}</records-lwc-highlights-panel>`;
  return fc2('force_highlightsPanel', 'header', chain);
}

// ---- Aura parts inside flexipage-aura-wrapper (no further roots inside) ---------------------------

function auraWrapper(inner) {
  return `<flexipage-aura-wrapper>${root(AURA_CSS, inner)}</flexipage-aura-wrapper>`;
}

const STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed'];

function path(stage) {
  const current = STAGES.indexOf(stage);
  const items = STAGES.map((s, i) => {
    if (i < current)
      return `<li class="slds-path__item slds-is-complete runtime_sales_pathassistantPathAssistantTab" role="presentation" data-name="${esc(s)}" data-aura-class="runtime_sales_pathassistantPathAssistantTab"><a class="slds-path__link" role="option" aria-selected="false" tabindex="-1"><span class="slds-path__stage"><span class="complete slds-assistive-text">Stage Complete</span></span><span class="slds-path__title">${esc(s)}</span></a></li>`;
    if (i === current)
      return `<li class="slds-path__item slds-is-current slds-is-active runtime_sales_pathassistantPathAssistantTab" role="presentation" data-name="${esc(s)}" data-aura-class="runtime_sales_pathassistantPathAssistantTab"><a class="slds-path__link" role="option" aria-selected="true" tabindex="0"><span class="slds-path__stage"><span class="current slds-assistive-text">Current Stage:</span></span><span class="slds-path__title">${esc(s)}</span></a></li>`;
    return `<li class="slds-path__item slds-is-incomplete runtime_sales_pathassistantPathAssistantTab" role="presentation" data-name="${esc(s)}" data-aura-class="runtime_sales_pathassistantPathAssistantTab"><a class="slds-path__link" role="option" aria-selected="false" tabindex="-1"><span class="slds-path__stage"><span class="slds-assistive-text">Stage:</span></span><span class="slds-path__title">${esc(s)}</span></a></li>`;
  }).join('\n');
  return fc2(
    'runtime_sales_pathassistant_PathAssistant',
    'main',
    auraWrapper(
      `<div class="runtime_sales_pathassistantCollapsibleDrawer" data-aura-class="runtime_sales_pathassistantCollapsibleDrawer"><div class="runtime_sales_pathassistantPathAssistant" data-aura-class="runtime_sales_pathassistantPathAssistant"><article class="slds-card slds-path"><div class="slds-grid slds-path__track"><div class="slds-path__scroller"><div class="slds-path__scroller_inner"><div class="runtime_sales_pathassistantPathAssistantTabSet" data-aura-class="runtime_sales_pathassistantPathAssistantTabSet"><ul class="slds-path__nav" role="listbox" aria-orientation="horizontal">\n${items}</ul></div></div></div></div><div class="slds-path__actions"><button class="slds-button" type="button">Show More</button><button class="slds-button slds-path__mark-complete" type="button">Mark as Current Stage</button></div></article></div></div>`,
    ),
  );
}

// ---- detail panel ---------------------------------------------------------------------------------

function layoutItem(label, api, value, { editable = true } = {}) {
  const edit = editable
    ? `<button class="inline-edit-trigger test-id__inline-edit-trigger slds-button slds-button_icon" type="button" title="Edit ${esc(label)}"><span class="slds-assistive-text">Edit ${esc(label)}</span>✎</button>`
    : '';
  return `<records-record-layout-item field-label="${esc(label)}" class="slds-form__item slds-no-space">${root(
    CSS.item,
    `<div class="slds-form-element slds-form-element_readonly slds-form-element_horizontal slds-hint-parent" data-target-selection-name="sfdc:RecordField.Opportunity.${api}"><span class="slds-form-element__label test-id__field-label">${esc(label)}</span><div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static"><slot name="outputField"></slot></span>${edit}</div></div>`,
  )}${value}</records-record-layout-item>`;
}
const out = ' slot="outputField" data-output-element-id="output-field"';
const textField = (label, api, v) => layoutItem(label, api, formattedText(v, out));
const numberField = (label, api, v) => layoutItem(label, api, formattedNumber(v, out));
const layoutRow = (items) => `<records-record-layout-row>${root(CSS.row, '<div class="slds-form__row"><slot></slot></div>')}\n${items.join('\n')}</records-record-layout-row>`;
function layoutSection(title, rows) {
  return `<records-record-layout-section>${root(
    CSS.section,
    `<div class="slds-section has-header slds-is-open"><h3 class="slds-section__title"><button class="slds-button slds-section__title-action" type="button" aria-expanded="true"><span class="slds-truncate" title="${esc(title)}">${esc(title)}</span></button></h3><div class="slds-section__content"><slot></slot></div></div>`,
  )}\n${rows.join('\n')}</records-record-layout-section>`;
}
function modstampField(label, api, user, stamp) {
  return layoutItem(
    label,
    api,
    `<span slot="outputField" class="slds-grid slds-grid_vertical-align-center">${forceLookup(href(user.id), user.name)}, <records-modstamp>${root(CSS.inline, formattedText(stamp))}</records-modstamp></span>`,
    { editable: false },
  );
}

function detailPanel(o) {
  const pairs = (xs) => {
    const rows = [];
    for (let i = 0; i < xs.length; i += 2) rows.push(layoutRow(xs.slice(i, i + 2)));
    return rows;
  };
  const info = [
    layoutItem('Opportunity Owner', 'OwnerId', ownerLookup(href(o.owner.id), o.owner.name, ' slot="outputField"'), { editable: false }),
    numberField('Amount', 'Amount', gbp(o.amount)),
    textField('Opportunity Name', 'Name', o.name),
    textField('Close Date', 'CloseDate', gbDate(o.closeOffset)),
    layoutItem('Account Name', 'AccountId', forceLookup(href(o.account.id), o.account.name, ' slot="outputField"')),
    textField('Next Step', 'NextStep', o.nextStep),
    textField('Type', 'Type', o.type),
    layoutItem('Stage', 'StageName', `<sfa-output-stage-name slot="outputField">${root(CSS.inline, esc(o.stage))}</sfa-output-stage-name>`),
    textField('Lead Source', 'LeadSource', o.leadSource),
    numberField('Probability (%)', 'Probability', `${o.probability}%`),
  ];
  if (o.full) {
    info.push(
      textField('Forecast Category', 'ForecastCategoryName', o.forecast),
      layoutItem('Primary Campaign Source', 'CampaignId', forceLookup(href(o.campaign.id), o.campaign.name, ' slot="outputField"')),
      numberField('Expected Revenue', 'ExpectedRevenue', gbp(Math.round((o.amount * o.probability) / 100))),
      textField('Private', 'IsPrivate', 'False'),
    );
  }
  const sections = [layoutSection('Opportunity Information', pairs(info))];
  if (o.full) {
    sections.push(
      layoutSection(
        'Additional Information',
        pairs([
          textField('Order Number', 'OrderNumber__c', o.orderNumber),
          textField('Main Competitor(s)', 'MainCompetitors__c', 'Samsara; Webfleet'),
          textField('Current Generator(s)', 'CurrentGenerators__c', 'None'),
          textField('Delivery/Installation Status', 'DeliveryInstallationStatus__c', 'Yet to begin'),
          textField('Tracking Number', 'TrackingNumber__c', o.trackingNumber),
          textField('Fleet Size', 'Fleet_Size__c', '312 vehicles'),
          textField('Depots in Scope', 'Depots_In_Scope__c', 'Doncaster; Wakefield; Hull; Grimsby'),
          textField('Contract Term', 'Contract_Term__c', '36 months'),
        ]),
      ),
      layoutSection('Description Information', [layoutRow([textField('Description', 'Description', o.description)])]),
    );
  }
  sections.push(
    layoutSection('System Information', [
      layoutRow([modstampField('Created By', 'CreatedById', o.createdBy, o.createdStamp), modstampField('Last Modified By', 'LastModifiedById', o.owner, o.modifiedStamp)]),
    ]),
  );
  const chain = `<records-lwc-detail-panel>${root(
    CSS.block,
    `<records-base-record-form>${root(
      CSS.block,
      `<div class="record-layout-container"><records-lwc-record-layout>${root(
        CSS.block,
        `<forcegenerated-detailpanel_opportunity___012000000000000aaa___full___view___recordlayout2 class="forcegenerated-record-layout2">${root(
          CSS.block,
          `\n${sections.join('\n')}`,
        )}</forcegenerated-detailpanel_opportunity___012000000000000aaa___full___view___recordlayout2>`,
      )}</records-lwc-record-layout></div>`,
    )}</records-base-record-form>`,
  )}</records-lwc-detail-panel>`;
  return chain;
}

function tabset(componentId, slot, tabs) {
  // tabs: [{ id, title, content }] — the first is shown; the others are empty hidden panels (as the fixture).
  const nav = tabs
    .map(
      (t, i) =>
        `<li class="slds-tabs_default__item${i === 0 ? ' slds-is-active' : ''}" title="${esc(t.title)}" role="presentation"><a class="slds-tabs_default__link" id="${t.id}" role="tab" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${esc(t.title)}</a></li>`,
    )
    .join('');
  const panels = tabs
    .map((t, i) =>
      i === 0
        ? `<flexipage-tab2 class="slds-tabs_default__content slds-show" aria-labelledby="${t.id}" role="tabpanel">${root(CSS.block, '<slot></slot>')}\n${t.content}</flexipage-tab2>`
        : `<flexipage-tab2 class="slds-tabs_default__content slds-hide" aria-labelledby="${t.id}" role="tabpanel" style="display: none"></flexipage-tab2>`,
    )
    .join('\n');
  return fc2(
    componentId,
    slot,
    `<flexipage-tabset2>${root(CSS.tabset, `<div class="slds-tabs_default"><ul class="slds-tabs_default__nav" role="tablist">${nav}</ul><slot></slot></div>`)}\n${panels}</flexipage-tabset2>`,
  );
}

// ---- related lists (lst-* chain; tile internals as the fixture, L) -------------------------------

function tile(titleHtml, pairs) {
  const dl = pairs
    .map(
      ([label, value]) =>
        `<dt class="slds-item_label slds-text-color_weak slds-truncate" title="${esc(label)}">${esc(label)}:</dt><dd class="slds-item_detail slds-truncate">${value}</dd>`,
    )
    .join('');
  return `<li class="slds-item"><article class="slds-tile"><h3 class="slds-tile__title slds-truncate">${titleHtml}</h3><div class="slds-tile__detail"><dl class="slds-list_horizontal slds-wrap">${dl}</dl></div></article></li>`;
}

function relatedList(o, { title, rel, icon, glyph, count, tiles }) {
  const link = `/lightning/r/Opportunity/${o.id}/related/${rel}/view`;
  const shown = count > 10 ? '10+' : String(count);
  return fc2(
    'lst_dynamicRelatedList',
    'main',
    `<lst-related-list-single-container>${root(
      CSS.block,
      `<lst-related-list-single-app-builder-mapper>${root(
        CSS.related,
        `<article class="slds-card slds-card_boundary forceRelatedListCardDesktop"><div class="slds-card__header slds-grid"><header class="slds-media slds-media_center slds-has-flexi-truncate"><h2 class="slds-card__header-title"><span class="icon slds-icon-standard-${icon}">${glyph}</span><a class="slds-card__header-link baseCard__header-title-container" href="${link}"><span class="slds-truncate slds-m-right--xx-small" title="${esc(title)}">${esc(title)}</span> <span class="slds-shrink-none slds-m-right--xx-small" title="(${shown})">(${shown})</span></a></h2></header></div><div class="slds-card__body"><ul class="slds-card__body_inner">\n${tiles.join('\n')}</ul></div><footer class="slds-card__footer"><a href="${link}"><span class="view-all-label">View All</span></a></footer></article>`,
      )}</lst-related-list-single-app-builder-mapper>`,
    )}</lst-related-list-single-container>`,
  );
}

const contactRoles = (o) =>
  relatedList(o, {
    title: 'Contact Roles',
    rel: 'OpportunityContactRoles',
    icon: 'contact',
    glyph: '☺',
    count: o.contacts.length,
    tiles: o.contacts.map((c) =>
      tile(hoverableLink(href(c.id), c.name), [
        ['Role', lstText(c.role)],
        ['Title', lstText(c.title)],
        ['Primary', c.primary ? checkIcon() : ''],
      ]),
    ),
  });
const quotes = (o) =>
  relatedList(o, {
    title: 'Quotes',
    rel: 'Quotes',
    icon: 'quotes',
    glyph: '❝',
    count: o.quotes.length,
    tiles: o.quotes.map((q) =>
      tile(hoverableLink(href(q.id), q.name), [
        ['Status', lstText(q.status)],
        ['Expiration Date', lstText(gbDate(q.expOffset))],
        ['Total Price', lstText(gbp(q.total))],
      ]),
    ),
  });
const products = (o) =>
  relatedList(o, {
    title: 'Products',
    rel: 'OpportunityLineItems',
    icon: 'product',
    glyph: '▣',
    count: o.products.length,
    tiles: o.products.map((p) =>
      tile(hoverableLink(href(p.id), p.name), [
        ['Quantity', lstText(p.qty.toLocaleString('en-GB') + '.00')],
        ['Sales Price', lstText(gbp(p.price))],
        ['Total Price', lstText(gbp(p.qty * p.price))],
      ]),
    ),
  });
const stageHistory = (o) =>
  relatedList(o, {
    title: 'Stage History',
    rel: 'OpportunityHistories',
    icon: 'opportunity',
    glyph: '♛',
    count: o.history.length,
    tiles: o.history.map((h) =>
      tile(lstText(h.stage), [
        ['Amount', lstText(gbp(h.amount))],
        ['Probability (%)', lstText(`${h.probability}%`)],
        ['Last Modified', lstText(gbDateTime(h.offset, h.time))],
      ]),
    ),
  });
const files = (o) =>
  relatedList(o, {
    title: 'Files',
    rel: 'AttachedContentDocuments',
    icon: 'file',
    glyph: '▤',
    count: o.files.length,
    tiles: o.files.map((f) =>
      tile(hoverableLink(href(f.id), f.name), [
        ['Last Modified', lstText(gbDate(f.offset))],
        ['Size', lstText(f.size)],
        ['File Extension', lstText(f.ext)],
      ]),
    ),
  });

// ---- activity panel (Aura, inside flexipage-aura-wrapper; EVIDENCE.md §1 timeline rows) -----------

const KIND = {
  email: { sobject: 'EmailMessage', cls: 'email', icon: 'email', title: 'Email', glyph: '✉', timed: true },
  call: { sobject: 'Task', cls: 'call', icon: 'log-a-call', title: 'Call', glyph: '☎', timed: false },
  task: { sobject: 'Task', cls: 'task', icon: 'task', title: 'Task', glyph: '✔', timed: false },
  event: { sobject: 'Event', cls: 'event', icon: 'event', title: 'Event', glyph: '▦', timed: true },
};

/** One timeline row. `it`: { kind, id, subject, offset, time, sub (html), checkbox: null|'open'|'done', details }. */
function timelineItem(it, aura) {
  const k = KIND[it.kind];
  const subject = esc(it.subject);
  const open = Boolean(it.details);
  const checkbox =
    it.checkbox === null || it.checkbox === undefined
      ? ''
      : `<div class="slds-checkbox"><input type="checkbox" id="${it.id}inputCheckbox"${it.checkbox === 'done' ? ' checked' : ''}><label class="slds-checkbox__label" for="${it.id}inputCheckbox"><span class="slds-checkbox_faux"></span><span class="slds-form-element__label slds-assistive-text">Mark ${subject} complete</span></label></div>`;
  const details = open
    ? `<article class="slds-box slds-timeline__item_details slds-theme_shade slds-m-top_x-small slds-m-horizontal_xx-small slds-p-around_medium" id="${it.id}-details" aria-hidden="false"><ul class="slds-list_horizontal slds-wrap">${it.details.fields
        .map(
          ([label, value]) =>
            `<li class="slds-grid slds-grid_vertical slds-size_1-of-2 slds-p-bottom_small"><span class="slds-text-title slds-p-bottom_x-small">${esc(label)}</span><span class="slds-text-body_medium slds-truncate" title="${esc(value)}">${esc(value)}</span></li>`,
        )
        .join('')}</ul><div><span class="slds-text-title">${esc(it.details.bodyLabel)}</span><p class="slds-p-top_x-small">${esc(it.details.body)}</p></div></article>`
    : '';
  const date = timelineDate(it.offset, k.timed ? it.time : null);
  return `<li class="row ${k.sobject} runtime_sales_activitiesActivityTimelineFixedStencil" data-aura-class="runtime_sales_activitiesActivityTimelineFixedStencil" data-aura-rendered-by="${aura()}"><div class="slds-timeline__item_expandable slds-timeline__item_${k.cls}${open ? ' slds-is-open' : ''}"><span class="slds-assistive-text">${k.title}</span><div class="slds-media"><div class="slds-media__figure"><div class="showMore slds-show"><a class="slds-button slds-button_icon" role="button" tabindex="0" aria-expanded="${open}" aria-label="${open ? 'Hide' : 'Show'} details for ${subject}">${open ? '▾' : '▸'}</a></div><div class="slds-icon_container slds-icon-standard-${k.icon} slds-timeline__icon" title="${k.title}">${k.glyph}</div></div><div class="slds-media__body timelineItem"><div class="slds-grid slds-grid_align-spread slds-timeline__trigger"><div class="slds-grid slds-grid_vertical-align-center slds-truncate_container_75 slds-no-space">${checkbox}<h3 class="slds-truncate" title="${subject}"><a class="subjectLink" title="${subject}" href="${href(it.id)}"><strong>${subject}</strong></a></h3></div><div class="slds-timeline__actions slds-timeline__actions_inline"><div class="slds-var-m-right_small dueDate slds-text-color_weak">${esc(date)}</div><div class="slds-dropdown-trigger slds-dropdown-trigger_click"><a class="slds-button slds-button_icon-border-filled slds-button_icon-x-small" role="button" tabindex="0" title="More Options">▾<span class="slds-assistive-text">More Options</span></a></div></div></div><p class="slds-m-horizontal_xx-small">${it.sub}</p>${details}</div></div></div></li>`;
}

/** Month groups of the past items: "This Month", then "<Month> • <Year>" (wording L, P2 §1.5). */
function pastGroups(items, aura) {
  const now = new Date();
  const groups = [];
  for (const it of items) {
    const d = dayFromToday(it.offset);
    const title = d.getMonth() === now.getMonth() && d.getFullYear() === now.getFullYear() ? 'This Month' : `${LONG[d.getMonth()]} • ${d.getFullYear()}`;
    if (!groups.length || groups[groups.length - 1].title !== title) groups.push({ title, items: [] });
    groups[groups.length - 1].items.push(it);
  }
  return groups
    .map(
      (g) =>
        `<div class="slds-section slds-is-open timelineGroup" data-aura-rendered-by="${aura()}"><h3 class="slds-section__title"><button class="slds-button slds-section__title-action" type="button" aria-expanded="true"><span class="slds-truncate" title="${esc(g.title)}">${esc(g.title)}</span></button></h3><ul class="slds-timeline">\n${g.items.map((it) => timelineItem(it, aura)).join('\n')}</ul></div>`,
    )
    .join('\n');
}

function composer(draft) {
  const button = (action, label) =>
    `<lightning-button-group data-target-selection-name="sfdc:QuickAction.Opportunity.${action}">${root(CSS.inline, '<slot></slot>')}<lightning-button>${root(
      CSS.ribbon,
      `<button class="slds-button slds-button_neutral" type="button" aria-label="${label}" title="${label}">${label}</button>`,
    )}</lightning-button></lightning-button-group> `;
  return `<runtime_sales_activities-activity-panel-composer>${root(
    CSS.composer,
    `<div class="composer-tabs">${button('SendEmail', 'Email')}${button('NewTask', 'New Task')}${button('NewEvent', 'New Event')}${button('LogACall', 'Log a Call')}</div><label class="slds-form-element__label" for="activityComposerComments">Comments</label>\n<textarea class="slds-textarea" id="activityComposerComments" name="comments" rows="3">${esc(draft)}</textarea><div class="composer-footer"><input type="checkbox" id="activityComposerFollowUp" name="createFollowUpTask"> <label for="activityComposerFollowUp">Create a follow-up task</label> <button class="slds-button" type="button">Save</button></div>`,
  )}</runtime_sales_activities-activity-panel-composer>`;
}

function activityPanel(o, aura) {
  return fc2(
    'runtime_sales_activities_activityPanel',
    null,
    auraWrapper(
      `<div class="runtime_sales_activitiesActivityPanel" id="activityPanelContainer" data-aura-class="runtime_sales_activitiesActivityPanel">\n${composer(o.draft)}<div class="runtime_sales_activitiesActivityTimeline2" data-aura-class="runtime_sales_activitiesActivityTimeline2"><div class="skip-timeline-wrapper"><div class="timeline-filters"><span>Filters: All time • All activities • All types</span><span><button class="slds-button filterMenuLink" type="button" title="Timeline Settings">⚙</button></span></div><div class="timeline-filters"><span></span><span><a role="button" tabindex="0">Refresh</a> • <a role="button" tabindex="0">Expand All</a> • <a role="button" tabindex="0">View All</a></span></div>
<div class="slds-section slds-is-open standardTimelineUpcomingActivities"><h3 class="slds-section__title" data-aura-rendered-by="743:0"><button class="slds-button slds-section__title-action" type="button" aria-expanded="true"><span class="slds-truncate" title="Upcoming &amp; Overdue">Upcoming &amp; Overdue</span></button></h3><ul class="slds-timeline">
${o.upcoming.map((it) => timelineItem(it, aura)).join('\n')}</ul></div>
<past-activity-groups><div class="pastActivities"><div class="activityHistories">
${pastGroups(o.past, aura)}</div><div class="timeline-footer"><button class="slds-button" type="button">Show All Activities</button> <a title="Show all past activities in a new tab" href="/lightning/r/Opportunity/${o.id}/related/ActivityHistories/view" target="_blank">↗</a></div></div></past-activity-groups></div></div></div>`,
    ),
  );
}

// ---- Chatter feed (Aura inside a wrapper root; class names invented, L) ---------------------------

function chatterPost(p, aura) {
  const initials = (n) => n.split(' ').map((w) => w[0]).join('');
  const comments = p.comments
    .map(
      (c) =>
        `<li class="cuf-comment slds-media" data-aura-rendered-by="${aura()}"><span class="slds-avatar slds-avatar_circle"><abbr title="${esc(c.author.name)}">${initials(c.author.name)}</abbr></span><div class="slds-media__body"><a class="cuf-entityLink" href="${href(c.author.id)}">${esc(c.author.name)}</a> <span class="cuf-commentBody">${esc(c.text)}</span><div class="cuf-timestamp"><span class="uiOutputDateTime">${esc(c.when)}</span> · <a role="button" tabindex="0">Like</a></div></div></li>`,
    )
    .join('');
  return `<li class="cuf-feedElement cuf-feedItem" data-aura-class="forceChatterFeedItem" data-aura-rendered-by="${aura()}"><article class="slds-media forceChatterFeedItemBody"><div class="slds-media__figure"><span class="slds-avatar slds-avatar_circle"><abbr title="${esc(p.author.name)}">${initials(p.author.name)}</abbr></span></div><div class="slds-media__body"><header class="cuf-feedItemHeader"><a class="cuf-entityLink" href="${href(p.author.id)}">${esc(p.author.name)}</a><div class="cuf-timestamp"><a href="${href(p.id)}"><span class="uiOutputDateTime">${esc(p.when)}</span></a></div></header><div class="cuf-body forceChatterMessageSegments"><p>${p.mention ? `<a class="cuf-mention" href="${href(p.mention.id)}">@${esc(p.mention.name)}</a> ` : ''}${esc(p.text)}</p></div><ul class="cuf-actions"><li><a role="button" tabindex="0">Like</a></li><li><a role="button" tabindex="0">Comment</a></li><li><a role="button" tabindex="0">Share</a></li></ul>${comments ? `<ul class="cuf-commentList">${comments}</ul>` : ''}</div></article></li>`;
}

function chatter(posts, aura) {
  return fc2(
    'forceChatter_exposedFeed',
    'main',
    auraWrapper(
      `<div class="slds-card forceChatterFeed" data-aura-class="forceChatterFeed" data-aura-rendered-by="${aura()}"><div class="cuf-publisherShareButton" data-aura-class="forceChatterPublisher"><div class="slds-box slds-box_x-small" role="button" tabindex="0">Share an update…</div> <button class="slds-button" type="button">Share</button></div><div class="cuf-feedSort">Most Recent Activity</div><ul class="cuf-feedList">\n${posts
        .map((p) => chatterPost(p, aura))
        .join('\n')}</ul></div>`,
    ),
  );
}

// ---- the custom component whose badge the busy script re-renders ----------------------------------

const refreshStatus = () =>
  fc2(
    'c_opportunityRefreshStatus',
    'sidebar',
    `<c-opportunity-refresh-status>${root(
      CSS.badge,
      '<div class="slds-card"><span>Deal data synced from ERP</span><span class="slds-badge" data-bench-busy="refreshed">Last refreshed 09:00:00</span></div>',
    )}</c-opportunity-refresh-status>`,
  );

// ---- one record page --------------------------------------------------------------------------------

function recordPage(o, { active, aura, extraMain = '' }) {
  const related = [contactRoles(o), o.products?.length ? products(o) : '', quotes(o), o.history?.length ? stageHistory(o) : '', o.files?.length ? files(o) : '']
    .filter(Boolean)
    .join('\n');
  const main = [
    path(o.stage),
    tabset('flexipage_tabset', 'main', [
      { id: 'detailTab__item', title: 'Details', content: fc2('force_detailPanel', null, `\n${detailPanel(o)}`) },
      { id: 'relatedListsTab__item', title: 'Related' },
    ]),
    related,
    extraMain,
  ]
    .filter(Boolean)
    .join('\n');
  const sidebar = [
    active ? refreshStatus() : '',
    tabset('flexipage_tabset2', 'sidebar', [
      { id: 'activityTab__item', title: 'Activity', content: activityPanel(o, aura) },
      { id: 'collaborateTab__item', title: 'Chatter' },
    ]),
  ]
    .filter(Boolean)
    .join('\n');
  const template = `<flexipage-record-home-template-desktop2>${root(
    CSS.template,
    '<div class="slds-grid slds-wrap"><div class="slds-col slds-size_1-of-1 header"><slot name="header"></slot></div></div><div class="record-body"><div class="region-main"><slot name="main"></slot></div><div class="region-sidebar"><slot name="sidebar"></slot></div></div>',
  )}\n${highlights(o)}\n${main}\n${sidebar}</flexipage-record-home-template-desktop2>`;
  const chain = `<one-record-home-flexipage2 data-aura-class="forceRecordHome">${root(
    CSS.block,
    `<forcegenerated-adg-rollup_component___force-generated__flexipage_-record-page___-opportunity_-record_-page___-opportunity___-v-i-e-w class="adg-rollup-wrapped">${root(
      CSS.block,
      `<forcegenerated-flexipage_opportunity_rec_l_opportunity__view_js class="forcegenerated-flexipage-module">${root(
        CSS.block,
        `<record_flexipage-record-page-decorator>${root(
          CSS.block,
          `<records-record-layout-event-broker>${root(CSS.block, '<slot></slot>')}${template}</records-record-layout-event-broker>`,
        )}</record_flexipage-record-page-decorator>`,
      )}</forcegenerated-flexipage_opportunity_rec_l_opportunity__view_js>`,
    )}</forcegenerated-adg-rollup_component___force-generated__flexipage_-record-page___-opportunity_-record_-page___-opportunity___-v-i-e-w>`,
  )}</one-record-home-flexipage2>`;
  return active
    ? `<!-- The ACTIVE, visible record page. -->\n<div class="windowViewMode-maximized oneContent active lafPageHost" data-aura-class="oneContent">\n${chain}\n</div>`
    : `<!-- Navigation cache: a previously viewed opportunity (${esc(o.name)}), hidden and NOT .active, before the active page. -->\n<div class="windowViewMode-maximized oneContent lafPageHost" style="display: none" data-aura-class="oneContent">\n${chain}\n</div>`;
}

// ---- the deal's data ----------------------------------------------------------------------------------

function hhmm(rng) {
  return `${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}`;
}

const SELLER_DOMAIN = 'acme-telematics.co.uk';
const emailOf = (name, domain) => `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.')}@${domain}`;

/** Sub-lines, actor link first (EVIDENCE.md §1, L): 005 "You" = outbound, 003 = the buyer acted. */
function subLine(kind, dir, rep, who) {
  const you = (t) => `<a href="${href(rep.id)}">${t}</a>`;
  const them = who ? `<a href="${href(who.id)}">${esc(who.name)}</a>` : '';
  if (dir === 'upcoming') return `${you('You')} have an upcoming ${kind === 'event' ? 'event' : 'task'} with ${them}`;
  if (kind === 'email') return dir === 'in' ? `${them} emailed ${you('you')}` : `${you('You')} emailed ${them}`;
  if (kind === 'call') return `${you('You')} logged a call with ${them}`;
  if (kind === 'event') return `${you('You')} had an event with ${them}`;
  return `${you('You')} had a task`;
}

const PHASES = [
  {
    topics: ['Fleet telematics — introduction', 'Intro call follow-up', 'Discovery notes — depot operations', 'Current tracking contract renewal', 'Fuel spend baseline', 'Depot visit — Doncaster'],
    events: ['Discovery call — fleet operations', 'Depot visit — Doncaster'],
    tasks: ['Research Bigfoot Freight fleet mix', 'Log discovery notes', 'Send intro deck'],
  },
  {
    topics: ['Demo recap — route replay and driver scoring', 'Pilot scope — 40 vehicles', 'Pilot install schedule', 'Driver app feedback', 'Pilot week 2 check-in', 'Tachograph download questions', 'Pilot data extract'],
    events: ['Product demo — route replay', 'Pilot kick-off — Wakefield depot', 'Pilot review — week 4'],
    tasks: ['Prepare pilot success criteria', 'Book installer for pilot vans', 'Pull pilot fuel savings report'],
  },
  {
    topics: ['Proposal — Fleet Rollout', 'Security questionnaire', 'Data processing agreement', 'Rollout phasing by depot', 'Pricing — 312 vehicles over 36 months', 'Reference call with Northway Haulage', 'Order form — Bigfoot Freight fleet rollout'],
    events: ['Commercial review — Bigfoot HQ', 'Security review with IT', 'Rollout planning workshop'],
    tasks: ['Draft proposal', 'Update close plan', 'Internal deal review prep'],
  },
];
const BODIES = {
  in: [
    'Thanks — useful. Let me check with the depot managers and come back to you.',
    'Can you send the numbers for the Hull depot separately?',
    'We are broadly happy; finance will want to see the payment schedule.',
    'Could we move the session to Thursday? Wednesday is a bank-holiday catch-up for us.',
    'The drivers liked the app. Two asked about battery drain on older handsets.',
    'IT has a few questions on hosting; I have copied Dev.',
  ],
  out: [
    'Following up on our call — attached are the notes and next steps.',
    'As promised, the pilot summary is attached. Headline: 7.4% fuel saving on the pilot vans.',
    'Happy to walk your finance team through the payment schedule whenever suits.',
    'Sharing the revised phasing: Doncaster first, then Wakefield, Hull and Grimsby.',
    'Just checking this landed — anything you need from us to move forward?',
  ],
  call: ['Discussed pilot results and next steps.', 'Walked through pricing; asked for a decision date.', 'Left a voicemail.', 'Quick check-in; no blockers mentioned.'],
  task: ['Done.', 'Notes added to the opportunity.', 'Shared with the deal team.'],
  event: ['Agenda: review, open questions, next steps.', 'On site; depot managers attended.', 'Teams call; recording shared afterwards.'],
};

/**
 * The active deal's timeline: the buyer's last reply 21 days ago, then only rep follow-ups
 * (emails and calls) and internal tasks; older history is a mix over about a year.
 */
function activeTimeline(rng, id, n, rep, contacts, oppName) {
  const { graham, claire } = contacts;
  const scripted = [
    { offset: -2, kind: 'call', dir: 'out', who: graham, subject: 'Voicemail — signed order form?', body: 'Left a voicemail asking whether the order form is with finance.' },
    { offset: -3, kind: 'task', dir: 'internal', subject: 'Update forecast — flag slip risk', body: 'Moved to Best Case pending a reply from Graham.' },
    { offset: -5, kind: 'email', dir: 'out', who: graham, subject: 'Re: Order form — any blockers on your side?', body: BODIES.out[4] },
    { offset: -8, kind: 'email', dir: 'out', who: graham, subject: 'Fleet Rollout — revised phasing option', body: BODIES.out[3] },
    { offset: -11, kind: 'call', dir: 'out', who: graham, subject: 'Call — order form status', body: 'No answer; will try again next week.' },
    { offset: -14, kind: 'email', dir: 'out', who: claire, subject: 'Finance pack — TCO and payment schedule', body: BODIES.out[2] },
    { offset: -17, kind: 'email', dir: 'out', who: graham, subject: 'Re: Order form — finance questions answered', body: 'Answers to the finance questions are below; the payment schedule is attached.' },
  ];
  const lastReply = { offset: -21, kind: 'email', dir: 'in', who: graham, subject: 'Re: Order form — need to run this past finance', body: 'Thanks Hannah. I need to run the final numbers past Claire in finance before I can sign. Will come back to you.' };
  let story;
  if (n <= 0) story = [];
  else if (n <= scripted.length + 1) story = [...scripted.slice(0, n - 1), lastReply];
  else story = [...scripted, lastReply];
  const rest = Math.max(0, n - story.length);
  // Older history, strictly before the last reply: ~2 items a week back to about a year+.
  const span = Math.max(30, Math.round(rest * 2.1));
  const offsets = Array.from({ length: rest }, () => -22 - Math.floor(rng() * span)).sort((a, b) => b - a);
  const people = [[contacts.graham, 5], [contacts.sunita, 2], [contacts.dev, 2], [contacts.claire, 1], [contacts.tom, 2], [contacts.aisha, 1]];
  const older = offsets.map((offset) => {
    const age = (-offset - 22) / span; // 0 = recent, 1 = oldest
    const phase = PHASES[age > 0.66 ? 0 : age > 0.33 ? 1 : 2];
    const kind = rng.weighted([['email-out', 30], ['email-in', 25], ['call', 18], ['task', 15], ['event', 12]]);
    const who = rng.weighted(people);
    const topic = rng.pick(phase.topics);
    if (kind === 'email-out') {
      // A thread starts once (the oldest mention, as offsets run newest first here: decided below).
      return { offset, kind: 'email', dir: 'out', who, topic, subject: topic, body: rng.pick(BODIES.out) };
    }
    if (kind === 'email-in') return { offset, kind: 'email', dir: 'in', who, subject: `Re: ${topic}`, body: rng.pick(BODIES.in) };
    if (kind === 'call') return { offset, kind: 'call', dir: 'out', who, subject: `${rng.pick(['Call', 'Catch-up call', 'Phone call', 'Check-in call'])} — ${who.name.split(' ')[0]}, ${topic.split(' — ')[0].toLowerCase()}`, body: rng.pick(BODIES.call) };
    if (kind === 'task') return { offset, kind: 'task', dir: 'internal', subject: rng.pick(phase.tasks), body: rng.pick(BODIES.task) };
    return { offset, kind: 'event', dir: 'in', who, subject: rng.pick(phase.events), body: rng.pick(BODIES.event) };
  });
  // Only the oldest outbound email on a topic opens the thread; later ones are replies in it.
  const opened = new Set();
  for (let i = older.length - 1; i >= 0; i--) {
    const x = older[i];
    if (!x.topic) continue;
    if (opened.has(x.topic)) x.subject = `Re: ${x.topic}`;
    opened.add(x.topic);
    delete x.topic;
  }
  const past = [...story, ...older].map((x) => ({ ...x, time: hhmm(rng) }));
  // Most recent first; within a day, the later time first.
  past.sort((a, b) => b.offset - a.offset || (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  return past.map((x) => toItem(rng, id, x, rep, oppName));
}

function toItem(rng, id, x, rep, oppName) {
  const prefix = { email: '02s', call: '00T', task: '00T', event: '00U' }[x.kind];
  const item = {
    kind: x.kind,
    id: id(prefix),
    subject: x.subject,
    offset: x.offset,
    time: x.time,
    sub: subLine(x.kind, x.dir, rep, x.who),
    checkbox: x.kind === 'task' ? (x.dir === 'upcoming' ? 'open' : 'done') : null,
    details: null,
  };
  // About one in five items was expanded by the rep: the SLDS blueprint's details card.
  if (x.dir !== 'upcoming' && x.body && rng() < 0.2) {
    if (x.kind === 'email') {
      const buyer = emailOf(x.who.name, 'bigfootfreight.co.uk');
      const seller = emailOf(rep.name, SELLER_DOMAIN);
      item.details = { fields: [['From Address', x.dir === 'in' ? buyer : seller], ['To Address', x.dir === 'in' ? seller : buyer]], bodyLabel: 'Text Body', body: x.body };
    } else if (x.kind === 'event') {
      item.details = { fields: [['Location', rng.pick(['Bigfoot Freight HQ, Doncaster', 'Microsoft Teams', 'Wakefield depot'])], ['Attendees', `${x.who.name} + ${rng.int(1, 4)} others`]], bodyLabel: 'Description', body: x.body };
    } else {
      item.details = { fields: [['Name', x.who ? x.who.name : rep.name], ['Related To', oppName]], bodyLabel: 'Description', body: x.body };
    }
  }
  return item;
}

function upcomingItems(rng, id, rep, who, oppName, specs) {
  return specs.map((s) => ({ ...toItem(rng, id, { ...s, dir: 'upcoming', who, time: hhmm(rng) }, rep, oppName), checkbox: s.kind === 'task' ? 'open' : null }));
}

/** A short history for a cached (hidden) page; it includes a fresh inbound touch (the trap). */
function cachedTimeline(rng, id, rep, who, oppName, n, freshOffset) {
  const xs = [{ offset: freshOffset, kind: 'email', dir: 'in', who, subject: `Re: ${oppName.split(' — ')[1]} — next steps`, body: BODIES.in[2] }];
  for (let i = 1; i < n; i++) {
    const offset = freshOffset - 2 - Math.floor(rng() * 90);
    const kind = rng.pick(['email-out', 'email-in', 'call', 'event']);
    if (kind === 'email-out') xs.push({ offset, kind: 'email', dir: 'out', who, subject: rng.pick(['Proposal', 'Follow-up', 'Pricing', 'Pilot results']), body: rng.pick(BODIES.out) });
    else if (kind === 'email-in') xs.push({ offset, kind: 'email', dir: 'in', who, subject: `Re: ${rng.pick(['Proposal', 'Pricing', 'Pilot results'])}`, body: rng.pick(BODIES.in) });
    else if (kind === 'call') xs.push({ offset, kind: 'call', dir: 'out', who, subject: 'Call — check-in', body: rng.pick(BODIES.call) });
    else xs.push({ offset, kind: 'event', dir: 'in', who, subject: 'Site visit', body: rng.pick(BODIES.event) });
  }
  const past = xs.map((x) => ({ ...x, time: hhmm(rng) }));
  past.sort((a, b) => b.offset - a.offset || (a.time < b.time ? 1 : -1));
  return past.map((x) => toItem(rng, id, x, rep, oppName));
}

// ---- chrome around the record pages (light DOM: Aura + synthetic-shadow LWC) ----------------------

/** Synthetic shadow: internals in the light DOM with lwc-<id> / lwc-<id>-host (P1 §0.1). */
function lwcIds(rng) {
  const cache = new Map();
  return (component) => {
    if (!cache.has(component)) {
      let s = '';
      for (let i = 0; i < 11; i++) s += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(rng() * 36)];
      cache.set(component, `lwc-${s}`);
    }
    return cache.get(component);
  };
}

function globalHeader(lwc, aura, recent) {
  const navBar = lwc('one-app-nav-bar');
  const navItem = lwc('one-app-nav-bar-item-root');
  const menu = lwc('one-app-nav-bar-item-dropdown');
  const tabs = [
    ['Home', '/lightning/page/home'],
    ['Opportunities', '/lightning/o/Opportunity/home'],
    ['Leads', '/lightning/o/Lead/home'],
    ['Tasks', '/lightning/o/Task/home'],
    ['Files', '/lightning/o/ContentDocument/home'],
    ['Accounts', '/lightning/o/Account/home'],
    ['Contacts', '/lightning/o/Contact/home'],
    ['Campaigns', '/lightning/o/Campaign/home'],
    ['Dashboards', '/lightning/o/Dashboard/home'],
    ['Reports', '/lightning/o/Report/home'],
    ['Chatter', '/lightning/page/chatter'],
    ['Groups', '/lightning/o/CollaborationGroup/home'],
    ['Calendar', '/lightning/o/Event/home'],
    ['People', '/lightning/o/User/home'],
    ['Cases', '/lightning/o/Case/home'],
    ['Forecasts', '/lightning/n/standard-Forecasting3'],
    ['Quotes', '/lightning/o/Quote/home'],
  ];
  const items = tabs
    .map(([label, url]) => {
      const activeTab = label === 'Opportunities';
      const drop = recent
        .filter((r) => r.nav === label)
        .map(
          (r) =>
            `<li class="slds-dropdown__item" role="presentation" ${menu}><a href="${href(r.id)}" role="menuitem" ${menu}><span class="slds-truncate" title="${esc(r.name)}" ${menu}>${esc(r.name)}</span></a></li>`,
        )
        .join('');
      return `<li class="slds-context-bar__item${activeTab ? ' slds-is-active' : ''}" ${navBar}><one-app-nav-bar-item-root ${navItem}-host data-id="${esc(label)}" data-aura-rendered-by="${aura()}"><a class="slds-context-bar__label-action" href="${url}" title="${esc(label)}" ${navItem}><span class="slds-truncate" ${navItem}>${esc(label)}</span></a><one-app-nav-bar-item-dropdown ${menu}-host ${navItem}><div class="slds-context-bar__icon-action" ${menu}><button class="slds-button slds-button_icon" type="button" title="${esc(label)} List" aria-haspopup="true" ${menu}>▾<span class="slds-assistive-text" ${menu}>${esc(label)} List</span></button><div class="slds-dropdown slds-dropdown_right" ${menu}><ul class="slds-dropdown__list" role="menu" ${menu}><li class="slds-dropdown__header" role="separator" ${menu}><span ${menu}>Recent records</span></li>${drop}</ul></div></div></one-app-nav-bar-item-dropdown></one-app-nav-bar-item-root></li>`;
    })
    .join('\n');
  return `<header id="oneHeader" class="slds-global-header_container oneHeader" data-aura-class="oneHeader" data-aura-rendered-by="${aura()}">
  <div class="slds-global-header">
    <div class="slds-global-header__item"><div class="slds-global-header__logo">☁ acme</div></div>
    <div class="slds-global-header__item slds-global-header__item_search forceSearchDesktopHeader" data-aura-class="forceSearchDesktopHeader">
      <input type="search" id="globalSearchInput" name="globalSearch" class="slds-input" placeholder="Search..." value="" aria-label="Search...">
    </div>
    <ul class="slds-global-actions"><li title="Favorites"></li><li title="Global Actions"></li><li title="Guidance Center"></li><li title="Help"></li><li title="Setup"></li><li title="Notifications"></li><li title="View profile"></li></ul>
    <div class="slds-global-header__item"><span class="bench-clock" data-bench-busy="clock" title="Local time">09:00:00.0</span></div>
  </div>
  <nav class="slds-context-bar oneAppNavContainer" data-aura-class="oneAppNavContainer">
    <span class="slds-context-bar__label-action appName">Sales</span>
    <one-app-nav-bar ${navBar}-host><nav class="slds-context-bar__secondary navCenter" role="navigation" aria-label="Global" ${navBar}><ul class="slds-context-bar__secondary" ${navBar}>
${items}
    </ul></nav></one-app-nav-bar>
  </nav>
</header>`;
}

function utilityBar(lwc, aura, recent, notes) {
  const bar = lwc('one-utility-bar');
  const panel = lwc('one-utility-bar-panel');
  const rec = lwc('force-recent-items');
  const item = (label, glyph) =>
    `<li class="slds-utility-bar__item" ${bar}><button class="slds-button slds-utility-bar__action" type="button" aria-pressed="false" ${bar}><lightning-icon class="slds-icon-utility-${label.toLowerCase().replace(/\s+/g, '_')}" lwc-2kp8svgb3ie-host ${bar}><span class="slds-icon_container" lwc-2kp8svgb3ie>${glyph}</span></lightning-icon><span class="slds-utility-bar__text" ${bar}>${esc(label)}</span></button></li>`;
  const recentList = recent
    .map(
      (r) =>
        `<li class="slds-listbox__item" ${rec}><div class="slds-media slds-listbox__option" ${rec}><span class="slds-media__figure" ${rec}><span class="slds-icon_container slds-icon-standard-${r.icon}" ${rec}>${r.glyph}</span></span><span class="slds-media__body" ${rec}><a href="${href(r.id)}" ${rec}><span class="slds-truncate" title="${esc(r.name)}" ${rec}>${esc(r.name)}</span></a><span class="slds-listbox__option-meta" ${rec}>${esc(r.type)}</span></span></div></li>`,
    )
    .join('\n');
  const notesList = notes
    .map((n) => `<li class="slds-item" ${panel}><h3 class="slds-truncate" ${panel}>${esc(n.title)}</h3><p class="slds-text-body_small" ${panel}>${esc(n.text)}</p></li>`)
    .join('\n');
  return `<footer class="oneUtilityBar slds-utility-bar_container" data-aura-class="oneUtilityBar" data-aura-rendered-by="${aura()}" aria-label="Utility Bar">
<one-utility-bar ${bar}-host><ul class="slds-utility-bar" ${bar}>${item('Recent Items', '⟲')}${item('Notes', '✎')}${item('Omni-Channel', '◎')}${item('Einstein Activity Capture', '✦')}${item('Open CTI Softphone', '☎')}</ul>
<one-utility-bar-panel ${panel}-host data-panel="Recent Items" style="display: none"><section class="slds-utility-panel" role="dialog" ${panel}><header class="slds-utility-panel__header" ${panel}><h2 ${panel}>Recent Items</h2></header><div class="slds-utility-panel__body" ${panel}><force-recent-items ${rec}-host ${panel}><ul class="slds-listbox slds-listbox_vertical" role="listbox" ${rec}>
${recentList}</ul></force-recent-items></div></section></one-utility-bar-panel>
<one-utility-bar-panel ${panel}-host data-panel="Notes" style="display: none"><section class="slds-utility-panel" role="dialog" ${panel}><header class="slds-utility-panel__header" ${panel}><h2 ${panel}>Notes</h2></header><div class="slds-utility-panel__body" ${panel}><ul class="slds-has-dividers_bottom" ${panel}>
${notesList}</ul></div></section></one-utility-bar-panel>
</one-utility-bar></footer>`;
}

// ---- the page ------------------------------------------------------------------------------------------

/**
 * A complete HTML document: a hidden cached record page or two, then the active one
 * ("Bigfoot Freight — Fleet Rollout"), inside the Lightning desktop chrome.
 */
export function largePage({ busy = false, timelineItems = 200, targetElements = 16000, nativeRoots = 400, seed = 1 } = {}) {
  const rng = prng(seed);
  const id = idMaker(rng);
  const lwc = lwcIds(rng);
  let auraCounter = 200;
  const aura = () => `${(auraCounter += 1 + Math.floor(rng() * 6))}:0`;

  // People and records.
  const hannah = { id: id('005'), name: 'Hannah Okoye' };
  const priya = { id: id('005'), name: 'Priya Desai' };
  const marcus = { id: id('005'), name: 'Marcus Bell' };
  // The integration user: never shown, but its id is drawn so the ids after it stay as they were.
  id('005');
  const users = [hannah, priya, marcus, { id: id('005'), name: 'Sam Whitfield' }, { id: id('005'), name: 'Lucy Tran' }];
  const mk = (name, role, title, primary = false) => ({ id: id('003'), name, role, title, primary });
  const contacts = {
    sunita: mk('Sunita Rao', 'Evaluator', 'Procurement Manager'),
    dev: mk('Dev Malhotra', 'Technical Buyer', 'IT Director'),
    graham: mk('Graham Pike', 'Decision Maker', 'Head of Fleet Operations', true),
    claire: mk('Claire Whitmore', 'Economic Buyer', 'Finance Director'),
    tom: mk('Tom Hargreaves', 'Influencer', 'Depot Manager, Doncaster'),
    aisha: mk('Aisha Begum', 'Evaluator', 'Operations Analyst'),
  };
  const oppName = 'Bigfoot Freight — Fleet Rollout';
  const oppId = new URL(LARGE_URL).pathname.split('/')[4];
  const past = activeTimeline(rng, id, Math.max(0, timelineItems), hannah, contacts, oppName);
  const oldest = past.length ? past[past.length - 1].offset : -30;
  // Created before the oldest activity, on a day over 12 so the page settles day-first itself (P2 §7).
  let created = oldest - 7;
  while (dayFromToday(created).getDate() <= 12) created -= 1;
  const active = {
    id: oppId,
    full: true,
    name: oppName,
    account: { id: id('001'), name: 'Bigfoot Freight Ltd' },
    stage: 'Negotiation/Review',
    amount: 148250,
    closeOffset: 9,
    owner: hannah,
    nextStep: 'Signed order form from Graham (finance sign-off)',
    type: 'New Customer',
    leadSource: 'Trade Show',
    probability: 90,
    forecast: 'Commit',
    campaign: { id: id('701'), name: 'Road Transport Expo — Birmingham' },
    orderNumber: 'BF-2231',
    trackingNumber: 'RX-48817-BF',
    description:
      'Telematics for 312 HGVs and vans across four Yorkshire and Humber depots, replacing the current tracking contract at renewal. Pilot on 40 vehicles at Wakefield showed a 7.4% fuel saving. Decision with Graham Pike; finance sign-off by Claire Whitmore.',
    createdBy: marcus,
    createdStamp: gbDateTime(created, '09:12'),
    modifiedStamp: gbDateTime(-1, '16:48'),
    contacts: [contacts.sunita, contacts.dev, contacts.graham, contacts.claire, contacts.tom, contacts.aisha],
    quotes: [
      { id: id('0Q0'), name: 'Fleet Rollout — 312 vehicles, 36 months', status: 'Presented', expOffset: 12, total: 146880 },
      { id: id('0Q0'), name: 'Fleet Rollout — phased, 2 depots first', status: 'Draft', expOffset: 20, total: 71340 },
      { id: id('0Q0'), name: 'Pilot extension — 40 vehicles', status: 'Accepted', expOffset: -60, total: 9600 },
    ],
    products: [
      ['Telematics unit — HGV (CAN-bus)', 188, 240],
      ['Telematics unit — LCV', 124, 165],
      ['Driver app licence (36 months)', 340, 72],
      ['Dual-facing dashcam', 188, 110],
      ['Tachograph remote download', 188, 18],
      ['Installation — per vehicle', 312, 45],
      ['Project management — rollout', 1, 6400],
      ['Training — depot managers (day)', 4, 850],
    ].map(([name, qty, price]) => ({ id: id('00k'), name, qty, price })),
    history: [
      ['Prospecting', 120000, 10, created + 1],
      ['Qualification', 120000, 20, Math.round(created * 0.8)],
      ['Needs Analysis', 135000, 20, Math.round(created * 0.6)],
      ['Value Proposition', 135000, 50, Math.round(created * 0.4)],
      ['Proposal/Price Quote', 152400, 75, Math.round(created * 0.2)],
      ['Negotiation/Review', 148250, 90, -24],
    ]
      .reverse()
      .map(([stage, amount, probability, offset]) => ({ stage, amount, probability, offset, time: hhmm(rng) })),
    files: [],
    draft: 'Hi Graham, just following up once more on the order form — is there anything Claire',
    upcoming: upcomingItems(rng, id, hannah, contacts.graham, oppName, [
      { kind: 'task', offset: -3, subject: 'Send security questionnaire answers to Dev' },
      { kind: 'task', offset: 1, subject: 'Chase Graham: signed order form' },
      { kind: 'event', offset: 6, subject: 'Steering committee — rollout go/no-go' },
    ]),
    past,
  };

  // Two cached pages (previously viewed opportunities), hidden and before the active one.
  const rhys = { id: id('003'), name: 'Rhys Morgan', role: 'Decision Maker', title: 'Operations Director', primary: true };
  const emma = { id: id('003'), name: 'Emma Blake', role: 'Business User', title: 'Logistics Lead', primary: false };
  const ian = { id: id('003'), name: 'Ian Foster', role: 'Decision Maker', title: 'Managing Director', primary: true };
  const cachedA = {
    id: id('006'),
    name: 'Harbour Lane Logistics — Yard Telematics',
    account: { id: id('001'), name: 'Harbour Lane Logistics Ltd' },
    stage: 'Proposal/Price Quote',
    amount: 64900,
    closeOffset: 33,
    owner: priya,
    nextStep: 'Revise yard sensor count',
    type: 'New Customer',
    leadSource: 'Web',
    probability: 75,
    createdBy: priya,
    createdStamp: gbDateTime(-140, '10:04'),
    modifiedStamp: gbDateTime(0, '08:31'),
    contacts: [emma, rhys],
    quotes: [{ id: id('0Q0'), name: 'Yard Telematics — Year 1', status: 'Presented', expOffset: 25, total: 61200 }],
    draft: '',
    upcoming: [],
  };
  cachedA.past = cachedTimeline(rng, id, priya, rhys, cachedA.name, 16, 0);
  const cachedB = {
    id: id('006'),
    name: 'Moorland Dairies — Cold Chain Sensors',
    account: { id: id('001'), name: 'Moorland Dairies plc' },
    stage: 'Qualification',
    amount: 22400,
    closeOffset: 58,
    owner: hannah,
    nextStep: 'Book site survey',
    type: 'New Customer',
    leadSource: 'Partner Referral',
    probability: 20,
    createdBy: hannah,
    createdStamp: gbDateTime(-45, '13:37'),
    modifiedStamp: gbDateTime(-1, '11:02'),
    contacts: [ian],
    quotes: [{ id: id('0Q0'), name: 'Cold Chain Sensors — survey', status: 'Draft', expOffset: 40, total: 2400 }],
    draft: '',
    upcoming: upcomingItems(rng, id, hannah, ian, 'Moorland Dairies — Cold Chain Sensors', [{ kind: 'event', offset: 2, subject: 'Site survey — Skipton' }]),
  };
  cachedB.past = cachedTimeline(rng, id, hannah, ian, cachedB.name, 10, -1);

  // Recent items (nav dropdowns and the utility bar's Recent Items panel).
  const recent = [];
  const recentNames = [
    ['Opportunities', 'Opportunity', 'opportunity', '♛', [cachedA.name, cachedB.name, 'Northway Haulage — Driver Scoring', 'Pennine Coaches — Fleet Cameras', 'Calder Mills — Warehouse Scanners', 'Wolds Waste — Bin Lift Sensors']],
    ['Accounts', 'Account', 'account', '▥', ['Bigfoot Freight Ltd', 'Harbour Lane Logistics Ltd', 'Moorland Dairies plc', 'Northway Haulage', 'Pennine Coaches']],
    ['Contacts', 'Contact', 'contact', '☺', ['Rhys Morgan', 'Emma Blake', 'Ian Foster', 'Jo Whitaker', 'Ben Ashworth']],
    ['Leads', 'Lead', 'lead', '★', ['Kirsty Lowe — Humber Reefers', 'Dan Price — Tees Valley Skips', 'Amira Shah — Airedale Couriers']],
    ['Reports', 'Report', 'report', '▤', ['Pipeline by Stage — This Quarter', 'Stalled Deals — No Reply 14d', 'Activities by Rep']],
    ['Dashboards', 'Dashboard', 'dashboard', '▦', ['Sales Leadership — North', 'Rep Scorecard']],
  ];
  const prefixes = { Opportunity: '006', Account: '001', Contact: '003', Lead: '00Q', Report: '00O', Dashboard: '01Z' };
  for (const [nav, type, icon, glyph, names] of recentNames) for (const name of names) recent.push({ nav, type, icon, glyph, name, id: id(prefixes[type]) });
  const notes = [
    { title: 'Bigfoot — finance questions', text: 'Claire wants the payment schedule split by depot go-live.' },
    { title: 'Pipeline call prep', text: 'Bigfoot slipping? Harbour Lane on track. Moorland early.' },
    { title: 'Installer capacity', text: 'Max 40 vehicles a week per depot team.' },
  ];

  // Assemble, then grow the bulk to the targets: Files tiles add native roots (4 each),
  // Chatter posts add light elements inside one wrapper root.
  const fileNames = ['Pilot results — Wakefield', 'Fuel savings model', 'Security questionnaire', 'Data processing agreement', 'Order form', 'Rollout plan', 'Installer schedule', 'Driver app guide', 'Depot survey — Hull', 'Depot survey — Grimsby', 'Reference — Northway Haulage', 'Pricing workbook', 'Board summary', 'Dashcam policy template', 'Tachograph compliance note'];
  const makeFiles = (n) =>
    Array.from({ length: n }, (_, i) => {
      const base = fileNames[i % fileNames.length];
      const v = Math.floor(i / fileNames.length);
      const ext = rng.pick(['pdf', 'xlsx', 'docx', 'pptx']);
      return { id: id('069'), name: `${base}${v ? ` v${v + 1}` : ''}.${ext}`, ext, size: `${(rng() * 9 + 0.1).toFixed(1)} MB`, offset: -rng.int(22, 300) };
    });
  const chatterTexts = [
    'Pilot numbers are in — 7.4% fuel saving on the Wakefield vans.',
    'Can someone from solutions join the security review on Thursday?',
    'Finance pack sent to Claire. Waiting on Graham for the order form.',
    'Installer capacity confirmed for a Doncaster-first rollout.',
    'Deal desk approved the 36-month pricing.',
    'Reminder: reference call with Northway Haulage needs a host.',
    'Updated the close plan; risk is finance sign-off timing.',
    'Graham mentioned a budget freeze rumour — keep an eye on it.',
  ];
  const commentTexts = ['Thanks!', 'On it.', 'Can do — send me the invite.', 'Nice work.', 'Noted, will update the forecast.', 'Let me check with the installer.'];
  const relTime = (d) => (d === 0 ? `${rng.int(1, 9)}h ago` : d < 7 ? `${d}d ago` : d < 60 ? `${Math.floor(d / 7)}w ago` : `${Math.floor(d / 30)}mo ago`);
  const makePost = (i) => {
    const d = Math.min(400, Math.floor(i * 2.5) + rng.int(0, 2));
    return {
      id: id('0D5'),
      author: rng.pick(users),
      when: relTime(d),
      text: rng.pick(chatterTexts),
      mention: rng() < 0.4 ? rng.pick(users) : null,
      comments: Array.from({ length: rng.int(0, 3) }, () => ({ author: rng.pick(users), text: rng.pick(commentTexts), when: relTime(Math.max(0, d - rng.int(0, 2))) })),
    };
  };

  const build = (nCached, nFiles, posts) => {
    active.files = nFiles ? makeFiles(nFiles) : [];
    const body = [
      globalHeader(lwc, aura, recent),
      '<div class="viewport" aria-hidden="false">\n<section class="stage oneCenterStage" data-aura-class="oneCenterStage">\n<div class="slds-template__container">\n<div class="lafSinglePaneWindowManager" data-aura-class="lafSinglePaneWindowManager">',
      ...[cachedA, cachedB].slice(2 - nCached).map((o) => recordPage(o, { active: false, aura })),
      recordPage(active, { active: true, aura, extraMain: posts.length ? chatter(posts, aura) : '' }),
      '</div></div></section></div>',
      utilityBar(lwc, aura, recent, notes),
    ].join('\n');
    return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${esc(oppName)} | Salesforce</title>
<!-- Stallwatch benchmark page (scripts/bench/large-page.mjs, seed ${seed}): opportunity-gb-native.html's structure, made large. Not a capture. -->
<style>
${LIGHTNING_CSS}
${FIXTURE_CSS}${HEAD_CSS}
</style>
</head>
<body>
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost" data-aura-class="oneOne">
${body}
</div>${busy ? '\n<script src="/bench-busy.js"></script>' : ''}
</body>
</html>
`;
  };

  // Every step below draws from the same seeded PRNG in the same order, so the result is a
  // function of the options alone. Two cached pages when the shadow-root budget allows, else
  // one; then Files tiles (4 roots each) up to `nativeRoots`, then Chatter posts (light
  // elements inside one wrapper root) up to `targetElements`.
  let nCached = 2;
  let base = build(nCached, 2, []);
  if (countNativeRoots(base) > nativeRoots - 8) {
    nCached = 1;
    base = build(nCached, 2, []);
  }
  const nFiles = Math.max(2, 2 + Math.round((nativeRoots - countNativeRoots(base)) / 4));
  const withFiles = nFiles === 2 ? base : build(nCached, nFiles, []);
  const budget = targetElements - countElements(withFiles) - countElements(chatter([], aura));
  const posts = [];
  for (let used = 0; budget - used > 0; ) {
    const post = makePost(posts.length);
    const n = countElements(chatterPost(post, aura));
    if (posts.length && used + n - budget > budget - used) break; // closer without it
    posts.push(post);
    used += n;
  }
  return build(nCached, nFiles, posts);
}

// CLI: print a page (node scripts/bench/large-page.mjs [--busy] [--seed=N]).
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? 1);
  const html = largePage({ busy: args.includes('--busy'), seed });
  if (args.includes('--describe')) console.log(describe(html));
  else process.stdout.write(html);
}
