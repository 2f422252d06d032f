import { describe, expect, inject, it } from 'vitest';
import { adminLogin, graphql } from '../testing';

const cms = inject('cms');

type Ref = { documentId: string };
type Media = { url: string } | null;
type Seo = { metaTitle: string; metaDescription: string } | null;
type Node = { documentId: string; locale: string; author: Ref | null; topics: Ref[]; topics_connection: { nodes: Ref[] }; cover: Media; seo: Seo };

// `topics` goes through the batched resolver, `topics_connection` still through Strapi's own
// (one parent at a time): the same relation asked both ways must agree.
const ARTICLES = `query Articles($locale: I18NLocaleCode, $status: PublicationStatus, $pageSize: Int) {
  articles_connection(locale: $locale, status: $status, pagination: { pageSize: 100 }, sort: "documentId:asc") {
    nodes {
      documentId locale
      author { documentId }
      topics(pagination: { pageSize: $pageSize }) { documentId }
      topics_connection(pagination: { pageSize: $pageSize }) { nodes { documentId } }
      cover { url }
      seo { metaTitle metaDescription }
    }
  }
}`;

type RestArticle = { documentId: string; locale: string; author: Ref | null; topics: Ref[]; cover: Media; seo: Seo };

/** The same articles through REST, which populates with the Document Service rather than GraphQL. */
async function restArticles(locale: string, status: 'published' | 'draft') {
  const query = new URLSearchParams({
    locale,
    status,
    sort: 'documentId:asc',
    'pagination[pageSize]': '100',
    'populate[author][fields][0]': 'documentId',
    'populate[topics][fields][0]': 'documentId',
    'populate[cover][fields][0]': 'url',
    'populate[seo][fields][0]': 'metaTitle',
    'populate[seo][fields][1]': 'metaDescription',
    'fields[0]': 'documentId',
  });
  const res = await fetch(`${cms.url}/api/articles?${query}`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: RestArticle[] }).data;
}

async function graphqlArticles(locale: string, status: 'PUBLISHED' | 'DRAFT', pageSize = 100) {
  const res = await graphql<{ articles_connection: { nodes: Node[] } }>(cms, ARTICLES, { locale, status, pageSize });
  expect(res.errors).toBeUndefined();
  return res.data!.articles_connection.nodes;
}

const ids = (refs: Ref[]) => refs.map((r) => r.documentId);

describe(`article relations, cover and SEO resolved in bulk (${cms.database})`, () => {
  for (const locale of ['en', 'es']) {
    for (const status of ['PUBLISHED', 'DRAFT'] as const) {
      it(`answers as Strapi does for the ${locale} ${status.toLowerCase()} articles`, async () => {
        const [nodes, rest] = await Promise.all([
          graphqlArticles(locale, status),
          restArticles(locale, status === 'PUBLISHED' ? 'published' : 'draft'),
        ]);
        expect(nodes.length).toBeGreaterThanOrEqual(2);
        expect(nodes.map((n) => n.documentId)).toEqual(rest.map((a) => a.documentId));
        for (const [i, node] of nodes.entries()) {
          expect(node.locale).toBe(locale);
          expect(node.author?.documentId ?? null).toBe(rest[i]!.author?.documentId ?? null);
          expect(ids(node.topics)).toEqual(ids(rest[i]!.topics));
          expect(ids(node.topics)).toEqual(ids(node.topics_connection.nodes));
          expect(node.cover?.url ?? null).toBe(rest[i]!.cover?.url ?? null);
          expect(node.seo && { metaTitle: node.seo.metaTitle, metaDescription: node.seo.metaDescription }).toEqual(
            rest[i]!.seo && { metaTitle: rest[i]!.seo!.metaTitle, metaDescription: rest[i]!.seo!.metaDescription },
          );
        }
        // The demo articles do have relations: an empty answer would agree with itself.
        expect(nodes.filter((n) => n.author).length).toBeGreaterThanOrEqual(2);
        expect(nodes.filter((n) => n.topics.length > 0).length).toBeGreaterThan(0);
        expect(nodes.filter((n) => n.cover && n.seo).length).toBeGreaterThan(0);
      });
    }
  }

  it("applies the field's pagination to each article, not to the whole page", async () => {
    const nodes = await graphqlArticles('en', 'PUBLISHED', 1);
    for (const node of nodes) {
      expect(node.topics.length).toBeLessThanOrEqual(1);
      expect(ids(node.topics)).toEqual(ids(node.topics_connection.nodes));
    }
    expect(nodes.filter((n) => n.topics.length === 1).length).toBeGreaterThan(2);
  });

  it('still refuses a relation the token may not read', async () => {
    const jwt = await adminLogin(cms);
    const created = await fetch(`${cms.url}/admin/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({
        name: `articles only ${Date.now()}`,
        type: 'custom',
        kind: 'content-api',
        lifespan: null,
        permissions: ['api::article.article.find'],
      }),
    });
    expect(created.status).toBe(201);
    const token = ((await created.json()) as { data: { accessKey: string } }).data.accessKey;

    const allowed = await graphql(cms, '{ articles { documentId } }', {}, token);
    expect(allowed.errors).toBeUndefined();
    for (const field of ['author { documentId }', 'topics { documentId }']) {
      const refused = await graphql(cms, `{ articles { documentId ${field} } }`, {}, token);
      expect(refused.errors?.[0]?.message).toMatch(/forbidden/i);
    }
  });
});
