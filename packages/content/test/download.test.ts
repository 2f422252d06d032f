import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentClient } from '../src/client.js';
import { createDownloader } from '../src/download.js';
import { ContentFetchError } from '../src/errors.js';

const IMAGE = 'http://cms.test/uploads/cover_abc123.jpg';
const BYTES = Buffer.from('not really a jpeg, but bytes all the same');

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as ContentFetchError;
  }
  throw new Error('expected a failure');
};

/** A fetch that answers from a list, one answer per call; the calls are recorded. */
function scripted(...answers: (() => Response | Promise<Response>)[]) {
  const calls: string[] = [];
  const fake = (async (input: string | URL | Request) => {
    calls.push(String(input));
    const next = answers[Math.min(calls.length, answers.length) - 1]!;
    return next();
  }) as typeof fetch;
  return { fetch: fake, calls };
}

const ok = () => new Response(BYTES, { status: 200 });
const status = (code: number) => () => new Response('busy', { status: code });
const dropped = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('other side closed') }));

describe('createDownloader', () => {
  it('returns the whole body', async () => {
    const { fetch, calls } = scripted(ok);
    expect(await createDownloader({ fetch })(IMAGE)).toEqual(BYTES);
    expect(calls).toEqual([IMAGE]);
  });

  it('retries a dropped connection, a 503 and a 429, then succeeds', async () => {
    const { fetch, calls } = scripted(dropped, status(503), status(429), ok);
    expect(await createDownloader({ fetch, minRetryDelayMs: 1 })(IMAGE)).toEqual(BYTES);
    expect(calls).toHaveLength(4);
  });

  it('does not retry a 404, and names the URL', async () => {
    const { fetch, calls } = scripted(status(404), ok);
    const error = await failure(createDownloader({ fetch, minRetryDelayMs: 1 })(IMAGE));
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ContentFetchError);
    expect(error.message).toBe(`Could not download ${IMAGE}: the CMS answered HTTP 404.`);
    expect([error.kind, error.status, error.url]).toEqual(['http', 404, IMAGE]);
  });

  it('gives up after retries + 1 attempts, naming the URL, the cause and the attempts', async () => {
    const { fetch, calls } = scripted(dropped);
    const error = await failure(createDownloader({ fetch, retries: 2, minRetryDelayMs: 1 })(IMAGE));
    expect(calls).toHaveLength(3);
    expect(error.message).toBe(`Could not download ${IMAGE} (other side closed). Gave up after 3 attempts.`);
    expect(error.kind).toBe('unreachable');
  });

  it('times each attempt out on its own', async () => {
    const hang = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const error = await failure(createDownloader({ fetch: hang, timeoutMs: 30, retries: 1, minRetryDelayMs: 1 })(IMAGE));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`Could not download ${IMAGE}: no answer within 30 ms. Gave up after 2 attempts.`);
  });

  it('uses the same defaults as the GraphQL client: 4 attempts on a CMS that keeps failing', async () => {
    const download = scripted(dropped);
    const graphql = scripted(dropped);
    // Only the first delay is shortened, so that the test is quick; the attempts come from the shared default.
    await failure(createDownloader({ fetch: download.fetch, minRetryDelayMs: 1 })(IMAGE));
    await failure(createContentClient({ url: 'http://cms.test/graphql', token: 't', fetch: graphql.fetch, minRetryDelayMs: 1 }).request('{ ping }'));
    expect(download.calls).toHaveLength(4);
    expect(graphql.calls).toHaveLength(4);
  });

  it('keeps at most `concurrency` downloads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const fetch = (async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      return ok();
    }) as typeof globalThis.fetch;
    const download = createDownloader({ fetch, concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => download(`${IMAGE}?${i}`)));
    expect(most).toBe(2);
  });
});

describe('createDownloader against a real server that drops connections', () => {
  let server: http.Server;
  let base: string;
  const requests = new Map<string, number>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const seen = (requests.get(req.url!) ?? 0) + 1;
      requests.set(req.url!, seen);
      const [, mode, times] = req.url!.match(/^\/(reset|truncate)-(\d+)\//) ?? [];
      if (mode && seen <= Number(times)) {
        if (mode === 'reset') {
          req.socket.destroy();
        } else {
          // Promises the whole file, sends half, then hangs up: a partial download.
          res.writeHead(200, { 'content-length': String(BYTES.length) });
          res.write(BYTES.subarray(0, 10), () => req.socket.destroy());
        }
        return;
      }
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(BYTES.length) }).end(BYTES);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const download = createDownloader({ minRetryDelayMs: 5, retries: 2 });

  it('retries a reset connection ("other side closed") and returns the file', async () => {
    expect(await download(`${base}/reset-2/a.jpg`)).toEqual(BYTES);
    expect(requests.get('/reset-2/a.jpg')).toBe(3);
  });

  it('retries a body cut off mid-file and returns the whole file', async () => {
    expect(await download(`${base}/truncate-1/b.jpg`)).toEqual(BYTES);
    expect(requests.get('/truncate-1/b.jpg')).toBe(2);
  });

  it('fails naming the URL when every attempt is reset', async () => {
    const url = `${base}/reset-99/c.jpg`;
    const error = await failure(download(url));
    expect(error.message).toMatch(new RegExp(`^Could not download ${url} \\(.+\\)\\. Gave up after 3 attempts\\.$`));
    expect(requests.get('/reset-99/c.jpg')).toBe(3);
  });
});
