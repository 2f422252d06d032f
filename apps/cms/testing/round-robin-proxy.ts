import http from 'node:http';
import type net from 'node:net';

/** The response header that says which backend answered (its index in `backends`). */
export const SERVED_BY_HEADER = 'x-test-served-by';

export type RoundRobinProxy = {
  url: string;
  /** Where requests go, in turn; may be set after the proxy started (its URL is the CMS's PUBLIC_URL). */
  backends: string[];
  close: () => Promise<void>;
};

/**
 * One origin in front of several CMS instances, as a load balancer would be: each request goes to
 * the next backend in turn (no sticky sessions), loopback only. A few lines of node:http suffice
 * for a test; a deployment uses its platform's load balancer.
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const proxy: RoundRobinProxy = { url: '', backends: [], close: async () => {} };
  let next = 0;
  const server = http.createServer((req, res) => {
    if (proxy.backends.length === 0) {
      res.writeHead(503).end('no backend');
      return;
    }
    const index = next++ % proxy.backends.length;
    const target = new URL(req.url ?? '/', proxy.backends[index]);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_BY_HEADER]: String(index) });
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
