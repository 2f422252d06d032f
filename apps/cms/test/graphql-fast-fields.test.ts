import { describe, expect, inject, it } from 'vitest';
import { adminLogin, graphql } from '../testing';
import { authOnlyConfig, resolverConfigOf, wrapperIsInert } from '../src/graphql-fast-fields';

const cms = inject('cms');

/**
 * The site's fields per type, as packages/content asks for them: each becomes the GraphQL
 * selection and the REST `fields`/`populate` of the same question, so the two can be compared.
 */
type Spec = { [field: string]: true | Spec };
const IMAGE: Spec = { url: true, width: true, height: true, mime: true, updatedAt: true };
const REF: Spec = { documentId: true };

const COLLECTIONS: { name: string; rest: string; sort: string[]; fields: Spec; relations?: string }[] = [
  {
    name: 'articles',
    rest: 'articles',
    sort: ['date:desc', 'publishedAt:desc', 'documentId:asc'],
    fields: {
      documentId: true, locale: true, title: true, slug: true, summary: true, body: true, date: true, publishedAt: true,
      updatedAt: true, coverAlt: true, reviewedAt: true, nextReviewDue: true,
      cover: IMAGE, author: REF, topics: REF, reviewedBy: REF,
      seo: { metaTitle: true, metaDescription: true, canonicalUrl: true },
    },
  },
  {
    name: 'authors',
    rest: 'authors',
    sort: ['name:asc', 'documentId:asc'],
    fields: { documentId: true, locale: true, slug: true, name: true, credentials: true, role: true, bio: true, updatedAt: true, photo: IMAGE },
  },
  {
    name: 'topics',
    rest: 'topics',
    sort: ['name:asc', 'documentId:asc'],
    fields: { documentId: true, locale: true, slug: true, name: true, description: true, updatedAt: true },
  },
  {
    name: 'providers',
    rest: 'providers',
    sort: ['state:asc', 'city:asc', 'name:asc', 'documentId:asc'],
    fields: Object.fromEntries(
      ('documentId locale slug name organizationType streetAddress city state zip latitude longitude phone website email ' +
        'careHospital careOfficeClinic careHome careNursingHome agesAdults agesChildren languagesSpoken acceptingNewPatients description services')
        .split(' ')
        .map((f) => [f, true]),
    ),
  },
  {
    name: 'interfaceTexts',
    rest: 'interface-texts',
    sort: ['key:asc', 'documentId:asc'],
    fields: { documentId: true, locale: true, key: true, text: true, updatedAt: true },
  },
];

const SINGLES: { name: string; rest: string; fields: Spec }[] = [
  { name: 'global', rest: 'global', fields: { siteName: true, tagline: true, about: true } },
  {
    name: 'selfAssessment',
    rest: 'self-assessment',
    fields: { title: true, intro: true, questions: { prompt: true, hint: true }, results: { minYes: true, heading: true, body: true } },
  },
];

const selection = (spec: Spec): string =>
  Object.entries(spec)
    .map(([field, sub]) => (sub === true ? field : `${field}${field === 'topics' ? '(pagination: { pageSize: 100 })' : ''} { ${selection(sub)} }`))
    .join(' ');

/** REST `fields` and `populate` asking exactly for `spec`. */
function restParams(spec: Spec, params = new URLSearchParams(), prefix = '') {
  let i = 0;
  for (const [field, sub] of Object.entries(spec)) {
    if (sub === true) params.append(prefix ? `${prefix}[fields][${i++}]` : `fields[${i++}]`, field);
    else restParams(sub, params, prefix ? `${prefix}[populate][${field}]` : `populate[${field}]`);
  }
  return params;
}

/** Keeps only the fields of `spec` (REST adds `id`, and `documentId` to every populated entry). */
function pick(value: unknown, spec: Spec): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, spec));
  if (value === null || typeof value !== 'object') return value ?? null;
  const row = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(spec).map(([f, sub]) => [f, sub === true ? (row[f] ?? null) : pick(row[f], sub)]));
}

