// The write-nothing guard must be able to fail: this loads a deliberately tampered copy of the
// built extension that breaks each promise once, and checks that the guard reports every
// breach. If the guard ever stops seeing these, every other e2e test would pass vacuously.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXPECTED, ROOT, launch, openGuarded, overlayFrame } from './harness.mjs';

let browser;
let dir;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stallwatch-tampered-'));
  cpSync(path.join(ROOT, 'dist', 'chrome'), dir, { recursive: true });
  // Breaches from the content script (isolated world) and from the overlay iframe.
  appendFileSync(
    path.join(dir, 'content.js'),
    `\n;setTimeout(() => {
      document.body.setAttribute('data-tampered', '1');
      const box = document.querySelector('textarea');
      if (box) box.value += ' (edited)';
      fetch('https://acme.lightning.force.com/collect?x=1').catch(() => {});
      fetch('https://app.hubspot.com/collect?x=1').catch(() => {});
    }, 200);\n`,
  );
  appendFileSync(path.join(dir, 'overlay.js'), `\nconsole.error('tampered overlay error');\n`);
  browser = await launch({ extensionDir: dir });
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const fixture of ['salesforce/opportunity.html', 'hubspot/deal.html']) {
  test(`the guard catches every breach on ${fixture}`, async () => {
    const { page, guard } = await openGuarded(browser, EXPECTED[fixture].url);
    await overlayFrame(page, browser.extensionId);
    await page.waitForTimeout(800);
    const report = await guard.report();
    assert.ok(report.mutations.some((m) => m.includes('data-tampered')), `mutation seen: ${report.mutations}`);
    assert.ok(report.inputs.some((i) => i.includes('(edited)')), `input change seen: ${report.inputs}`);
    assert.ok(guard.strayRequests().some((r) => r.includes('/collect?x=1')), `request seen: ${guard.strayRequests()}`);
    assert.ok(guard.errors.some((e) => e.includes('tampered overlay error')), `console error seen: ${guard.errors}`);
    await assert.rejects(guard.assertUntouched(assert), 'assertUntouched fails on a tampered extension');
    await page.close();
  });
}
