// A minimal W3C WebDriver client over Node's built-in fetch, for geckodriver. Only the commands
// the Firefox end-to-end test needs; every call has a time limit, so nothing can hang.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The W3C key of an element reference, and of a shadow root reference. */
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';

/** The absolute path of `name` on PATH, or null (like `command -v`). */
export function which(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** A free TCP port on loopback (closed again before geckodriver binds it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export class WebDriverError extends Error {
  constructor(command, status, value) {
    super(`${command}: ${value?.error || status}: ${value?.message || JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

/**
 * Starts geckodriver on a free loopback port. Its output (which includes Firefox's own stdout
 * and stderr: console messages and JavaScript errors) is kept in `log`. `env` is added to its
 * environment, which Firefox inherits (geckodriver 0.37 does not pass moz:firefoxOptions.env
 * to a desktop Firefox: measured).
 */
export async function startGeckodriver(binary, { env = {}, timeout = 10_000 } = {}) {
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--host', '127.0.0.1', '--log', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const log = [];
  const take = (chunk) => log.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited) throw new Error(`geckodriver exited at start (${JSON.stringify(exited)}):\n${log.join('\n')}`);
    try {
      const r = await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`geckodriver did not answer on ${base} within ${timeout} ms:\n${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    log,
    /** Stops geckodriver (and with it any Firefox it started): TERM, then KILL after 5 s. */
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(t);
    },
  };
}

/** One WebDriver session. Every command is bounded by `timeout` ms. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities, { timeout = 60_000 } = {}) {
    const value = await call(base, 'POST', '/session', { capabilities }, timeout);
    return Object.assign(new Session(base, value.sessionId), { capabilities: value.capabilities });
  }

  cmd(method, route, body, timeout = 30_000) {
    return call(this.base, method, `/session/${this.id}${route}`, body, timeout);
  }

  /** geckodriver's extension command: installs an add-on from a base64 zip. Returns its id. */
  installAddon(zipBase64, { temporary = true } = {}) {
    return this.cmd('POST', '/moz/addon/install', { addon: zipBase64, temporary });
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Execute Script (synchronous). Runs in the current browsing context, not under page CSP. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Execute Async Script: the script calls its last argument with the result. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  findElements(using, value) {
    return this.cmd('POST', '/elements', { using, value });
  }

  findElement(using, value) {
    return this.cmd('POST', '/element', { using, value });
  }

  elementShadowRoot(element) {
    return this.cmd('GET', `/element/${element[ELEMENT]}/shadow`);
  }

  findElementsFromShadowRoot(shadow, using, value) {
    return this.cmd('POST', `/shadow/${shadow[SHADOW]}/elements`, { using, value });
  }

  elementAttribute(element, name) {
    return this.cmd('GET', `/element/${element[ELEMENT]}/attribute/${encodeURIComponent(name)}`);
  }

  elementProperty(element, name) {
    return this.cmd('GET', `/element/${element[ELEMENT]}/property/${encodeURIComponent(name)}`);
  }

  /** Element Click: scrolls to the element and clicks its centre as a user would (trusted). */
  elementClick(element) {
    return this.cmd('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  elementText(element) {
    return this.cmd('GET', `/element/${element[ELEMENT]}/text`);
  }

  elementDisplayed(element) {
    return this.cmd('GET', `/element/${element[ELEMENT]}/displayed`);
  }

  /** Switch To Frame: a number (index), an element reference, or null (the top-level context). */
  switchToFrame(id) {
    return this.cmd('POST', '/frame', { id });
  }

  windowHandles() {
    return this.cmd('GET', '/window/handles');
  }

  switchToWindow(handle) {
    return this.cmd('POST', '/window', { handle });
  }

  closeWindow() {
    return this.cmd('DELETE', '/window');
  }

  switchToTop() {
    return this.switchToFrame(null);
  }

  currentUrl() {
    return this.cmd('GET', '/url');
  }

  delete() {
    return call(this.base, 'DELETE', `/session/${this.id}`, undefined, 15_000);
  }
}

async function call(base, method, route, body, timeout) {
  const command = `${method} ${route.replace(/\/session\/[^/]+/, '/session/…')}`;
  let res;
  try {
    res = await fetch(base + route, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new Error(`${command}: no answer from geckodriver within ${timeout} ms (${e.message})`);
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(command, res.status, json.value);
  return json.value;
}
