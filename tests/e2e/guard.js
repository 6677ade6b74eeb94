// The write-nothing guard: the product's promise made testable. One plain script for both
// browsers, running in the page's main world before any content script: Playwright adds it as an
// init script (tests/e2e/harness.mjs); the Firefox server loads it as the first child of <head>
// (tests/e2e-firefox/server.mjs; allowed by the fixtures' `script-src 'self'`).
//
// It records every DOM mutation outside Stallwatch's own container (in the document and in every
// open shadow root present at DOMContentLoaded), the <div data-stallwatch-overlay>
// appended to <html> (observing
// from DOMContentLoaded: the parser's own insertions are not ours to judge, and document_idle
// content scripts run after it), compares every form control before and after, and collects
// page errors, unhandled rejections and CSP violations. `report()` returns all of it.
(() => {
  'use strict';
  if (location.protocol !== 'https:' || window.top !== window) return;
  const OURS = 'data-stallwatch-overlay';
  const ours = (n) => n && n.nodeType === 1 && n.localName === 'div' && n.hasAttribute(OURS);
  const insideOurs = (n) => {
    for (let x = n; x; x = x.parentNode || x.host) if (ours(x)) return true;
    return false;
  };
  const describe = (n) => {
    if (!n) return '?';
    if (n.nodeType === 3) return `#text(${JSON.stringify(n.data.slice(0, 40))})`;
    if (n.nodeType !== 1) return n.nodeName;
    const id = n.id ? `#${n.id}` : '';
    const cls = typeof n.className === 'string' && n.className ? `.${n.className.split(/\s+/).slice(0, 2).join('.')}` : '';
    return `${n.localName}${id}${cls}`;
  };
  const seen = [];
  const errors = [];
  const record = (list) => {
    for (const m of list) {
      if (insideOurs(m.target)) continue;
      const nodes = [...m.addedNodes, ...m.removedNodes];
      if (m.type === 'childList' && nodes.length && nodes.every(ours) && m.target === document.documentElement) {
        continue; // our container, appended to <html>: the one allowed footprint
      }
      seen.push(
        m.type === 'attributes'
          ? `attribute ${m.attributeName} on ${describe(m.target)}`
          : m.type === 'characterData'
            ? `text changed in ${describe(m.target.parentNode)}`
            : `children of ${describe(m.target)}: +[${[...m.addedNodes].map(describe)}] -[${[...m.removedNodes].map(describe)}]`,
      );
    }
  };
  const observer = new MutationObserver(record);
  // Every open shadow root of the page (never our own container's): CRMs render fields and
  // composers inside them, and a change there is a change to the host page like any other.
  const roots = () => {
    const out = [document];
    for (let i = 0; i < out.length; i++) {
      const walk = document.createTreeWalker(out[i], NodeFilter.SHOW_ELEMENT);
      for (let el = walk.nextNode(); el; el = walk.nextNode()) {
        if (el.shadowRoot && !ours(el)) out.push(el.shadowRoot);
      }
    }
    return out;
  };
  const controls = () =>
    roots().flatMap((r) => [...r.querySelectorAll('input, textarea, select')]).map((el) => ({
      el: describe(el) + (el.name ? `[name=${el.name}]` : ''),
      value: el.value,
      checked: el.checked ?? null,
    }));
  let before = null;
  let overlayAtStart = null;
  const start = () => {
    before = controls();
    // If our container is already there, the content script ran before the guard watched.
    overlayAtStart = document.querySelectorAll(`[${OURS}]`).length > 0;
    for (const r of roots()) observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  document.addEventListener('DOMContentLoaded', start, { once: true, capture: true });

  window.addEventListener('error', (e) => {
    errors.push(`page error: ${e.message} (${e.filename}:${e.lineno})`);
  });
  window.addEventListener('unhandledrejection', (e) => {
    errors.push(`unhandled rejection: ${e.reason && e.reason.message ? e.reason.message : String(e.reason)}`);
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    errors.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
  });

  Object.defineProperty(window, '__stallwatchGuard', {
    value: Object.freeze({
      report() {
        record(observer.takeRecords());
        const after = controls();
        const changed = [];
        if (before) {
          if (after.length !== before.length) changed.push(`form controls: ${before.length} → ${after.length}`);
          before.forEach((b, i) => {
            const a = after[i];
            if (a && (a.value !== b.value || a.checked !== b.checked)) changed.push(`${b.el}: ${JSON.stringify(b.value)} → ${JSON.stringify(a.value)}`);
          });
        }
        return {
          started: !!before,
          overlayAtStart,
          mutations: seen.slice(),
          inputs: changed,
          errors: errors.slice(),
          overlays: document.querySelectorAll(`[${OURS}]`).length,
          controls: before ? before.length : 0,
        };
      },
      /** Lets a test change the host page itself (simulating the CRM's own navigation). */
      asHost(fn) {
        record(observer.takeRecords());
        observer.disconnect();
        try {
          fn();
        } finally {
          observer.takeRecords();
          before = controls();
          for (const r of roots()) observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
        }
      },
    }),
  });
})();
