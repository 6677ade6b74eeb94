// The CRM hosts, answered from tests/fixtures by a local HTTPS server on 127.0.0.1:443 (Firefox
// maps the hosts to loopback with `network.dns.localDomains`), plus a catch-all proxy that
// records any request Firefox makes to any other host and answers none of them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSP, GUARD_FILE, SERVED, renderFixture } from '../e2e/harness.mjs';


/** The hosts the fixtures live on (tests/fixtures/expected.json and truth-21.json). */
export const CRM_HOSTS = [...new Set(Object.values(SERVED).map((url) => new URL(url).hostname))];

export const GUARD_PATH = '/__stallwatch_guard.js';
const GUARD_JS = readFileSync(GUARD_FILE, 'utf8');

/** A throwaway self-signed certificate for the CRM hosts, valid one day. */
function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-subj', '/CN=stallwatch-test',
      '-addext', `subjectAltName=${CRM_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      '-days', '1', '-keyout', key, '-out', cert,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** `origin + path` of a URL, without a trailing slash, with its query: a fixture's key. */
function normalise(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/$/, '')}${u.search}`;
}

/** The fixture HTML as served: dates filled, the guard script first in <head>. */
export function servedHtml(file) {
  const html = renderFixture(file);
  const tag = `<script src="${GUARD_PATH}"></script>`;
  const withGuard = html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}${tag}`);
  if (withGuard === html) throw new Error(`${file} has no <head> to put the guard in`);
  return withGuard;
}

/**
 * Starts the fixture server on 127.0.0.1:443 and the recording proxy on a free port.
 * `requests` lists every request either one received, in order, as
 * `{ via: 'https' | 'proxy', method, url }`.
 */
export async function startServers() {
  const dir = mkdtempSync(path.join(tmpdir(), 'stallwatch-ff-cert-'));
  let tls;
  try {
    tls = makeCertificate(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const byUrl = new Map(Object.entries(SERVED).map(([file, url]) => [normalise(url), file]));

  const requests = [];
  const fixtures = https.createServer(tls, (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    requests.push({ via: 'https', method: req.method, url });
    const u = new URL(url);
    if (req.method === 'GET' && u.pathname === GUARD_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(GUARD_JS);
      return;
    }
    const file = req.method === 'GET' ? byUrl.get(normalise(url)) : undefined;
    if (!file) {
      // Nothing else is ever served (favicon.ico included): a request the extension makes gets
      // a 404 here and fails the test through the request log.
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a fixture');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'cache-control': 'no-store',
    });
    res.end(servedHtml(file));
  });
  fixtures.on('tlsClientError', () => {}); // a refused handshake is not ours to report

  // Firefox sends every other host here (network.proxy.*): recorded, then refused.
  const proxy = http.createServer((req, res) => {
    requests.push({ via: 'proxy', method: req.method, url: req.url });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('no network in the Stallwatch Firefox test');
  });
  proxy.on('connect', (req, socket) => {
    requests.push({ via: 'proxy', method: 'CONNECT', url: req.url });
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  const sockets = new Set();
  for (const s of [fixtures, proxy]) {
    s.on('connection', (c) => {
      sockets.add(c);
      c.on('close', () => sockets.delete(c));
    });
  }

  await listen(fixtures, 443).catch((e) => {
    throw new Error(
      `cannot listen on 127.0.0.1:443 for the fixture pages (${e.code || e.message}); ` +
        'the Firefox test maps the real CRM hosts to loopback and must run as root (or with ' +
        'CAP_NET_BIND_SERVICE) on a machine where port 443 is free',
    );
  });
  await listen(proxy, 0);
  return {
    requests,
    proxyPort: proxy.address().port,
    async close() {
      for (const c of sockets) c.destroy();
      await Promise.all([fixtures, proxy].map((s) => new Promise((r) => s.close(() => r()))));
    },
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
