// @ts-check
// Stallwatch page-structure report, for a rep to copy into a bug report when reading fails:
// tags, classes, our hook attributes, open shadow roots. Never text or a value that could be CRM
// data: text and labels show as lengths, ids are redacted. Reads only (no innerHTML, no writes,
// no network); an explicit stack, not recursion, with caps on depth, lines and elements.
(() => {
  'use strict';
  const words = (s) => new Set(s.split(' '));
  const HOOKS = words('data-test-id data-testid data-selenium-test data-target-selection-name data-table-external-id ' +
    'data-column-id data-row-key-value data-field-id data-event-type data-selenium-event-type data-aura-class ' +
    'data-component-id data-card-type slot role');
  const LABELS = words('data-label field-label aria-label title'); // localised, but may hold data
  const KEEP = words('lightning r o n page list home pipelineInspection view related contacts record objects views board all deal deals Recent');
  // Words of the CRMs' own schema and frameworks, which say nothing about a customer: the report
  // keeps them, and nothing else that is a single word (a class, a tag, a hook value, a slot
  // could carry a surname). Salesforce's standard objects and relationships (after /r/, /o/,
  // /related/), query keys, ARIA roles, HubSpot's default stage ids.
  const OBJECTS = words('Opportunity Account Contact Lead Task Event User Case Campaign EmailMessage ' +
    'OpportunityContactRole OpportunityLineItem Quote Contract Report Dashboard Note ContentDocument ' +
    'OpenActivities ActivityHistories OpportunityContactRoles Contacts Opportunities Histories ' +
    'OpportunityHistories OpportunityLineItems CombinedAttachments AttachedContentDocuments');
  const QUERY_KEYS = words('filterName ws viewId tab view sortBy sortDirection');
  const ROLES = words('alert application article banner button cell checkbox columnheader combobox complementary ' +
    'contentinfo dialog document feed figure form grid gridcell group heading img link list listbox listitem log ' +
    'main menu menubar menuitem navigation none note option presentation progressbar radio radiogroup region row ' +
    'rowgroup rowheader search searchbox separator slider spinbutton status switch tab table tablist tabpanel ' +
    'textbox timer toolbar tooltip tree treeitem');
  const STAGE_IDS = words('appointmentscheduled qualifiedtobuy presentationscheduled decisionmakerboughtin contractsent closedwon closedlost');
  // Framework class and tag prefixes (SLDS, Lightning, Aura, HubSpot's UI kit).
  const FRAMEWORK = /^(slds-|runtime_|force|one|laf|navex|windowViewMode-|desktop$|container$|ui[A-Z]|cdb|private-|flexipage|records?-|lightning-|lst-|sfa-|forcegenerated-|lwc-|interop-|builder_|row$|active$|stage$|viewport$|tiles$|icon$|actions$|subject$|when$|with$)/;
  // HubSpot's styled-components classes name a UI component and a hash (`Card__Box-sc-1ab2c3d-0`).
  const STYLED = /^[A-Z][A-Za-z]*__[A-Za-z]+-sc-[a-z0-9]+-\d+$/;
  /**
   * Every class, tag and attribute value our read plans name (when the plans are loaded with
   * this file, as in the content script): what a maintainer needs to see is what the plans use.
   */
  function planWords() {
    const out = new Set();
    const plans = /** @type {any} */ (globalThis).STALLWATCH_READ_PLANS || [];
    const text = JSON.stringify(plans);
    for (const m of text.matchAll(/\.([A-Za-z_][\w-]*)/g)) out.add(m[1]);
    for (const m of text.matchAll(/\[[\w-]+[\^*$|~]?=\\"([^"\\]+)\\"/g)) out.add(m[1]);
    for (const m of text.matchAll(/(?:^|[\s>+~(,"])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)/g)) out.add(m[1]);
    return out;
  }
  let known = new Set();
  const isKnown = (w) => known.has(w) || [...known].some((k) => k.length > 3 && w.startsWith(k));
  /** A single word (a class, a tag, a hook value) kept only when it is the CRM's or ours. */
  const word = (w, placeholder) => (isKnown(w) || FRAMEWORK.test(w) || STYLED.test(w) || OBJECTS.has(w) ? w : placeholder);
  // An email-ish token, an id-like token (15+ alphanumerics), a run of 2+ digits.
  const DATA = /[^\s@/"]*@[^\s@/"]*|(?<![A-Za-z0-9])[A-Za-z0-9]{15,}(?![A-Za-z0-9])|\d{2,}/g;
  const scrub = (s) => s.slice(0, 300).replace(DATA, (m) =>
    m.includes('@') ? '[@]' : /^\d+$/.test(m) ? '[n]' : !/\d.*\d/.test(m) ? m
      // A Salesforce id keeps its key prefix (006 opportunity, 003 contact): it names the type.
      : m.length <= 18 && /^(0..|a\d.)$/.test(m.slice(0, 3)) ? `[${m.slice(0, 3)} id]` : '[id]').slice(0, 120);
  // A URL path segment or query value: known words stay, ids become placeholders, the rest [x].
  // After /r/, /o/ or /related/, a capitalised word is a Salesforce object (Opportunity, Foo__c).
  const seg = (s, prev) => {
    const t = scrub(s);
    if (t !== s) return /^(\[[^\]]+\]|\d-\[n\])$/.test(t) ? t : '[x]';
    return !s || KEEP.has(s) || /^\d-\d$/.test(s) || (/^(r|o|related)$/.test(prev) && OBJECTS.has(s)) ? s : '[x]';
  };
  const dec = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
  const path = (p) => p.split('/').slice(0, 12).map((s, i, a) => seg(dec(s), a[i - 1])).join('/');
  const href = (v) => {
    try {
      const u = new URL(v, location.href);
      return !/^https?:$/.test(u.protocol) ? u.protocol : u.host === location.host ? path(u.pathname) : '[other host]';
    } catch { return '[bad]'; }
  };

  /**
   * A hook's value as the report shows it: ids and numbers redacted; a value of several parts
   * (`cell-0-3-amount-[n]`, `sfdc:RecordField.Opportunity.Amount`) kept; a single word only
   * when it is an ARIA role, a default stage id, the CRM's or ours (`[v]` otherwise); Aura's
   * class list word by word.
   */
  function hookValue(name, value) {
    const v = scrub(value);
    if (name === 'data-aura-class') return v.split(/\s+/).map((w) => word(w, '[c]')).join(' ');
    if (v !== value || /[-_:./]/.test(v)) return v;
    if (name === 'role') return ROLES.has(v) ? v : '[v]';
    if (name === 'data-column-id') return STAGE_IDS.has(v) ? v : '[v]';
    return word(v, '[v]');
  }

  // [line, signature]; the signature leaves out label lengths, so repeated rows group.
  function describe(el) {
    // A tag of HTML's own (no dash) is kept; a custom element's name only when it is known.
    let s = el.localName.includes('-') ? word(scrub(el.localName), '[tag]') : scrub(el.localName);
    const cls = (el.getAttribute('class') || '').split(/\s+/).filter(Boolean);
    for (const c of cls.slice(0, 12)) {
      const t = c.includes('@') ? '[@]' : scrub(c.slice(0, 80));
      s += '.' + (t !== c ? t : word(c, '[c]'));
    }
    if (cls.length > 12) s += `.+${cls.length - 12}`;
    let sig = s;
    const at = el.attributes;
    for (let i = 0; i < at.length && i < 24; i++) {
      const { name, value } = at[i];
      const n = scrub(name.slice(0, 40));
      let a = `[${n}]`;
      if (name === 'class') continue;
      if (LABELS.has(name)) { s += `[${n}=(${value.length})]`; sig += a; continue; }
      if (name === 'href') a = `[href=${JSON.stringify(href(value))}]`;
      else if (HOOKS.has(name) || (name === 'name' && el.localName === 'slot')) {
        a = `[${n}=${JSON.stringify(hookValue(name, value.trim()))}]`;
        // Several words in one hook value read like text (a name?), except Aura's class list.
        if (/\S\s+\S/.test(value) && name !== 'data-aura-class') a = `[${n}=(${value.length})]`;
      }
      s += a;
      sig += a;
    }
    if (at.length > 24) s += `[+${at.length - 24}]`;
    if (el.localName === 'slot' && el.getRootNode().host) s += ` (${el.assignedNodes().length} assigned)`;
    return [s, sig];
  }

  /**
   * The report, as plain text. `root`: where the tree starts (document); `skip`: an element left
   * out entirely (our overlay's host); `hits`: { field: { css, source } | null }, the selectors
   * of ours that matched (nothing else of a hit is read); `limits`: { depth, lines, elements }.
   * @param {{ root?: Document | Element, skip?: Element | null, hits?: Record<string, { css: string, source: number } | null>,
   *   limits?: { depth?: number, lines?: number, elements?: number } }} [options]
   */
  function report({ root, skip = null, hits = {}, limits } = {}) {
    const L = { depth: 60, lines: 4000, elements: 200000, ...limits };
    known = planWords();
    root = root || document;
    const out = [];
    const caps = new Set();
    let elements = 0, shadows = 0, frames = 0;
    // Tasks [node, depth, print, line]: a node to walk (line: its description, if known), or
    // (node null) a line to print. Popped last first, so children are pushed in reverse.
    /** @type {[Element | null, number, boolean, string | null][]} */
    const stack = [[root.nodeType === 9 ? /** @type {Document} */ (root).documentElement : /** @type {Element} */ (root), 0, true, null]];
    while (stack.length) {
      const task = /** @type {[Element | null, number, boolean, string | null]} */ (stack.pop());
      const [node, depth] = task;
      let [, , print, line] = task;
      if (print && out.length >= L.lines) { caps.add(`lines (${L.lines}): the rest is counted, not shown`); print = false; }
      if (!node) { if (print) out.push(' '.repeat(depth) + line); continue; }
      const el = node.nodeType === 1;
      if (el) {
        if (elements >= L.elements) { caps.add(`elements (${L.elements}): stopped walking`); break; }
        elements++;
        if (/^i?frame$/.test(node.localName)) frames++;
        if (print && !line) line = describe(node)[0];
      } else line = '#shadow-root (open)';
      const d = depth + 1;
      let items = [], texts = 0, chars = 0;
      if (!el || !/^(script|style|template)$/.test(node.localName)) {
        if (el && node.shadowRoot && node !== skip) { shadows++; items.push(node.shadowRoot); }
        for (let k = node.firstChild, c = 0; k && c < L.elements; k = k.nextSibling, c++) {
          if (k.nodeType === 1 && k !== skip) items.push(k);
          else if (print && k.nodeType === 3) {
            const n = /** @type {Text} */ (k).data.trim().length;
            if (n && ++texts <= 3) items.push([null, d, true, `#text(${n})`]);
            chars += n;
          }
        }
      }
      if (texts > 3) { // many text nodes: one summary where the first was
        const f = items.findIndex(Array.isArray);
        items = items.filter((x) => !Array.isArray(x));
        items.splice(f, 0, [null, d, true, `#text×${texts}, ${chars} chars`]);
      }
      if (items.every(Array.isArray)) { // a leaf: its text on its own line
        line += items.map((x) => ' ' + x[3]).join('');
        items = [];
      }
      if (print) out.push(' '.repeat(depth) + line);
      const kids = [];
      if (print && d > L.depth && items.length) {
        caps.add(`depth (${L.depth}): deeper elements are counted, not shown`);
        kids.push([null, d, true, '… (deeper, not shown)']);
        print = false;
      }
      const ds = print ? items.map((x) => (x.nodeType === 1 ? describe(x) : null)) : [];
      for (let i = 0; i < items.length;) {
        const it = items[i];
        if (!ds[i]) { // not printed, a shadow root, or a text line
          if (!Array.isArray(it)) kids.push([it, d, print, null]);
          else if (print) kids.push(it);
          i++;
          continue;
        }
        // A run of siblings with one signature: one line ×N, only the first two expanded.
        let j = i + 1;
        while (j < items.length && ds[j] && ds[j][1] === ds[i][1]) j++;
        const n = j - i;
        kids.push([it, d, true, n > 1 ? `${ds[i][0]} ×${n}` : ds[i][0]]);
        if (n > 1) kids.push([items[i + 1], d, true, `${ds[i + 1][0]} (2 of ${n})`]);
        for (let k = i + 2; k < j; k++) kids.push([items[k], d, false, null]);
        i = j;
      }
      for (let i = kids.length - 1; i >= 0; i--) stack.push(/** @type {[Element | null, number, boolean, string | null]} */ (kids[i]));
    }
    const q = [...new URLSearchParams(location.search)].map(([k, v]) => `${QUERY_KEYS.has(k) ? k : '[k]'}=${seg(v)}`).join('&');
    return [
      'Stallwatch page structure (no text, no values, ids redacted)',
      // The first label of a 4+ label host is the org's name (acme.lightning.force.com).
      `url: ${location.protocol}//${location.host.replace(/^[^.]+(?=(\.[^.]+){3})/, '[org]')}${path(location.pathname)}` +
        (q ? '?' + q : '') + (location.hash ? '#[x]' : ''),
      `lang: ${scrub(document.documentElement.lang || '-').slice(0, 20)}; browser: ${navigator.language.slice(0, 20)}`,
      `elements: ${elements}; open shadow roots: ${shadows}; iframes: ${frames}`,
      'hits:',
      ...Object.entries(hits || {}).map(([f, h]) => `  ${String(f).slice(0, 40)}: ${h ? `[${Number(h.source)}] ${String(h.css).slice(0, 300)}` : 'not found'}`),
      `caps: ${[...caps].join('; ') || 'none'}`,
      '---',
      ...out,
    ].join('\n');
  }

  globalThis.STALLWATCH_STRUCTURE = Object.freeze({ report });
})();
