import { describe, expect, it } from 'vitest';
import { toArticle, type ReferenceLookup } from '../src/content-types/article.js';
import { readArticleDraft, settleDraftSlugs } from '../src/content-types/article-draft.js';
import type { ArticleDraftFragment } from '../src/generated/graphql.js';
import { CMS, rawArticle } from './fixtures.js';

const elena = { documentId: 'au1', locale: 'en', slug: 'elena-marsh', name: 'Elena Marsh', credentials: 'MD' };
const grace = { documentId: 'au2', locale: 'en', slug: 'grace', name: 'Grace', credentials: null };
const refs: ReferenceLookup = {
  author: (id) => [elena, grace].find((a) => a.documentId === id),
  topic: () => undefined,
};

/** A draft saved with only a title, as an editor starting a piece saves it. */
const titleOnly: ArticleDraftFragment = {
  documentId: 'd1',
  locale: 'en',
  published: false,
  version: '1.0.-',
  title: 'Just a title',
  slug: null,
  summary: null,
  body: null,
  date: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  coverAlt: null,
  cover: null,
  author: null,
  topics: [],
  seo: null,
  reviewedBy: null,
  reviewedAt: null,
  nextReviewDue: null,
};

const complete: ArticleDraftFragment = {
  ...titleOnly,
  documentId: 'd2',
  slug: 'complete',
  summary: 'Summary',
  body: 'Body',
  seo: { metaTitle: 'Meta', metaDescription: 'Description', canonicalUrl: null },
};

describe('preview drafts', () => {
  it('reads a draft with only a title, listing everything it needs before publishing', () => {
    const article = readArticleDraft(titleOnly, 'en', refs, CMS);
    expect(article).toMatchObject({ title: 'Just a title', slug: null, summary: '', body: '', author: null, date: '2026-11-02' });
    expect(article.draft).toEqual({ published: false, needs: ['slug', 'summary', 'body', 'metaTitle', 'metaDescription'] });
  });

  it('lists nothing for a complete draft', () => {
    expect(readArticleDraft(complete, 'en', refs, CMS).draft).toEqual({ published: false, needs: [] });
  });

  it('needs alt text for a cover, and shows no cover without it', () => {
    const cover = { url: '/uploads/c.jpg', width: 10, height: 10, mime: 'image/jpeg', updatedAt: null };
    const article = readArticleDraft({ ...complete, cover, coverAlt: ' ' }, 'en', refs, CMS);
    expect(article.cover).toBeNull();
    expect(article.draft?.needs).toEqual(['coverAlt']);
  });

  it('treats a malformed slug as missing, so its page is by documentId', () => {
    const article = readArticleDraft({ ...complete, slug: 'Not A Slug' }, 'en', refs, CMS);
    expect(article.slug).toBeNull();
    expect(article.draft?.needs).toEqual(['slug']);
  });

  it('gives a shared slug to the published article, else the first created; the others need a new one', () => {
    const a = readArticleDraft({ ...complete, documentId: 'a', createdAt: '2026-01-02' }, 'en', refs, CMS);
    const b = readArticleDraft({ ...complete, documentId: 'b', createdAt: '2026-01-01' }, 'en', refs, CMS);
    const c = readArticleDraft({ ...complete, documentId: 'c', createdAt: '2026-01-03', published: true }, 'en', refs, CMS);
    const created = (id: string) => ({ a: '2026-01-02', b: '2026-01-01', c: '2026-01-03' })[id] ?? '';

    const [a1, b1] = settleDraftSlugs([a, b], created);
    expect([a1!.slug, b1!.slug]).toEqual([null, 'complete']);
    expect(a1!.draft?.needs).toEqual(['slugTaken']);

    const settled = settleDraftSlugs([a, b, c], created);
    expect(settled.map((x) => x.slug)).toEqual([null, null, 'complete']);
    expect(settled[2]!.draft?.needs).toEqual([]);
  });
});

describe('medical review', () => {
  it('names the reviewer and the dates', () => {
    expect(toArticle(rawArticle, refs, CMS).review).toEqual({ by: elena, reviewedAt: '2026-03-03', nextReviewDue: '2027-03-03' });
  });

  it('is left out without a date, without a reviewer found, or for a reviewer without credentials', () => {
    expect(toArticle({ ...rawArticle, reviewedAt: null }, refs, CMS).review).toBeNull();
    expect(toArticle({ ...rawArticle, reviewedBy: { documentId: 'nobody' } }, refs, CMS).review).toBeNull();
    expect(toArticle({ ...rawArticle, reviewedBy: { documentId: 'au2' } }, refs, CMS).review).toBeNull();
  });

  it('is read from drafts too', () => {
    const draft = { ...complete, reviewedBy: { documentId: 'au1' }, reviewedAt: '2026-03-03', nextReviewDue: null };
    expect(readArticleDraft(draft, 'en', refs, CMS).review).toEqual({ by: elena, reviewedAt: '2026-03-03', nextReviewDue: null });
  });
});
