// Writes the browser-specific manifest from the one source, extension/manifest.json, with the
// host lists filled in from the CRM registry (src/crm/adapter.rs, printed by `stallwatch hosts`):
// host permissions, content-script matches and web-accessible-resource matches all come from
// that one list, so the extension runs exactly where a read plan can read.
//   node scripts/manifest.mjs chrome|firefox extension/manifest.json '<hosts JSON>'
import { readFileSync } from 'node:fs';

const [browser, source, hostsJson] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(source, 'utf8'));
let hosts;
try {
  hosts = JSON.parse(hostsJson ?? '');
} catch {
  hosts = null;
}
if (!Array.isArray(hosts) || hosts.length === 0 || !hosts.every((h) => typeof h === 'string' && h.startsWith('https://'))) {
  console.error('the third argument must be the JSON array printed by `stallwatch hosts`');
  process.exit(2);
}
manifest.host_permissions = hosts;
for (const script of manifest.content_scripts) script.matches = hosts;
for (const resource of manifest.web_accessible_resources) resource.matches = hosts;
if (browser === 'chrome') {
  // Chrome warns about keys it does not know; Firefox needs this one for its add-on id.
  delete manifest.browser_specific_settings;
  // The overlay is reachable only at a per-session URL, so a page cannot probe the extension's
  // fixed id to learn that the rep runs Stallwatch. (Firefox already gives each install its own
  // random id for these URLs.)
  for (const resource of manifest.web_accessible_resources) resource.use_dynamic_url = true;
  // The warm core that scores the badge (extension/background.js).
  manifest.background = { service_worker: 'background.js', type: 'module' };
} else if (browser === 'firefox') {
  // The warm core that scores the badge (extension/background.js), and, Firefox only, the
  // relay that pairs the overlay iframe with the content script (extension/relay.js explains:
  // the frame cannot receive the content script's port there).
  manifest.background = { scripts: ['relay.js', 'background.js'], type: 'module' };
} else {
  console.error(`unknown browser ${browser}: use chrome or firefox`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
