import type { Article, LocaleContent, SiteContent } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/model.js';

// The model indexes a locale's articles by author and topic once; what each page lists must stay
// what filtering the whole list for it gave (the definition below), in the same order.

const TOPICS = ['t1', 't2', 't3', 't4', 't5'];
const AUTHORS = ['au1', 'au2', 'au3'];

/** A deterministic spread of topics (none, one, several, repeated) and authors (or none). */
function articles(count: number): Article[] {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  return Array.from({ length: count }, (_, i) => {
    const topics = Array.from({ length: next(4) }, () => TOPICS[next(TOPICS.length)]!);
    const author = next(4) === 0 ? null : AUTHORS[next(AUTHORS.length)]!;
    return {
      documentId: `a${i}`, locale: 'en', slug: `s${i}`, title: `t${i}`, summary: 's', body: 'b',
      date: '2026-01-01', updatedAt: '2026-01-01', cover: null, seo: { title: 't', description: 'd', canonicalUrl: null },
      review: null, draft: null,
      author: author === null ? null : { documentId: author, locale: 'en', slug: author, name: author, credentials: null },
      topics: topics.map((t) => ({ documentId: t, locale: 'en', slug: t, name: t })),
    };
  });
}

const content = (list: Article[]): LocaleContent => ({
  locale: { code: 'en', name: 'English', isDefault: true },
  global: { siteName: 'Solace', tagline: null, about: null },
  selfAssessment: null,
  articles: list,
  authors: AUTHORS.map((a) => ({ documentId: a, locale: 'en', slug: a, name: a, credentials: null, role: null, bio: null, photo: null }) as never),
  topics: TOPICS.map((t) => ({ documentId: t, locale: 'en', slug: t, name: t, description: null })),
  providers: [],
  interfaceTexts: { 'nav.home': 'Home' },
});

describe('buildSiteModel article lists', () => {
  const list = articles(300);
  const site: SiteContent = {
    locales: [{ code: 'en', name: 'English', isDefault: true }],
    defaultLocale: { code: 'en', name: 'English', isDefault: true },
    byLocale: { en: content(list) },
  };
  const model = buildSiteModel(site);
  const cards = model.articles.map((page) => page.article);
  const urls = (items: { url: string }[]) => items.map((a) => a.url);

  it('relates each article to the first three others sharing a topic, in list order', () => {
    for (const page of model.articles) {
      const topicIds = new Set(page.article.topics.map((t) => t.documentId));
      const expected = cards
        .filter((a) => a.documentId !== page.article.documentId && a.topics.some((t) => topicIds.has(t.documentId)))
        .slice(0, 3);
      expect(urls(page.related)).toEqual(urls(expected));
    }
    expect(model.articles.some((p) => p.related.length === 3)).toBe(true);
    expect(model.articles.some((p) => p.related.length === 0)).toBe(true);
  });

  it('lists every article of an author and of a topic, in list order', () => {
    for (const page of model.authors) {
      expect(urls(page.articles)).toEqual(urls(cards.filter((a) => a.author?.documentId === page.author.documentId)));
    }
    for (const page of model.topics) {
      expect(urls(page.articles)).toEqual(urls(cards.filter((a) => a.topics.some((t) => t.documentId === page.topic.documentId))));
    }
  });
});
