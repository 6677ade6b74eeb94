// Writes the browser-specific manifest from the one source, extension/manifest.json.
//   node scripts/manifest.mjs chrome|firefox extension/manifest.json
import { readFileSync } from 'node:fs';

const [browser, source] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(source, 'utf8'));
if (browser === 'chrome') {
  // Chrome warns about keys it does not know; Firefox needs this one for its add-on id.
  delete manifest.browser_specific_settings;
} else if (browser === 'firefox') {
  // Firefox only: the overlay iframe cannot receive the content script's port there, so a
  // small background script pairs them (extension/relay.js explains).
  manifest.background = { scripts: ['relay.js'] };
} else {
  console.error(`unknown browser ${browser}: use chrome or firefox`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
