import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

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
 * A static file server for the built site (local preview and tests), with the site's 404 page.
 * With onRebuild, `POST /__rebuild` from this machine (the local CMS's webhook) triggers it.
 */
export function createStaticServer(root: string, options: { onRebuild?: () => void } = {}) {
  const absoluteRoot = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/__rebuild' && options.onRebuild) {
      const allowed = isLoopback(req.socket.remoteAddress);
      if (allowed) options.onRebuild();
      res.writeHead(allowed ? 202 : 403).end();
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
      res.writeHead(301, { location: `${pathname}/${url.slice(pathname.length)}` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? resolveFile(absoluteRoot, '/404.html');
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(status, {
      'content-type': TYPES[path.extname(body).toLowerCase()] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(body).pipe(res);
  });
}