async function rest(path: string, params: URLSearchParams, token: string | null = cms.siteToken) {
  const res = await fetch(`${cms.url}/api/${path}?${params}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as { data: unknown; meta?: { pagination?: { total: number } } } };
}

async function customToken(permissions: string[]) {
  const jwt = await adminLogin(cms);
  const res = await fetch(`${cms.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name: `fast fields ${permissions.join(' ')} ${Date.now()}`, type: 'custom', kind: 'content-api', lifespan: null, permissions }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { accessKey: string } }).data.accessKey;
}

const forbidden = (res: { errors?: { message: string }[] }) => res.errors?.map((e) => e.message).join('; ') ?? '';

describe(`GraphQL fields without Strapi's pass-through wrapper (${cms.database})`, () => {
  for (const locale of ['en', 'es']) {
    for (const { name, rest: path, sort, fields } of COLLECTIONS) {
      it(`answers the site's ${name} query (${locale}) as REST does`, async () => {
        const query = `query Q($locale: I18NLocaleCode!) {
          ${name}_connection(locale: $locale, sort: ${JSON.stringify(sort)}, pagination: { pageSize: 100 }) {
            nodes { ${selection(fields)} }
            pageInfo { total }
          }
        }`;
        const params = restParams(fields);
        params.set('locale', locale);
        params.set('pagination[pageSize]', '100');
        sort.forEach((s, i) => params.set(`sort[${i}]`, s));
        const [viaGraphql, viaRest] = await Promise.all([graphql<Record<string, { nodes: unknown[]; pageInfo: { total: number } }>>(cms, query, { locale }), rest(path, params)]);
        expect(viaGraphql.errors).toBeUndefined();
        expect(viaRest.status).toBe(200);
        const nodes = viaGraphql.data![`${name}_connection`]!.nodes;
        // Something to compare: the demo content has entries of every type in both locales.
        expect(nodes.length).toBeGreaterThan(0);
        expect(viaGraphql.data![`${name}_connection`]!.pageInfo.total).toBe(viaRest.body.meta?.pagination?.total);
        expect(pick(nodes, fields)).toEqual(pick(viaRest.body.data, fields));
      });
    }
    for (const { name, rest: path, fields } of SINGLES) {
      it(`answers the site's ${name} query (${locale}) as REST does`, async () => {
        const params = restParams(fields);
        params.set('locale', locale);
        const [viaGraphql, viaRest] = await Promise.all([
          graphql<Record<string, unknown>>(cms, `query Q($locale: I18NLocaleCode!) { ${name}(locale: $locale) { ${selection(fields)} } }`, { locale }),
          rest(path, params),
        ]);
        expect(viaGraphql.errors).toBeUndefined();
        expect(viaRest.status).toBe(200);
        expect(viaGraphql.data![name]).not.toBeNull();
        expect(pick(viaGraphql.data![name], fields)).toEqual(pick(viaRest.body.data, fields));
      });
    }
  }

  it('answers anonymous requests 401, before any field runs', async () => {
    for (const { name, fields } of COLLECTIONS) {
      const res = await graphql(cms, `{ ${name}_connection { nodes { ${selection(fields)} } } }`, {}, null);
      expect(res.status, name).toBe(401);
      expect(res.data ?? null, name).toBeNull();
    }
  });

  it('still refuses the query and every relation field a token may not read', async () => {
    const articlesOnly = await customToken(['api::article.article.find']);
    // Scalars, the SEO component and the cover of an allowed record: as before, no extra permission.
    const allowed = await graphql(cms, '{ articles_connection { nodes { documentId title body date seo { metaTitle } } } }', {}, articlesOnly);
    expect(allowed.errors).toBeUndefined();
    expect((allowed.data as { articles_connection: { nodes: unknown[] } }).articles_connection.nodes.length).toBeGreaterThan(0);
    for (const relation of ['author { documentId }', 'topics { documentId }', 'reviewedBy { documentId }', 'topics_connection { nodes { documentId } }']) {
      const refused = await graphql(cms, `{ articles_connection { nodes { documentId title ${relation} } } }`, {}, articlesOnly);
      expect(forbidden(refused), relation).toMatch(/forbidden/i);
    }
    for (const query of ['{ authors_connection { nodes { name } } }', '{ providers_connection { nodes { name } } }', '{ topics { name } }', '{ global { siteName } }']) {
      const refused = await graphql(cms, query, {}, articlesOnly);
      expect(forbidden(refused), query).toMatch(/forbidden/i);
      expect(JSON.stringify(refused.data ?? null), query).not.toMatch(/"name":"|"siteName":"/);
    }

    // The other way round: an author's articles need the article permission.
    const authorsOnly = await customToken(['api::author.author.find']);
    const authors = await graphql(cms, '{ authors_connection { nodes { name bio } } }', {}, authorsOnly);
    expect(authors.errors).toBeUndefined();
    const refused = await graphql(cms, '{ authors_connection { nodes { name articles { title } } } }', {}, authorsOnly);
    expect(forbidden(refused)).toMatch(/forbidden/i);
    expect(JSON.stringify(refused.data ?? null)).not.toMatch(/"title":"/);
  });

  it("checks each relation's scope on its own, within one request", async () => {
    // Authors may be read, topics not: one request asks for both, on every article of the page.
    const token = await customToken(['api::article.article.find', 'api::author.author.find']);
    // topics_connection, unlike topics, may be null: a refusal leaves the article's other fields.
    const res = await graphql<{ articles_connection: { nodes: { author: unknown; topics_connection: unknown }[] } }>(
      cms,
      '{ articles_connection(locale: "en") { nodes { documentId author { documentId } topics_connection { nodes { documentId } } } } }',
      {},
      token,
    );
    const refusedPaths = (res.errors as { message: string; path?: (string | number)[] }[] | undefined)?.map((e) => e.path?.at(-1));
    const nodes = res.data!.articles_connection.nodes;
    expect(nodes.length).toBeGreaterThan(1);
    // Every article's topics refused (not only the first's), no author refused.
    expect(refusedPaths).toEqual(nodes.map(() => 'topics_connection'));
    expect(nodes.every((n) => n.topics_connection === null)).toBe(true);
    expect(forbidden(res)).toMatch(/forbidden/i);
    expect(nodes.filter((n) => n.author !== null).length).toBeGreaterThan(0);
  });

  it("keeps the site token's answers read-only: mutations stay refused", async () => {
    const res = await graphql(cms, 'mutation { createTopic(data: { name: "x" }, locale: "en") { documentId } }');
    expect(forbidden(res)).toMatch(/forbidden/i);
  });
});

describe('which wrappers are pass-through', () => {
  it('skips only non-root fields with no auth, policies or middlewares', () => {
    expect(wrapperIsInert('Article', undefined)).toBe(true);
    expect(wrapperIsInert('Article', {})).toBe(true);
    expect(wrapperIsInert('I18NLocale', { auth: false })).toBe(true);
    expect(wrapperIsInert('Article', { auth: { scope: ['api::author.author.find'] } })).toBe(false);
    expect(wrapperIsInert('Article', { policies: ['is-editor'] })).toBe(false);
    expect(wrapperIsInert('Article', { middlewares: [() => undefined] })).toBe(false);
    for (const root of ['Query', 'Mutation', 'Subscription']) expect(wrapperIsInert(root, undefined)).toBe(false);
  });

  it('checks once per request only the fields whose configuration is an auth scope and nothing else', () => {
    const auth = { scope: ['api::author.author.find'] };
    expect(authOnlyConfig('Article', { auth })).toBe(auth);
    expect(authOnlyConfig('Article', { auth, policies: [], middlewares: [] })).toBe(auth);
    expect(authOnlyConfig('Article', { auth, policies: ['is-editor'] })).toBeNull();
    expect(authOnlyConfig('Article', { auth, middlewares: [() => undefined] })).toBeNull();
    expect(authOnlyConfig('Article', { auth: false })).toBeNull();
    expect(authOnlyConfig('Article', {})).toBeNull();
    expect(authOnlyConfig('Article', undefined)).toBeNull();
    for (const root of ['Query', 'Mutation', 'Subscription']) expect(authOnlyConfig(root, { auth })).toBeNull();
  });

  it('reads a field configuration as Strapi does: the "Type.field" key, else the nested path', () => {
    const auth = { scope: ['x.find'] };
    expect(resolverConfigOf({ 'Article.author': { auth } }, 'Article', 'author')).toEqual({ auth });
    expect(resolverConfigOf({ Article: { author: { auth } } }, 'Article', 'author')).toEqual({ auth });
    expect(resolverConfigOf({ 'Article.author': { auth } }, 'Article', 'title')).toBeUndefined();
  });
});
