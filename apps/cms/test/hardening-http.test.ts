import { describe, expect, inject, it } from 'vitest';
import { graphql, querySql } from '../testing';

const cms = inject('cms');
const PREVIEW_ORIGIN = 'http://preview.test:8081'; // PREVIEW_URL of the shared test CMS (global-setup.ts)

const preflight = (path: string, origin: string) =>
  fetch(cms.url + path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });

describe(`CORS (${cms.database})`, () => {
  it.each(['/admin/access-token', '/admin/login', '/graphql', '/api/articles'])('gives a foreign origin nothing at %s', async (path) => {
    const res = await preflight(path, 'http://localhost:9999');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows the preview origin, with credentials', async () => {
    const res = await preflight('/admin/access-token', PREVIEW_ORIGIN);
    expect(res.headers.get('access-control-allow-origin')).toBe(PREVIEW_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it("allows the admin's own origin", async () => {
    const res = await preflight('/admin/access-token', `http://localhost:${new URL(cms.url).port}`);
    expect(res.headers.get('access-control-allow-origin')).toBe(`http://localhost:${new URL(cms.url).port}`);
  });
});

describe(`GraphQL documents too large or cyclic: 400 with a message (${cms.database})`, () => {
  async function expect400(query: string, message: RegExp) {
    const res = await graphql(cms, query);
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(message);
  }

  it('refuses cyclic fragments', () =>
    expect400('query{...A} fragment A on Query{...B} fragment B on Query{...A}', /Cannot spread fragment "A" within itself via "B"/));

  it('refuses a fragment spreading itself inside a field', () =>
    expect400('{ articles { ...A } } fragment A on Article { author { articles { ...A } } }', /Cannot spread fragment "A" within itself/));

  it('refuses too many aliases', () => {
    const fields = Array.from({ length: 21 }, (_, i) => `a${i}: articles(locale: "en") { title }`).join(' ');
    return expect400(`{ ${fields} }`, /more than 20 aliases/);
  });

  it('refuses a fragment bomb (too many selections once expanded)', () => {
    const fragments = ['fragment F0 on Query { __typename }'];
    for (let i = 1; i <= 30; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    return expect400(`{ ...F30 } ${fragments.join(' ')}`, /more than 1000 fields once its fragments are expanded/);
  });

  it('refuses too many selections written out', () => {
    const fields = Array.from({ length: 1001 }, () => '__typename').join(' ');
    return expect400(`{ ${fields} }`, /more than 1000 fields/);
  });

  it('refuses too many fragments', () => {
    const fragments = Array.from({ length: 51 }, (_, i) => `fragment F${i} on Query { __typename }`);
    return expect400(`{ ${fragments.map((_, i) => `...F${i}`).join(' ')} } ${fragments.join(' ')}`, /more than 50 fragments/);
  });

  it('refuses a document of too many tokens before validating it', () =>
    expect400(`{ ${'__typename '.repeat(6000)} }`, /Document contains more tha[nt] 5000 tokens/));

  it('still answers the site token a normal query', async () => {
    const res = await graphql<{ articles: unknown[] }>(cms, '{ articles(locale: "en") { title } }');
    expect(res.status).toBe(200);
    expect(res.data!.articles.length).toBeGreaterThan(0);
  });

  it('tells browsers and proxies not to keep an answer', async () => {
    const res = await fetch(cms.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
      body: JSON.stringify({ query: '{ articles(locale: "en") { title author { name } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe(`request bodies are limited before parsing (${cms.database})`, () => {
  it('refuses a GraphQL body over 256 KB with 413', async () => {
    const res = await fetch(cms.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(300 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a REST body over 1 MB with 413', async () => {
    const res = await fetch(`${cms.url}/api/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
      body: JSON.stringify({ data: { name: 'x'.repeat(1100 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });
});

describe(`production defaults (${cms.database}, NODE_ENV=production)`, () => {
  it('refuses introspection to the site token', async () => {
    const res = await graphql(cms, '{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it('leaves the administrator created from the environment without a registration token', async () => {
    const rows = await querySql<{ email: string; registration_token: string | null }>(cms.databaseEnv, 'SELECT email, registration_token FROM admin_users');
    expect(rows.map((r) => r.email)).toContain(cms.admin.email);
    expect(rows.every((r) => r.registration_token === null)).toBe(true);
  });
});
