import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken, graphql } from '../testing';

const cms = inject('cms');
const CONTENT_TYPES = ['articles', 'authors', 'topics', 'providers', 'global', 'self-assessment'];

describe(`access control (${cms.database})`, () => {
  it.each(CONTENT_TYPES)('refuses anonymous REST reads of %s', async (type) => {
    const res = await fetch(`${cms.url}/api/${type}`);
    expect([401, 403]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toMatch(/palliative/i);
  });

  it('refuses anonymous GraphQL, including introspection', async () => {
    const read = await graphql(cms, '{ articles { title } }', {}, null);
    expect(read.status).toBe(401);
    expect(read.data ?? null).toBeNull();
    const schema = await graphql(cms, '{ __schema { types { name } } }', {}, null);
    expect(schema.status).toBe(401);
  });

  it.each(['/GraphQL', '/graphql/'])('refuses anonymous GraphQL at %s too', async (path) => {
    const res = await fetch(cms.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('__Schema');
  });

  it('refuses anonymous GET /graphql (queries in the URL)', async () => {
    const res = await fetch(`${cms.url}/graphql?query=${encodeURIComponent('{ articles { title } }')}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/palliative/i);
  });

  it.each([
    ['a junk bearer token', 'Bearer x'.padEnd(80, 'x')],
    ['an empty bearer token', 'Bearer '],
    ['another scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ])('refuses %s with 401', async (_, authorization) => {
    for (const method of ['GET', 'POST'] as const) {
      const query = '{ articles { title } }';
      const res = await fetch(method === 'GET' ? `${cms.url}/graphql?query=${encodeURIComponent(query)}` : `${cms.url}/graphql`, {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ query }) : undefined,
      });
      expect(res.status, method).toBe(401);
      expect(await res.text()).not.toMatch(/palliative/i);
    }
  });

  it('refuses a made-up token', async () => {
    const res = await graphql(cms, '{ articles { title } }', {}, 'not-a-real-token');
    expect(res.status).toBe(401);
  });

  it('lets the site token read published content', async () => {
    const res = await graphql<{ articles: { title: string }[]; providers: { name: string }[] }>(
      cms,
      '{ articles(locale: "en") { title } providers(locale: "en", pagination: { pageSize: 5 }) { name } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.length).toBeGreaterThan(0);
    expect(res.data!.providers).toHaveLength(5);
  });

  it('keeps plugin data such as users away from the site token', async () => {
    const res = await fetch(`${cms.url}/api/users`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    expect(res.status).toBe(403);
  });

  describe('the site token cannot write', () => {
    let documentId: string;
    beforeAll(async () => {
      const res = await graphql<{ topics: { documentId: string }[] }>(cms, '{ topics(locale: "en") { documentId } }');
      documentId = res.data!.topics[0]!.documentId;
    });

    it('over GraphQL', async () => {
      const mutations = [
        `mutation { createTopic(data: { name: "Injected", slug: "injected" }) { documentId } }`,
        `mutation { updateTopic(documentId: "${documentId}", data: { name: "Changed" }) { documentId } }`,
        `mutation { deleteTopic(documentId: "${documentId}") { documentId } }`,
      ];
      for (const mutation of mutations) {
        const res = await graphql(cms, mutation);
        expect(res.errors?.[0]?.message).toMatch(/forbidden/i);
      }
    });

    it('over REST', async () => {
      const headers = { authorization: `Bearer ${cms.siteToken}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ data: { name: 'Injected', slug: 'injected' } });
      const attempts = [
        fetch(`${cms.url}/api/topics`, { method: 'POST', headers, body }),
        fetch(`${cms.url}/api/topics/${documentId}`, { method: 'PUT', headers, body }),
        fetch(`${cms.url}/api/topics/${documentId}`, { method: 'DELETE', headers }),
      ];
      for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    });

    it('and nothing changed', async () => {
      const res = await graphql<{ topics: { documentId: string; name: string; slug: string }[] }>(
        cms,
        '{ topics(locale: "en", pagination: { pageSize: 100 }) { documentId name slug } }',
      );
      expect(res.data!.topics.some((t) => t.slug === 'injected' || t.name === 'Changed')).toBe(false);
      expect(res.data!.topics.some((t) => t.documentId === documentId)).toBe(true);
    });
  });

  it('Strapi read-only tokens cannot write either', async () => {
    const token = await createApiToken(cms, 'read-only');
    const res = await graphql(cms, 'mutation { createTopic(data: { name: "X", slug: "x" }) { documentId } }', {}, token);
    expect(res.errors?.[0]?.message).toMatch(/forbidden/i);
  });
});

