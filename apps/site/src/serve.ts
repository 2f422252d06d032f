import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { escapeHtml } from './escape-html.js';
import { SECRET_HEADER, secretMatches } from './rebuild-webhook.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** The file a URL path maps to inside root (directory URLs serve index.html), or null. */
export function resolveFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  const target = path.join(root, path.normalize(decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  for (const candidate of [target, path.join(target, 'index.html')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * The Host names a server answers to: the loopback names with the port it listens on, plus any
 * given (the host of SITE_URL). A page on another name that resolves here (DNS rebinding) must not
 * read the drafts preview or reach the rebuild endpoint.
 */
export function allowedHosts(port: number, extra: (string | undefined)[] = []) {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}:${port}`);
  return new Set([...loopback, ...extra.filter((host): host is string => !!host).map((host) => host.toLowerCase())]);
}

/** Shown until the first good build exists. No automatic reload: a page must not refresh itself
 * on a timer (WCAG 2.2.1; axe's meta-refresh rule). */
function notBuiltYetPage(detail: string) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not built yet</title></head>
<body>
<main>
<h1>Not built yet</h1>
<p>This site has not been built yet. Reload the page in a few seconds: the site shows as soon as its first build succeeds.</p>
${detail ? `<p>${escapeHtml(detail)}</p>` : ''}
</main>
</body>
</html>
`;
}

const REBUILD_BODY_LIMIT = 1024 * 1024;

export type RebuildOptions = {
  /** The shared secret the CMS's webhook sends in x-solace-secret; undefined refuses every call. */
  secret: () => string | undefined;
  /** Called with the webhook's JSON payload once the call is accepted. */
  onRequest: (payload: unknown) => void;
};

export type StaticServerOptions = {
  /** With rebuild, `POST /__rebuild` (the CMS's webhook) asks for a rebuild. */
  rebuild?: RebuildOptions;
  /** Host names besides the loopback ones (each with its port, as in a Host header). */
  extraHosts?: string[];
  /** A line for the "not built yet" page (what the first build is doing). */
  buildStatus?: () => string;
};

/** The media type of a request (without parameters such as charset), lower-cased. */
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** The URL path of the directory holding `file` (an index.html inside root), with a trailing slash. */
function directoryUrl(root: string, file: string) {
  const relative = path.relative(root, path.dirname(file));
  // Built from the file found on disk, never from the request, so it always stays on this origin
  // (a raw "//evil.example/..%2fen" would otherwise become a protocol-relative Location).
  return relative ? `/${relative.split(path.sep).map(encodeURIComponent).join('/')}/` : '/';
}

/**
 * A static file server for the built site (`pnpm start` and tests), with the site's 404 page. It
 * answers only its own Host names (421 otherwise), and a "not built yet" page (503) until the
 * output folder exists.
 */
export function createStaticServer(root: string, options: StaticServerOptions = {}) {
  const absoluteRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    if (!allowedHosts(port, options.extraHosts).has((req.headers.host ?? '').toLowerCase())) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request: unknown Host');
      req.resume();
      return;
    }
    if (req.method === 'POST' && req.url === '/__rebuild' && options.rebuild) {
      handleRebuild(req, res, options.rebuild);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!;
    const file = resolveFile(absoluteRoot, pathname);
    // A directory URL without its trailing slash would break relative links: redirect.
    if (file?.endsWith(`${path.sep}index.html`) && !pathname.endsWith('/') && !pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${directoryUrl(absoluteRoot, file)}${url.slice(pathname.length)}` }).end();
      return;
    }
    if (!file && !fs.existsSync(absoluteRoot)) {
      const headers = { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' };
      res.writeHead(503, headers).end(req.method === 'HEAD' ? undefined : notBuiltYetPage(options.buildStatus?.() ?? ''));
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? resolveFile(absoluteRoot, '/404.html');
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers = {
      'content-type': TYPES[path.extname(body).toLowerCase()] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    };
    if (req.method === 'HEAD') {
      res.writeHead(status, headers).end();
      return;
    }
    // Rebuilds swap the output folder by rename, so the file can vanish after resolveFile found
    // it: open it first (an open file survives the swap) and answer 500 if it has gone.
    fs.open(body, 'r', (openError, fd) => {
      if (openError) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Try again');
        return;
      }
      res.writeHead(status, headers);
      // A read error or a client going away mid-file must not crash the server: drop the response.
      pipeline(fs.createReadStream(body, { fd }), res, (error) => {
        if (error) res.destroy();
      });
    });
  });
  return server;
}

/**
 * The CMS's webhook: refused without the shared secret (401), or from another machine (403); only
 * JSON, which a web page cannot send cross-site without a CORS preflight this server never approves.
 */
function handleRebuild(req: http.IncomingMessage, res: http.ServerResponse, rebuild: RebuildOptions) {
  const presented = req.headers[SECRET_HEADER];
  if (!secretMatches(typeof presented === 'string' ? presented : undefined, rebuild.secret())) {
    req.resume();
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end(`Send the shared secret (SITE_REBUILD_SECRET) in ${SECRET_HEADER}.`);
    return;
  }
  if (!isLoopback(req.socket.remoteAddress)) {
    req.resume();
    res.writeHead(403).end();
    return;
  }
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    req.resume();
    res.writeHead(415).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > REBUILD_BODY_LIMIT) {
      res.writeHead(413, { connection: 'close' }).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('The body is not JSON.');
      return;
    }
    rebuild.onRequest(payload);
    res.writeHead(202).end();
  });
}
