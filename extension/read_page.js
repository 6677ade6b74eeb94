// @ts-check
// Stallwatch's read-plan interpreter: follows a read plan (read_plan.js, generated from
// src/crm/*.rs) over the page and returns raw strings. It decides nothing about what they mean
// (the Rust core does, in the overlay) and changes nothing on the page. content.js, which
// mounts the overlay, loads after it and uses `globalThis.STALLWATCH_READER`.
(() => {
  'use strict';
  const MAX_TEXT = 2000; // per value: a hostile page cannot make us ship megabytes
  const MAX_ITEMS = 400; // timeline items or list rows read per snapshot
  const MAX_TEXT_NODES = 20000; // nodes visited for one value's text
  const MAX_ELEMENTS = 300000; // elements walked looking for shadow roots in one pass
  const MAX_HINTS = 60; // date samples kept for settling the day/month order

  /**
   * The page URL `href` as the browser parsed it, when it is a plain https URL (no userinfo,
   * the default port), or null: no other URL is a CRM page (crm::url::UrlParts::parse in Rust).
   */
  function plainUrl(href) {
    let url;
    try {
      url = new URL(href);
    } catch {
      return null;
    }
    return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' ? url : null;
  }

  /** A plan's page patterns, compiled: `path` against the pathname, `query` against parameters. */
  function compilePages(plan) {
    return plan.pages.map((p) => ({
      kind: p.kind,
      path: new RegExp(p.path),
      query: (p.query || []).map((q) => ({ name: q.name, value: new RegExp(q.value) })),
    }));
  }

  /**
   * The kind of the page at `url` (a plain URL of the plan's CRM), or null: the first pattern
   * whose path matches the pathname and each of whose query parameters is in the query (its
   * first value, decoded, as `URLSearchParams.get` gives it) with a value that matches.
   */
  function kindOf(pages, url) {
    const page = pages.find(
      (p) =>
        p.path.test(url.pathname) &&
        p.query.every((q) => {
          const value = url.searchParams.get(q.name);
          return value !== null && q.value.test(value);
        }),
    );
    return page ? page.kind : null;
  }

  /**
   * Which CRM's page `href` is, and what kind: `{ crm, kind }` (kind null on a CRM page
   * Stallwatch does not read), or null when the URL is not a plain https URL of a CRM's host.
   */
  function pageOf(plans, href) {
    const url = plainUrl(href);
    if (!url) return null;
    const plan = plans.find((p) => p.hosts.some((h) => new RegExp(h).test(url.hostname)));
    return plan ? { crm: plan.crm, kind: kindOf(compilePages(plan), url) } : null;
  }

  /**
   * A reader for the plan of the CRM whose hosts match `hostname`, or null.
   * `skip` is an element whose shadow root is never read (our own overlay's host).
   */
  function readerFor(plans, hostname) {
    const plan = plans.find((p) => p.hosts.some((h) => new RegExp(h).test(hostname)));
    if (!plan) return null;
    // Compiled once: pageKind runs on every refresh.
    const pages = compilePages(plan);

    /**
     * Every open shadow root under `root` (except `skip`'s), so selectors reach LWC components.
     * A loop, not recursion, with a budget: a hostile or broken page cannot overflow the stack
     * or keep us walking; over budget, the reading fails loudly (content.js reports it).
     */
    function shadowRoots(root, skip) {
      const known = memo?.get(root);
      if (known) return known;
      const out = [];
      const pending = [root];
      let seen = 0;
      while (pending.length) {
        const it = document.createTreeWalker(pending.pop(), NodeFilter.SHOW_ELEMENT);
        for (let el = /** @type {Element | null} */ (it.currentNode); el; el = /** @type {Element | null} */ (it.nextNode())) {
          if (++seen > MAX_ELEMENTS) throw new Error(`the page has more than ${MAX_ELEMENTS} elements to walk`);
          if (el.shadowRoot && el !== skip) {
            out.push(el.shadowRoot);
            pending.push(el.shadowRoot);
          }
        }
      }
      memo?.set(root, out);
      return out;
    }
    // The shadow roots under each element walked during one snapshot: a chain step or a
    // timeline item asks for the same element's roots many times, and the page cannot change
    // under a synchronous read.
    let memo = null;

    /** Matches of one plain CSS selector in `root` and in the given shadow roots under it. */
    function deepQueryAll(root, css, roots) {
      // `:scope` alone or with conditions on the element itself (`:scope.pipelineViewCard`).
      if (/^:scope(?![\s>+~])/.test(css)) {
        return root.nodeType === Node.ELEMENT_NODE && root.matches(css.replace(':scope', '*')) ? [root] : [];
      }
      const found = [];
      try {
        for (const e of root.querySelectorAll(css)) found.push(e);
        for (const r of roots) for (const e of r.querySelectorAll(css)) found.push(e);
      } catch {
        return []; // a selector this browser cannot parse reads as "not found"
      }
      return found;
    }

    /** The nearest ancestor-or-self matching `css`, climbing out of shadow roots to their hosts. */
    function composedClosest(el, css) {
      for (let n = el; n; ) {
        const hit = n.closest(css);
        if (hit) return hit;
        const r = n.getRootNode();
        n = r instanceof ShadowRoot ? r.host : null;
      }
      return null;
    }

    /**
     * Matches of a plan selector. A plan selector is plain CSS, or a chain of CSS steps joined by
     * ` >>> ` (continue inside each match: its light subtree and every shadow root under it) and
     * ` <<< ` (go up to the nearest match, across shadow boundaries). One selector cannot span two
     * shadow trees; a chain can, so the same step list reads native and synthetic shadow alike.
     */
    function query(root, css, roots, skip) {
      const steps = css.split(/ (>>>|<<<) /);
      let found = deepQueryAll(root, steps[0], roots);
      for (let i = 1; i < steps.length && found.length; i += 2) {
        const next = new Set();
        for (const el of found) {
          if (steps[i] === '<<<') {
            const up = composedClosest(el, steps[i + 1]);
            if (up) next.add(up);
          } else {
            for (const d of deepQueryAll(el, steps[i + 1], shadowRoots(el, skip))) next.add(d);
          }
        }
        found = [...next];
      }
      return found;
    }

    /**
     * Drops matches nested inside another match (one activity, not its inner copies), as
     * `contains` sees it (within one tree): each match's ancestors are looked up in a set, not
     * every other match tested (200 timeline items would be 40,000 tests).
     */
    function outermost(els) {
      const set = new Set(els);
      return els.filter((el) => {
        for (let n = el.parentNode; n; n = n.parentNode) if (set.has(n)) return false;
        return true;
      });
    }

    /**
     * Text as the user sees it: through shadow roots and slots, blocks separated by spaces. A
     * loop over an explicit stack (a field nested thousands deep cannot overflow it) that stops
     * after MAX_TEXT_NODES nodes or twice MAX_TEXT characters: the value is cut to MAX_TEXT.
     */
    function composedText(start) {
      let s = '';
      let visited = 0;
      const stack = [start];
      while (stack.length && visited++ < MAX_TEXT_NODES && s.length < 2 * MAX_TEXT) {
        const node = stack.pop();
        if (node.nodeType === Node.TEXT_NODE) {
          s += ' ' + node.data;
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
        const tag = node.localName;
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        let kids = node.childNodes;
        if (tag === 'slot' && node.assignedNodes().length) kids = node.assignedNodes();
        else if (node.shadowRoot) kids = node.shadowRoot.childNodes;
        // Pushed last to first, so they are read first to last.
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      }
      return s;
    }

    function valueOf(el, sel) {
      const raw = sel.attr ? el.getAttribute(sel.attr) || '' : composedText(el);
      return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
    }

    /**
     * `css` with `{label}` filled by each of `labels` (field labels in every language): the step
     * of the chain that names the label becomes one selector list, so the page is searched once
     * for all the languages, not once per label.
     */
    function expand(css, labels) {
      if (!css.includes('{label}')) return [css];
      if (!labels?.length) return [];
      const steps = css.split(/( >>> | <<< )/);
      return [
        steps
          .map((step) =>
            step.includes('{label}') ? labels.map((l) => step.replaceAll('{label}', l.replace(/["\\]/g, '\\$&'))).join(', ') : step,
          )
          .join(''),
      ];
    }

    /**
     * The first non-empty value any selector yields, with which selector found it. With
     * `orEmpty`, a field whose element is there but empty reads as `''` (on the page, nothing
     * recorded), told apart from a field not on the page at all (`null`).
     */
    function readFirst(root, selectors, roots, skip, labels, orEmpty = false) {
      let empty = null;
      for (let i = 0; i < selectors.length; i++) {
        // `closest`: read from an enclosing element instead (a board card's column).
        const base = selectors[i].closest ? composedClosest(root, selectors[i].closest) : root;
        if (!base) continue;
        const within = selectors[i].closest ? shadowRoots(base, skip) : roots;
        for (const css of expand(selectors[i].css, labels)) {
          for (const el of query(base, css, within, skip)) {
            const value = valueOf(el, selectors[i]);
            if (value) {
              sourceOf(el);
              return { value, source: i };
            }
            if (orEmpty && !empty) empty = { el, found: { value: '', source: i } };
          }
        }
      }
      if (empty) sourceOf(empty.el); // watched: the value may still render into it
      return empty?.found ?? null;
    }

    /** Every non-empty value the selectors yield (dates that can settle the page's date order). */
    function readAll(root, selectors, roots, skip) {
      const out = [];
      for (const s of selectors) {
        for (const el of query(root, s.css, roots, skip)) {
          const value = valueOf(el, s);
          if (value && out.length < MAX_HINTS) {
            out.push(value);
            sourceOf(el);
          }
        }
      }
      return out;
    }

    function visible(el) {
      return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.offsetParent !== null;
    }

    /** List and board pages: each row's parts and label/value pairs. */
    function readRows(allRoots, skip) {
      const { rows, parts, pairs } = plan.list;
      let found = [];
      for (const s of rows) {
        found = outermost(query(document, s.css, allRoots, skip));
        if (found.length) break;
      }
      return found.slice(0, MAX_ITEMS).map((row) => {
        const inner = shadowRoots(row, skip);
        const out = { parts: {}, pairs: [] };
        for (const p of parts) {
          const hit = readFirst(row, p.selectors, inner, skip);
          if (hit) out.parts[p.part] = hit.value;
        }
        for (const pair of pairs) {
          for (const s of pair.items) {
            for (const item of query(row, s.css, inner, skip)) {
              const itemRoots = shadowRoots(item, skip);
              if (pair.split) {
                // One text holds both: "Amount: $9,600".
                const whole = readFirst(item, [pair.value], itemRoots, skip)?.value ?? '';
                const at = whole.indexOf(pair.split);
                if (at > 0) out.pairs.push([whole.slice(0, at), whole.slice(at + pair.split.length)]);
                continue;
              }
              const label = readFirst(item, [pair.label], [], skip);
              const value = readFirst(item, [pair.value], itemRoots, skip);
              if (label && value) out.pairs.push([label.value, value.value]);
            }
          }
        }
        return out;
      });
    }

    /**
     * `deal_record`, `deal_list`, `deal_board`, or null on a page Stallwatch does not read (and
     * on a URL that is not plain https: a port, which the manifest's patterns do not exclude).
     */
    function pageKind() {
      const url = plainUrl(location.href);
      return url ? kindOf(pages, url) : null;
    }

    /** What the page says about its language (the day/month order is settled in Rust). */
    function languages() {
      return { lang: (document.documentElement.lang || '').slice(0, 35), browser_lang: (navigator.language || '').slice(0, 35) };
    }

    // What the last record read depended on, for content.js to watch: the record's container
    // and the shadow roots inside it (a change anywhere else cannot change the reading), the
    // elements its values came from and the timeline's container (`sources`), what a field or
    // timeline it did not find would match when it renders (`missing`, a selector list), and
    // whether the read finished (`complete`; until then any change in the record counts).
    let lastWatch = { scope: null, roots: [], sources: new Set(), complete: false, missing: '' };
    // While reading a record's fields, the elements their values came from.
    let readFrom = null;
    /**
     * Notes where a value came from: the element, and the host of the shadow tree it is in,
     * since text slotted into that tree lives under the host in the light DOM.
     */
    function sourceOf(el) {
      if (!readFrom) return;
      readFrom.push(el);
      const r = el.getRootNode();
      if (r instanceof ShadowRoot) readFrom.push(r.host);
    }

    /** What the last snapshot depended on (no scope: a list, a board, a page without one). */
    function watched() {
      return lastWatch;
    }

    /**
     * The visible record container. Lightning's are Aura containers in the light DOM, so every
     * scope selector is tried there first: walking every shadow root of a 16,000-element page
     * only to find it is the slow path, taken only when the light DOM has none.
     */
    function findScope(skip) {
      for (const sel of plan.scope) {
        const hit = query(document, sel.css, [], skip).find(visible);
        if (hit) return { scope: hit, allRoots: null };
      }
      const allRoots = shadowRoots(document, skip);
      for (const sel of plan.scope) {
        const hit = query(document, sel.css, allRoots, skip).find(visible);
        if (hit) return { scope: hit, allRoots };
      }
      return { scope: null, allRoots };
    }

    // Timeline items already read: their parts, kept until a mutation inside the item (its
    // light subtree or its shadow roots, attributes included) or a different count of shadow
    // roots under it (a component that attached one later). A 200-item timeline is most of a
    // read, and a change elsewhere in the record leaves it as it was.
    const itemCache = new WeakMap();
    const ITEM_CHANGES = { childList: true, subtree: true, characterData: true, attributes: true };
    const itemWatch = new MutationObserver(forgetChanged);
    /** Forgets every cached item a mutation was inside (climbing out of shadow roots). */
    function forgetChanged(records) {
      for (const r of records) for (let n = r.target; n; n = n.parentNode || n.host) itemCache.delete(n);
    }
    /** Applies the mutations not yet delivered to the observer, before items are reused. */
    function takeItemChanges() {
      forgetChanged(itemWatch.takeRecords());
    }
    function watchItems(container, inner) {
      itemWatch.disconnect();
      itemWatch.observe(container, ITEM_CHANGES);
      for (const r of inner) itemWatch.observe(r, ITEM_CHANGES);
    }
    // Parts read from outside the item's subtree (an ancestor: `<<<`, `closest`) or from state
    // no mutation reports (`:checked`): read every time.
    const LIVE_PARTS = new Set(
      plan.timeline.parts
        .filter((p) => p.selectors.some((sel) => sel.closest || sel.css.includes('<<<') || /:(checked|focus|hover|open)/.test(sel.css)))
        .map((p) => p.part),
    );

    /** The raw snapshot of the page: fields and timeline, or the rows of a list. */
    /**
     * Activity shown as lists instead of a timeline (Salesforce's "Related Lists" activities
     * view): every item of every list card, read with the timeline's parts and tagged with its
     * list's name, and each card's count as shown, so that the core can tell what is not shown.
     * `activities` stays null when no list card is on the page either.
     */
    function readActivityLists(root, roots, skip, from) {
      let activities = null;
      const activity_lists = [];
      for (const list of plan.timeline.lists) {
        const cards = new Set(list.cards.flatMap((s) => query(root, s.css, roots, skip)));
        for (const card of cards) {
          from.push(card);
          const inner = shadowRoots(card, skip);
          let items = [];
          for (const s of list.items) {
            items = outermost(query(card, s.css, inner, skip));
            if (items.length) break;
          }
          activities ??= [];
          for (const item of items.slice(0, MAX_ITEMS - activities.length)) {
            const itemRoots = shadowRoots(item, skip);
            const parts = { list: list.list };
            for (const p of plan.timeline.parts) {
              const hit = readFirst(item, p.selectors, itemRoots, skip);
              if (hit) parts[p.part] = hit.value;
            }
            activities.push(parts);
          }
          const count = readFirst(card, list.count, inner, skip);
          activity_lists.push({ list: list.list, count: count?.value ?? '', shown: items.length });
        }
      }
      return { activities, activity_lists };
    }

    function snapshot(skip) {
      memo = new Map();
      try {
        return read(skip);
      } finally {
        memo = null;
      }
    }

    function read(skip) {
      const title = document.title.slice(0, MAX_TEXT);
      if (pageKind() !== 'deal_record') {
        lastWatch = { scope: null, roots: [], sources: new Set(), complete: false, missing: '' };
        return { url: location.href, title, ...languages(), rows: readRows(shadowRoots(document, skip), skip) };
      }
      const { scope, allRoots } = findScope(skip);
      const root = scope || document;
      // Shadow roots are collected once per read, and only inside the record when there is one.
      const roots = scope ? shadowRoots(scope, skip) : allRoots;
      // Until this read completes, any change in the record counts.
      lastWatch = { scope, roots, sources: new Set(), complete: false, missing: '' };
      const from = [];
      readFrom = from;
      const fields = {};
      let date_hints;
      let contacts;
      try {
        for (const f of plan.fields) fields[f.field] = readFirst(root, f.selectors, roots, skip, f.labels, true);
        date_hints = readAll(root, plan.date_hints, roots, skip);
        contacts = readAll(root, plan.contacts, roots, skip);
      } finally {
        readFrom = null;
      }
      let activities = null;
      const containers = plan.timeline.containers.flatMap((s) => query(root, s.css, roots, skip));
      const container = containers.find(visible) || containers[0];
      if (container) from.push(container);
      // Always an array: Firefox's messaging keeps an `undefined` member, which the core's
      // deserialiser refuses.
      let activity_lists = [];
      if (!container && plan.timeline.lists) ({ activities, activity_lists } = readActivityLists(root, roots, skip, from));
      // What a missing field or timeline would look like when it renders: the first step of
      // each of its selectors (one selector list). A change that adds nothing matching it, and
      // touches nothing read, cannot change the reading.
      const probes = [];
      for (const f of plan.fields) {
        if (fields[f.field]?.value) continue;
        for (const sel of f.selectors) for (const css of expand(sel.css, f.labels)) probes.push(css.split(/ >>> | <<< /)[0]);
      }
      if (!container) for (const sel of plan.timeline.containers) probes.push(sel.css.split(/ >>> | <<< /)[0]);
      if (!container && !activity_lists.length) for (const list of plan.timeline.lists ?? []) for (const sel of list.cards) probes.push(sel.css.split(/ >>> | <<< /)[0]);
      const missing = probes.filter((css) => {
        try {
          document.querySelector(css);
          return true;
        } catch {
          return false; // a selector this browser cannot parse cannot match either
        }
      });
      lastWatch = { scope, roots, sources: new Set(from), complete: !!scope, missing: missing.join(', ') };
      if (container) {
        const inner = shadowRoots(container, skip);
        let items = [];
        for (const s of plan.timeline.items) {
          items = outermost(query(container, s.css, inner, skip));
          if (items.length) break;
        }
        takeItemChanges();
        activities = items.slice(0, MAX_ITEMS).map((item) => {
          // One walk per item for all its parts.
          const itemRoots = shadowRoots(item, skip);
          const known = itemCache.get(item);
          // An item unchanged since it was read (same shadow roots, no mutation inside) keeps
          // its parts; only the parts that depend on more than its subtree are read again.
          const fresh = !known || known.roots !== itemRoots.length;
          const parts = {};
          for (const p of plan.timeline.parts) {
            if (!fresh && !LIVE_PARTS.has(p.part)) {
              if (p.part in known.parts) parts[p.part] = known.parts[p.part];
              continue;
            }
            const hit = readFirst(item, p.selectors, itemRoots, skip);
            if (hit) parts[p.part] = hit.value;
          }
          itemCache.set(item, { parts, roots: itemRoots.length });
          return parts;
        });
        watchItems(container, inner);
      }
      return { url: location.href, title, ...languages(), scoped: !!scope, fields, date_hints, contacts, activities, activity_lists };
    }

    return { pageKind, snapshot, watched, plan };
  }

  globalThis.STALLWATCH_READER = Object.freeze({ readerFor, pageOf });
})();