describe(`GraphQL limits (${cms.database})`, () => {
  // depthLimit is 10: the root field is depth 0, so the deepest allowed leaf sits under 9 relations.
  const DEPTH_LIMIT = 10;

  /** `articles { author { articles { … } } }` with `levels` relations below the root field. */
  function nestedQuery(levels: number, { viaFragments = false } = {}) {
    const types: ('Article' | 'Author')[] = ['Article'];
    for (let i = 0; i < levels; i++) types.push(types[i] === 'Article' ? 'Author' : 'Article');
    let selection = types[levels] === 'Article' ? 'title' : 'name';
    const fragments: string[] = [];
    for (let i = levels - 1; i >= 0; i--) {
      const field = types[i] === 'Article' ? 'author' : 'articles';
      if (viaFragments) {
        // Each level in its own fragment, so the depth is only visible by following the spreads.
        fragments.push(`fragment L${i} on ${types[i]} { ${field} { ${selection} } }`);
        selection = `...L${i}`;
      } else {
        selection = `${field} { ${selection} }`;
      }
    }
    return `{ articles(locale: "en") { ${selection} } } ${fragments.join(' ')}`;
  }

  it.each([
    ['inline', false],
    ['through fragment spreads', true],
  ])('accepts a query exactly at the depth limit (%s)', async (_, viaFragments) => {
    const res = await graphql<{ articles: unknown[] }>(cms, nestedQuery(DEPTH_LIMIT - 1, { viaFragments }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.length).toBeGreaterThan(0);
  });

  it.each([
    ['inline', false],
    ['through fragment spreads', true],
  ])('refuses a query one level past the depth limit (%s)', async (_, viaFragments) => {
    const res = await graphql(cms, nestedQuery(DEPTH_LIMIT, { viaFragments }));
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`exceeds maximum operation depth of ${DEPTH_LIMIT}`, 'i'));
    expect(res.data ?? null).toBeNull();
  });

  it('caps a GraphQL page above maxLimit at 250, and a REST page at 100', async () => {
    const res = await graphql<{ providers_connection: { nodes: unknown[]; pageInfo: { pageSize: number; total: number } } }>(
      cms,
      '{ providers_connection(locale: "en", pagination: { pageSize: 5000 }) { nodes { name } pageInfo { pageSize total } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.providers_connection.pageInfo.pageSize).toBe(250);
    expect(res.data!.providers_connection.nodes.length).toBeLessThanOrEqual(250);

    const rest = await fetch(`${cms.url}/api/providers?pagination[pageSize]=5000`, {
      headers: { authorization: `Bearer ${cms.siteToken}` },
    });
    const body = (await rest.json()) as { meta: { pagination: { pageSize: number } } };
    expect(body.meta.pagination.pageSize).toBe(100);
  });

  it("caps the preview's drafts at 250 a page, and their versions (two short fields) at 2500", async () => {
    type Paged = { pageInfo: { pageSize: number } };
    const res = await graphql<{ articleDrafts: Paged; articleDraftVersions: Paged }>(
      cms,
      `{ articleDrafts(locale: "en", pagination: { pageSize: 5000 }) { pageInfo { pageSize } }
         articleDraftVersions(locale: "en", pagination: { pageSize: 5000 }) { pageInfo { pageSize } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.articleDrafts.pageInfo.pageSize).toBe(250);
    expect(res.data!.articleDraftVersions.pageInfo.pageSize).toBe(2500);
  });
});
