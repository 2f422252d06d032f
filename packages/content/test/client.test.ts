import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createContentClient, type ContentClientOptions } from '../src/client.js';
import { ContentFetchError } from '../src/errors.js';

const URL_ = 'http://cms.test/graphql';
const QUERY = '{ ping }';

interface ArticlesResult {
  articles_connection: { nodes: { documentId: string }[]; pageInfo?: { pageCount: number; total: number } };
}
interface ArticlesVariables {
  locale: string;
  page?: number | null;
  pageSize?: number | null;
}
const ARTICLES = parse(`
  query Articles($locale: I18NLocaleCode, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    articles_connection(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {
      nodes { documentId }
      pageInfo @include(if: $withPageInfo) { page pageSize pageCount total }
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
    const pageInfoAsked = new Map<number, boolean>();
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const { page = 1, pageSize = 10, withPageInfo = true } = sentBody(init).variables as { page?: number; pageSize?: number; withPageInfo?: boolean };
        pagesRequested.push(page);
        pageInfoAsked.set(page, withPageInfo);
        const ids = Array.from({ length: total }, (_, i) => ({ documentId: `doc-${i}` }));
        const nodes = ids.slice((page - 1) * pageSize, page * pageSize);
        // As `pageInfo @include(if: $withPageInfo)` answers.
        const pageInfo = withPageInfo ? { page, pageSize, pageCount: Math.ceil(total / pageSize), total } : undefined;
        return json({ data: { articles_connection: { nodes, pageInfo } } });
      } finally {
        inFlight -= 1;
      }
    }) as typeof globalThis.fetch;
    return { fetch, pagesRequested, pageInfoAsked, maxInFlight: () => maxInFlight };
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
    expect(sentBody(calls[0]).variables).toEqual({ locale: 'es', page: 1, pageSize: 50, withPageInfo: true });
  });

  it('asks for pageInfo (a count, for the CMS) with the first page only', async () => {
    const strapi = fakeStrapi(250);
    const nodes = await client(strapi.fetch).fetchAllPages(ARTICLES, { locale: 'es' }, selectArticles, 100);
    expect(nodes).toHaveLength(250);
    expect(Object.fromEntries(strapi.pageInfoAsked)).toEqual({ 1: true, 2: false, 3: false });
  });

  it('fails, naming the query, when the first page comes without its pageInfo', async () => {
    const { fetch } = scripted(() => json({ data: { articles_connection: { nodes: [{ documentId: 'a' }] } } }));
    const error = await failure(client(fetch).fetchAllPages(ARTICLES, { locale: 'en' }, selectArticles));
    expect(error.kind).toBe('graphql');
    expect(error.message).toMatch(/first page of a list without its pageInfo \(.+\)/);
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

  it("remembers the CMS's clock from its first answer (the Date header), not later ones", async () => {
    const dated = (date: string) => () => new Response(JSON.stringify({ data: { ping: 'pong' } }), { headers: { date, 'content-type': 'application/json' } });
    const { fetch } = scripted(dated('Mon, 30 Nov 2026 06:00:00 GMT'), dated('Mon, 30 Nov 2026 07:00:00 GMT'));
    const c = client(fetch);
    expect(c.firstAnswerAt?.()).toBeNull();
    await c.request(QUERY);
    await c.request(QUERY);
    expect(c.firstAnswerAt?.()).toBe('2026-11-30T06:00:00.000Z');
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

describe('error messages name the cause', () => {
  /** Strapi's answer when the token is valid but may not read the field at `path`. */
  const forbiddenAt = (...paths: (string | number)[][]) =>
    json({
      data: null,
      errors: paths.map((path) => ({
        message: 'Forbidden access',
        path,
        extensions: { code: 'FORBIDDEN', error: { name: 'ForbiddenError', message: 'Forbidden access', details: {} } },
      })),
    });
  const nonNull = (type: string, field: string, path: (string | number)[]) =>
    json({
      data: null,
      errors: [{ message: `Cannot return null for non-nullable field ${type}.${field}.`, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });

  const LOCALES = 'query Locales { i18NLocales { code name isDefault } }';
  const ARTICLE_PAGE = `
    query Articles($locale: I18NLocaleCode!, $status: PublicationStatus, $page: Int, $pageSize: Int) {
      articles_connection(locale: $locale, status: $status, pagination: { page: $page, pageSize: $pageSize }) {
        nodes { documentId slug author { documentId } seo { metaTitle } }
      }
    }`;

  it('names the permission a valid token lacks, and the query that needed it, without blaming the token', async () => {
    const { fetch, calls } = scripted(() => forbiddenAt(['i18NLocales']));
    const error = await failure(client(fetch).request(LOCALES));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('"I18n > locales > listLocales" (plugin::i18n.locales.listLocales)');
    expect(error.message).toContain('the Locales query (field i18NLocales)');
    expect(error.message).toContain('Settings > API Tokens');
    expect(error.message).not.toMatch(/rejected|codegen/);
  });

  it.each([
    ['a list of a collection type', 'query P { providers_connection { nodes { name } } }', ['providers_connection'], 'Provider > provider > find', 'api::provider.provider.find'],
    ['one document by documentId', 'query One($id: ID!) { article(documentId: $id) { title } }', ['article'], 'Article > article > findOne', 'api::article.article.findOne'],
    ['a single type', 'query S { selfAssessment { title } }', ['selfAssessment'], 'Self-assessment > self-assessment > find', 'api::self-assessment.self-assessment.find'],
    ['a relation, through a fragment', 'query T { topics { ...T } } fragment T on Topic { articles { slug } }', ['topics', 0, 'articles'], 'Article > article > find', 'api::article.article.find'],
  ])('names the permission for %s', async (_what, query, path, label, action) => {
    const { fetch } = scripted(() => forbiddenAt(path));
    const error = await failure(client(fetch).request(query));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain(`"${label}" (${action})`);
    expect(error.message).toContain(`field ${path.join('.')}`);
  });

  it('names a refused relation once, however many entries it failed on', async () => {
    const paths = [0, 1, 2].map((i) => ['articles_connection', 'nodes', i, 'author']);
    const { fetch } = scripted(() => forbiddenAt(...paths));
    const error = await failure(client(fetch).request(ARTICLE_PAGE, { locale: 'en' }));
    expect(error.message).toContain('"Author > author > find" (api::author.author.find) that the Articles query');
    expect(error.message).toContain('(field articles_connection.nodes.0.author)');
    expect(error.message).not.toContain('nodes.1.author');
  });

  it('still calls an unknown or revoked token (401) rejected', async () => {
    const { fetch } = scripted(() => json({ data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } }, 401));
    const error = await failure(client(fetch).request(LOCALES));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('rejected the API token (401)');
    expect(error.message).toContain('revoked');
    expect(error.message).not.toContain('listLocales');
  });

  it('names the entry and field a draft left empty, and says it is content, not code', async () => {
    const { fetch, calls } = scripted(() => nonNull('Article', 'slug', ['articles_connection', 'nodes', 3, 'slug']));
    const variables = { locale: 'en', status: 'DRAFT', page: 2, pageSize: 100 };
    const error = await failure(client(fetch).request(ARTICLE_PAGE, variables));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('graphql');
    expect(error.message).toContain('The article (the 4th on page 2) in the Articles query');
    expect(error.message).toContain('locale en; status DRAFT; error path articles_connection.nodes.3.slug');
    expect(error.message).toContain('has no slug');
    expect(error.message).toContain('draft');
    expect(error.message).toContain('fill in slug and save');
    expect(error.message).not.toMatch(/codegen|content model changed/);
  });

  it('names a required field inside a component from the entry down', async () => {
    const { fetch } = scripted(() =>
      nonNull('ComponentSharedSeo', 'metaTitle', ['articles_connection', 'nodes', 0, 'seo', 'metaTitle']),
    );
    const error = await failure(client(fetch).request(ARTICLE_PAGE, { locale: 'es' }));
    expect(error.message).toContain('The article (the 1st) in the Articles query (locale es;');
    expect(error.message).toContain('fill in seo.metaTitle');
  });

  it('keeps the codegen hint for a query the schema does not accept', async () => {
    const errors = [{ message: 'Cannot query field "nope" on type "Article".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
    const { fetch, calls } = scripted(() => json({ errors }, 400));
    const error = await failure(client(fetch).request('query Articles { articles { nope } }'));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('graphql');
    expect(error.message).toContain('does not accept the Articles query: Cannot query field "nope" on type "Article".');
    expect(error.message).toContain('re-run codegen');
  });

  it('says a query is too deep, and where the limit is set', async () => {
    const errors = [{ message: "'Deep' exceeds maximum operation depth of 10", extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
    const { fetch } = scripted(() => json({ errors }, 400));
    const error = await failure(client(fetch).request('query Deep { articles { slug } }'));
    expect(error.message).toContain('The Deep query is nested deeper than the CMS allows (at most 10 levels');
    expect(error.message).toContain('depthLimit');
    expect(error.message).not.toContain('codegen');
  });

  it("quotes Strapi's own message for the rest, with its code and path", async () => {
    const errors = [
      {
        message: 'Cannot use both page & offset pagination in the same query',
        path: ['articles'],
        extensions: { code: 'STRAPI_PAGINATION_ERROR', error: { name: 'PaginationError' } },
      },
    ];
    const { fetch } = scripted(() => json({ data: null, errors }));
    const error = await failure(client(fetch).request('query Articles { articles { slug } }'));
    expect(error.kind).toBe('graphql');
    expect(error.message).toContain(
      'could not answer the Articles query: Cannot use both page & offset pagination in the same query (STRAPI_PAGINATION_ERROR at articles)',
    );
    expect(error.message).toContain('paging arguments');
    expect(error.message).not.toMatch(/codegen|token/);
  });
});
