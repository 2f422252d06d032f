import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createContentClient, type ContentClientOptions } from '../src/client.js';
import { ContentFetchError } from '../src/errors.js';

const URL_ = 'http://cms.test/graphql';
const QUERY = '{ ping }';

interface ArticlesResult {
  articles_connection: { nodes: { documentId: string }[]; pageInfo: { pageCount: number; total: number } };
}
interface ArticlesVariables {
  locale: string;
  page?: number | null;
  pageSize?: number | null;
}
const ARTICLES = parse(`
  query Articles($locale: I18NLocaleCode, $page: Int, $pageSize: Int) {
    articles_connection(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {
      nodes { documentId }
      pageInfo { page pageSize pageCount total }
    }
  }
`) as TypedDocumentNode<ArticlesResult, ArticlesVariables>;
const selectArticles = (data: ArticlesResult) => data.articles_connection;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function sentBody(init: RequestInit | undefined): { variables?: Record<string, unknown> } {
  return JSON.parse(String(init?.body)) as { variables?: Record<string, unknown> };
}

/** A fake fetch that answers each call with the next response in `script` (the last one repeats). */
function scripted(...script: ((init: RequestInit) => Response | Promise<Response>)[]) {
  const calls: RequestInit[] = [];
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    calls.push(init ?? {});
    const next = script[Math.min(calls.length, script.length) - 1];
    if (!next) throw new Error('empty script');
    return next(init ?? {});
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function client(fetch: typeof globalThis.fetch, options: Partial<ContentClientOptions> = {}) {
  return createContentClient({ url: URL_, token: 'secret-token', minRetryDelayMs: 1, fetch, ...options });
}

async function failure(promise: Promise<unknown>): Promise<ContentFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentFetchError);
  return error as ContentFetchError;
}

const ok = () => json({ data: { ping: 'pong' } });
const networkDown = () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1337'), { code: 'ECONNREFUSED' });
  throw new TypeError('fetch failed', { cause });
};

describe('fetchAllPages', () => {
  /** Serves `total` articles the way Strapi 5 pages a *_connection query. */
  function fakeStrapi(total: number, delayMs = 0) {
    const pagesRequested: unknown[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const { page = 1, pageSize = 10 } = sentBody(init).variables as { page?: number; pageSize?: number };
        pagesRequested.push(page);
        const ids = Array.from({ length: total }, (_, i) => ({ documentId: `doc-${i}` }));
        const nodes = ids.slice((page - 1) * pageSize, page * pageSize);
        const pageInfo = { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
        return json({ data: { articles_connection: { nodes, pageInfo } } });
      } finally {
        inFlight -= 1;
      }
    }) as typeof globalThis.fetch;
    return { fetch, pagesRequested, maxInFlight: () => maxInFlight };
  }

  it('makes one request per page and returns every node in page order', async () => {
    const strapi = fakeStrapi(250);
    const nodes = await client(strapi.fetch).fetchAllPages(ARTICLES, { locale: 'es' }, selectArticles, 100);

    expect(strapi.pagesRequested).toHaveLength(3);
    expect([...strapi.pagesRequested].sort()).toEqual([1, 2, 3]);
    expect(nodes.map((n) => n.documentId)).toEqual(Array.from({ length: 250 }, (_, i) => `doc-${i}`));
  });

  it('passes the other variables along with the paging ones', async () => {
    const { fetch, calls } = scripted(() =>
      json({ data: { articles_connection: { nodes: [], pageInfo: { pageCount: 0, total: 0 } } } }),
    );
    await client(fetch).fetchAllPages(ARTICLES, { locale: 'es' }, selectArticles, 50);
    expect(sentBody(calls[0]).variables).toEqual({ locale: 'es', page: 1, pageSize: 50 });
  });

  it('keeps at most `concurrency` requests in flight, and does use that many', async () => {
    const strapi = fakeStrapi(1000, 20);
    const nodes = await client(strapi.fetch, { concurrency: 3 }).fetchAllPages(
      ARTICLES,
      { locale: 'en' },
      selectArticles,
      100,
    );

    expect(nodes).toHaveLength(1000);
    expect(strapi.pagesRequested).toHaveLength(10);
    expect(strapi.maxInFlight()).toBe(3);
  });

  it('fails when the nodes received do not add up to pageInfo.total', async () => {
    const { fetch } = scripted(() =>
      json({
        data: { articles_connection: { nodes: [{ documentId: 'a' }], pageInfo: { pageCount: 1, total: 2 } } },
      }),
    );
    const error = await failure(client(fetch).fetchAllPages(ARTICLES, { locale: 'en' }, selectArticles));
    expect(error.kind).toBe('graphql');
    expect(error.message).toMatch(/2 entries but 1 arrived/);
  });
});

