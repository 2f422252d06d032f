import { describe, expect, inject, it } from 'vitest';
import { graphql } from '../testing';

const cms = inject('cms');

type ArticleNode = {
  documentId: string;
  title: string;
  slug: string;
  locale: string;
  author: { name: string; credentials: string } | null;
  topics: { slug: string; name: string }[];
};

const LIST = `query List($locale: I18NLocaleCode, $page: Int, $pageSize: Int) {
  articles_connection(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, sort: "date:desc") {
    nodes { documentId slug locale }
    pageInfo { page pageSize pageCount total }
  }
}`;

describe(`GraphQL content API (${cms.database})`, () => {
  it('pages through the English articles with a correct total', async () => {
    const first = await graphql<{ articles_connection: { nodes: { slug: string; locale: string }[]; pageInfo: { total: number; pageCount: number } } }>(
      cms, LIST, { locale: 'en', page: 1, pageSize: 3 },
    );
    expect(first.errors).toBeUndefined();
    const { pageInfo } = first.data!.articles_connection;
    // 7 published English demo articles; the draft is not counted.
    expect(pageInfo.total).toBe(7);
    expect(pageInfo.pageCount).toBe(3);

    const slugs = new Set<string>();
    for (let page = 1; page <= pageInfo.pageCount; page++) {
      const res = await graphql<{ articles_connection: { nodes: { slug: string; locale: string }[] } }>(
        cms, LIST, { locale: 'en', page, pageSize: 3 },
      );
      for (const node of res.data!.articles_connection.nodes) {
        expect(node.locale).toBe('en');
        slugs.add(node.slug);
      }
    }
    expect(slugs.size).toBe(7);
  });

  it('answers in compact JSON (a build reads megabytes of it; Apollo would indent it)', async () => {
    const res = await fetch(cms.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
      body: JSON.stringify({ query: LIST, variables: { locale: 'en', pageSize: 3 } }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).data.articles_connection.nodes).toHaveLength(3);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('sends an answer as UTF-8 JSON of its stated length, non-ASCII text and errors alike', async () => {
    const ask = async (query: string) => {
      const res = await fetch(cms.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
        body: JSON.stringify({ query, variables: { locale: 'es' } }),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const text = bytes.toString('utf8');
      expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
      return { status: res.status, text };
    };
    // The Spanish demo articles: whole bodies with accents and punctuation beyond ASCII.
    const articles = await ask('query ($locale: I18NLocaleCode) { articles(locale: $locale) { title body } }');
    expect(articles.status).toBe(200);
    const { data } = JSON.parse(articles.text) as { data: { articles: { title: string; body: string }[] } };
    expect(data.articles.length).toBeGreaterThan(0);
    expect(data.articles.some((a) => Buffer.byteLength(a.title + a.body) > (a.title + a.body).length)).toBe(true);
    expect(articles.text).toBe(JSON.stringify(JSON.parse(articles.text)));

    const refused = await ask('query ($locale: I18NLocaleCode) { articles(locale: $locale) { noSuchField } }');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0].message).toMatch(/noSuchField/);
  });

  it('lists the Spanish articles separately', async () => {
    const res = await graphql<{ articles_connection: { nodes: { locale: string }[]; pageInfo: { total: number } } }>(
      cms, LIST, { locale: 'es', page: 1, pageSize: 10 },
    );
    expect(res.data!.articles_connection.pageInfo.total).toBe(2);
    expect(res.data!.articles_connection.nodes.every((n) => n.locale === 'es')).toBe(true);
  });

  it('finds one article by slug with its author and topics, and its Spanish version by documentId', async () => {
    const bySlug = await graphql<{ articles: ArticleNode[] }>(
      cms,
      `query ($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) {
        documentId title slug locale author { name credentials } topics { slug name } } }`,
      { slug: 'metastatic-breast-cancer-palliative-care' },
    );
    expect(bySlug.errors).toBeUndefined();
    const [article] = bySlug.data!.articles;
    expect(article!.title).toMatch(/metastatic breast cancer/i);
    expect(article!.author).toEqual({ name: 'Elena Marsh', credentials: 'MD' });
    expect(article!.topics.map((t) => t.slug)).toContain('cancer');

    const spanish = await graphql<{ article: ArticleNode | null }>(
      cms,
      `query ($id: ID!) { article(documentId: $id, locale: "es") { documentId title locale author { name credentials } topics { slug name } } }`,
      { id: article!.documentId },
    );
    expect(spanish.errors).toBeUndefined();
    expect(spanish.data!.article!.locale).toBe('es');
    expect(spanish.data!.article!.documentId).toBe(article!.documentId);
    expect(spanish.data!.article!.title).toMatch(/cáncer de mama/i);
    expect(spanish.data!.article!.topics[0]!.name).toBe('Cáncer');
  });

  it('serves the locales with the default marked', async () => {
    const res = await graphql<{ i18NLocales: { code: string; isDefault: boolean }[] }>(cms, '{ i18NLocales { code isDefault } }');
    expect(res.errors).toBeUndefined();
    const codes = res.data!.i18NLocales.map((l) => l.code).sort();
    expect(codes).toEqual(['en', 'es']);
    expect(res.data!.i18NLocales.find((l) => l.isDefault)!.code).toBe('en');
  });

  it('keeps the draft article out of published queries', async () => {
    const res = await graphql<{ articles: { slug: string }[] }>(
      cms,
      `{ articles(locale: "en", pagination: { pageSize: 100 }, filters: { slug: { containsi: "caregiver" } }) { slug } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles).toEqual([]);
    const rest = await fetch(`${cms.url}/api/articles?locale=en&pagination[pageSize]=100`, {
      headers: { authorization: `Bearer ${cms.siteToken}` },
    });
    const body = (await rest.json()) as { data: { title: string }[]; meta: { pagination: { total: number } } };
    expect(body.meta.pagination.total).toBe(7);
    expect(body.data.some((a) => /caring wears you down/i.test(a.title))).toBe(false);
  });
});
