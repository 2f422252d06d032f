import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticServer, type StaticServerOptions } from '../../src/serve.js';

const SECRET = 'a-long-random-shared-secret-for-tests';

type Reply = { status: number; body: string };

/** A real HTTP request with any Host header (fetch does not let a caller set it). */
function request(port: number, options: { method?: string; path?: string; host?: string | null; headers?: Record<string, string>; body?: string }) {
  return new Promise<Reply>((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.host !== null) headers.host = options.host ?? `127.0.0.1:${port}`;
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers, setHost: false },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const servers: http.Server[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(options: StaticServerOptions = {}, { built = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-serve-'));
  dirs.push(dir);
  const root = path.join(dir, 'site');
  if (built) {
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'index.html'), 'home');
  }
  const server = createStaticServer(root, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, root };
}

describe('the static server’s Host check (DNS rebinding)', () => {
  it('answers its loopback names with its port, and the site’s own host', async () => {
    const { port } = await serve({ extraHosts: ['solace.example', 'Preview.Solace.Example:8443'] });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'solace.example', 'preview.solace.example:8443']) {
      expect(await request(port, { host }), host).toEqual({ status: 200, body: 'home' });
    }
  });

  it('refuses any other Host with 421 Misdirected Request', async () => {
    const { port } = await serve({ extraHosts: ['solace.example'] });
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost', `localhost:${port + 1}`, `127.0.0.2:${port}`, 'solace.example.evil.example', '']) {
      const reply = await request(port, { host });
      expect(reply.status, host).toBe(421);
      expect(reply.body).not.toContain('home');
    }
  });

  it('refuses a request without a Host header', async () => {
    const { port } = await serve();
    // HTTP/1.1 requires a Host header (Node answers 400 itself); HTTP/1.0 does not, so check it here.
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 421 /);
  });
});

describe('the rebuild endpoint', () => {
  function rebuildServer(secret: string | undefined = SECRET) {
    const payloads: unknown[] = [];
    return { payloads, options: { rebuild: { secret: () => secret, onRequest: (payload: unknown) => payloads.push(payload) } } };
  }
  const post = (port: number, headers: Record<string, string>, extra: { host?: string; body?: string } = {}) =>
    request(port, { method: 'POST', path: '/__rebuild', headers, body: extra.body ?? '{"event":"entry.publish"}', host: extra.host });

  it('accepts the CMS’s JSON webhook with the shared secret and passes its payload on', async () => {
    const { payloads, options } = rebuildServer();
    const { port } = await serve(options);
    const reply = await post(port, { 'content-type': 'application/json', 'x-solace-secret': SECRET });
    expect(reply.status).toBe(202);
    expect(payloads).toEqual([{ event: 'entry.publish' }]);
  });

  it('refuses a call without the secret, or with a wrong one, with 401', async () => {
    const { payloads, options } = rebuildServer();
    const { port } = await serve(options);
    for (const secret of [undefined, '', 'wrong', SECRET.slice(0, -1), `${SECRET}x`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers['x-solace-secret'] = secret;
      expect((await post(port, headers)).status, String(secret)).toBe(401);
    }
    expect(payloads).toEqual([]);
  });

  it('refuses every call while there is no secret to compare with', async () => {
    const { payloads, options } = rebuildServer(undefined);
    const { port } = await serve(options);
    expect((await post(port, { 'content-type': 'application/json', 'x-solace-secret': '' })).status).toBe(401);
    expect((await post(port, { 'content-type': 'application/json', 'x-solace-secret': 'undefined' })).status).toBe(401);
    expect(payloads).toEqual([]);
  });

  it('refuses a call with the secret on another Host name (421), a non-JSON body (415) or a broken one (400)', async () => {
    const { payloads, options } = rebuildServer();
    const { port } = await serve(options);
    const headers = { 'content-type': 'application/json', 'x-solace-secret': SECRET };
    expect((await post(port, headers, { host: `rebind.example:${port}` })).status).toBe(421);
    // What a cross-site page can send without a CORS preflight.
    expect((await post(port, { ...headers, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(port, headers, { body: '{not json' })).status).toBe(400);
    expect(payloads).toEqual([]);
  });

  it('has no rebuild endpoint unless asked for one', async () => {
    const { port } = await serve();
    const reply = await post(port, { 'content-type': 'application/json', 'x-solace-secret': SECRET });
    expect(reply.status).toBe(405);
  });
});

describe('before the first build', () => {
  it('answers 503 with a page that says so, then serves the build once it exists', async () => {
    const { port, root } = await serve({ buildStatus: () => 'The first build failed: <CMS down>' }, { built: false });
    const before = await request(port, { path: '/en/' });
    expect(before.status).toBe(503);
    expect(before.body).toContain('<h1>Not built yet</h1>');
    expect(before.body).toContain('The first build failed: &lt;CMS down&gt;');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'index.html'), 'home');
    expect(await request(port, {})).toEqual({ status: 200, body: 'home' });
  });
});