describe('request', () => {
  it('sends the token as a bearer Authorization header', async () => {
    const { fetch, calls } = scripted(ok);
    await expect(client(fetch).request<{ ping: string }>(QUERY)).resolves.toEqual({ ping: 'pong' });
    expect(new Headers(calls[0]?.headers).get('authorization')).toBe('Bearer secret-token');
  });

  it('retries a 503 and then succeeds', async () => {
    const { fetch, calls } = scripted(() => json({ errors: [{ message: 'down' }] }, 503), ok);
    await expect(client(fetch).request(QUERY)).resolves.toEqual({ ping: 'pong' });
    expect(calls).toHaveLength(2);
  });

  it('retries a 429', async () => {
    const { fetch, calls } = scripted(() => new Response('slow down', { status: 429 }), ok);
    await expect(client(fetch).request(QUERY)).resolves.toEqual({ ping: 'pong' });
    expect(calls).toHaveLength(2);
  });

  it('retries when fetch itself rejects', async () => {
    const { fetch, calls } = scripted(networkDown, ok);
    await expect(client(fetch).request(QUERY)).resolves.toEqual({ ping: 'pong' });
    expect(calls).toHaveLength(2);
  });

  it('gives up after retries + 1 attempts when the CMS is unreachable', async () => {
    const { fetch, calls } = scripted(networkDown);
    const error = await failure(client(fetch, { retries: 2 }).request(QUERY));
    expect(calls).toHaveLength(3);
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`Cannot reach the CMS at ${URL_} (connect ECONNREFUSED`);
    expect(error.message).toContain('STRAPI_URL');
  });

  it('gives up after retries + 1 attempts on repeated 5xx', async () => {
    const { fetch, calls } = scripted(() => new Response('bad gateway', { status: 502 }));
    const error = await failure(client(fetch, { retries: 3 }).request(QUERY));
    expect(calls).toHaveLength(4);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('does not retry a 400', async () => {
    const { fetch, calls } = scripted(() => new Response('bad request', { status: 400 }));
    const error = await failure(client(fetch).request(QUERY));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
  });

  it('does not retry a 401, and blames the token', async () => {
    const body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } };
    const { fetch, calls } = scripted(() => json(body, 401));
    const error = await failure(client(fetch).request(QUERY));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('STRAPI_TOKEN');
  });

  it('treats an UnauthorizedError inside a 200 answer as a bad token', async () => {
    const errors = [
      { message: 'Missing or invalid credentials', extensions: { error: { name: 'UnauthorizedError' } } },
    ];
    const { fetch, calls } = scripted(() => json({ data: null, errors }));
    const error = await failure(client(fetch).request(QUERY));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('unauthorized');
  });

  it('does not retry GraphQL errors in a 200 answer, and quotes them', async () => {
    const errors = [{ message: 'Cannot query field "ping" on type "Query".' }];
    const { fetch, calls } = scripted(() => json({ data: null, errors }));
    const error = await failure(client(fetch).request(QUERY));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('graphql');
    expect(error.message).toContain('Cannot query field "ping" on type "Query".');
  });
});

describe('timeouts', () => {
  /** Answers after `ms` (never, if undefined); rejects when the request's signal aborts, as real fetch does. */
  const answerAfter = (init: RequestInit | undefined, ms?: number) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return reject(new Error('no signal passed to fetch'));
      signal.throwIfAborted();
      if (ms !== undefined) setTimeout(() => resolve(ok()), ms);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  const hang = (_input: unknown, init?: RequestInit) => answerAfter(init);

  it('rejects with kind timeout when the CMS does not answer in time', async () => {
    const started = performance.now();
    const error = await failure(client(hang as typeof fetch, { timeoutMs: 50, retries: 0 }).request(QUERY));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within 50 ms');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives each attempt its own time budget', async () => {
    // The second attempt starts after the first one's 50 ms are spent, and needs 30 ms of its own.
    const { fetch, calls } = scripted(
      (init) => answerAfter(init),
      (init) => answerAfter(init, 30),
    );
    await expect(client(fetch, { timeoutMs: 50, retries: 1 }).request(QUERY)).resolves.toEqual({ ping: 'pong' });
    expect(calls).toHaveLength(2);
  });
});
