import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

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
 * A static file server for the built site (local preview and tests), with the site's 404 page.
 * With onRebuild, `POST /__rebuild` from this machine (the local CMS's webhook) triggers it.
 */
export function createStaticServer(root: string, options: { onRebuild?: () => void } = {}) {
  const absoluteRoot = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/__rebuild' && options.onRebuild) {
      req.resume(); // the webhook's body is not needed
      if (!isLoopback(req.socket.remoteAddress)) {
        res.writeHead(403).end();
      } else if (mediaType(req.headers['content-type']) !== 'application/json') {
        // A web page in the developer's browser can POST here cross-site, but only as a "simple"
        // request (text/plain, form types): JSON needs a CORS preflight, which this server never
        // approves. Strapi's webhooks send application/json.
        res.writeHead(415).end();
      } else {
        options.onRebuild();
        res.writeHead(202).end();
      }
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
}
