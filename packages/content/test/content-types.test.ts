import { describe, expect, it } from 'vitest';
import { readArticle, toArticle, type ReferenceLookup } from '../src/content-types/article.js';
import { readAuthor } from '../src/content-types/author.js';
import { toImage } from '../src/content-types/image.js';
import { readLocale } from '../src/content-types/locale.js';
import { readProvider, toProvider } from '../src/content-types/provider.js';
import { readSelfAssessment, toSelfAssessment } from '../src/content-types/self-assessment.js';
import { CMS, rawArticle, rawProvider } from './fixtures.js';

const noRefs: ReferenceLookup = { author: () => undefined, topic: () => undefined };
const failure = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the entry to be refused');
};

describe('mappers', () => {
  it('turns provider flags into lists and trims text', () => {
    const provider = toProvider(rawProvider);
    expect(provider.name).toBe('Harbor Demo Care');
    expect(provider.careSettings).toEqual(['hospital', 'home']);
    expect(provider.agesServed).toEqual(['adults', 'children']);
    expect(provider.languages).toEqual(['English', 'Spanish', 'Haitian Creole']);
    expect(provider.location).toEqual({ lat: 42.3576, lng: -71.0684 });
    expect(provider.address).toEqual({ street: '1 Demo St', city: 'Boston', state: 'MA', zip: '02108' });
    expect(provider.services).toBeNull();
    expect(provider.acceptingNewPatients).toBe(false);
  });

  it('resolves article links, falls back to the publication date and makes image URLs absolute', () => {
    const refs: ReferenceLookup = {
      author: (id) => (id === 'au1' ? { documentId: 'au1', locale: 'en', slug: 'elena', name: 'Elena', credentials: 'MD' } : undefined),
      topic: (id) => (id === 't1' ? { documentId: 't1', locale: 'en', slug: 'heart', name: 'Heart' } : undefined),
    };
    const article = toArticle(rawArticle, refs, CMS);
    expect(article.date).toBe('2026-09-14');
    expect(article.cover).toEqual({ url: 'http://cms.test:1337/uploads/cover.jpg', width: 1600, height: 900, alt: 'Calm circles' });
    expect(article.author?.name).toBe('Elena');
    expect(article.topics.map((t) => t.slug)).toEqual(['heart']);
  });

  it('trims every text once, body and cover alt text included', () => {
    const padded = { ...rawArticle, title: ' Title ', body: '\nText.\n\n', coverAlt: ' Calm ', seo: { ...rawArticle.seo, metaTitle: ' Meta ' } };
    const article = readArticle(padded, 'en', noRefs, CMS);
    expect([article.title, article.body, article.cover?.alt, article.seo.title]).toEqual(['Title', 'Text.', 'Calm', 'Meta']);
  });

  it('shows no cover in a locale that has no alt text for it', () => {
    expect(toArticle({ ...rawArticle, coverAlt: ' ' }, noRefs, CMS).cover).toBeNull();
  });

  it('gives an author photo the trimmed name as its alt text', () => {
    const photo = { url: '/uploads/elena.jpg', width: null, height: null, mime: 'image/jpeg', updatedAt: null };
    const node = { documentId: 'au1', locale: 'en', slug: 'elena', name: ' Elena ', credentials: ' ', role: null, bio: null, photo };
    const author = readAuthor(node, 'en', CMS);
    expect(author.photo?.alt).toBe('Elena');
    expect(author.credentials).toBeNull();
  });

  it('keeps absolute image URLs (e.g. from a cloud upload provider) as they are', () => {
    const image = { url: 'https://cdn.example.org/a.jpg', width: null, height: null, mime: 'image/jpeg', updatedAt: null };
    expect(toImage(image, 'alt', CMS)?.url).toBe('https://cdn.example.org/a.jpg');
    expect(toImage(null, 'alt', CMS)).toBeNull();
  });

  it('sorts self-assessment results by threshold and drops empty entries', () => {
    const result = toSelfAssessment({
      title: 'Is it for you?',
      intro: null,
      questions: [{ prompt: 'Q1?', hint: '' }, null],
      results: [
        { minYes: 3, heading: 'Many', body: 'b' },
        { minYes: 0, heading: 'None', body: 'b' },
      ],
    });
    expect(result.results.map((r) => r.minYes)).toEqual([0, 3]);
    expect(result.questions).toEqual([{ prompt: 'Q1?', hint: null }]);
  });
});

describe('checks', () => {
  it('require a self-assessment result for every score', () => {
    const base = { title: 'T', intro: null, questions: [{ prompt: 'Q?', hint: null }, { prompt: 'Q2?', hint: null }] };
    const result = (minYes: number) => ({ minYes, heading: 'h', body: 'b' });
    expect(readSelfAssessment({ ...base, results: [result(0), result(2)] }, 'en').results).toHaveLength(2);
    expect(failure(() => readSelfAssessment({ ...base, results: [result(1)] }, 'en')).message).toMatch(/minYes 0/);
    expect(failure(() => readSelfAssessment({ ...base, results: [result(0), result(3)] }, 'en')).message).toMatch(/no one can reach/);
  });

  it('require a date', () => {
    const noDate = { ...rawArticle, publishedAt: null, updatedAt: null };
    expect(failure(() => readArticle(noDate, 'en', noRefs, CMS)).message).toBe('Invalid article "a1" (locale en): date: an article needs a date');
  });

  it('measure SEO texts as readers see them, trimmed', () => {
    const seo = (metaTitle: string) => ({ ...rawArticle, seo: { ...rawArticle.seo, metaTitle } });
    expect(readArticle(seo(` ${'x'.repeat(60)} `), 'en', noRefs, CMS).seo.title).toHaveLength(60);
    expect(failure(() => readArticle(seo('x'.repeat(61)), 'en', noRefs, CMS)).message).toMatch(
      /seo\.metaTitle: Too big: expected string to have <=60 characters$/,
    );
  });

  it('refuse a locale without a usable code or name', () => {
    expect(readLocale({ code: 'pt-BR', name: ' Português ', isDefault: false })).toEqual({ code: 'pt-BR', name: 'Português', isDefault: false });
    expect(failure(() => readLocale({ code: null, name: 'English', isDefault: true })).message).toMatch(/^Invalid locale: code: /);
    expect(failure(() => readLocale({ code: 'en', name: ' ', isDefault: true })).message).toBe('Invalid locale "en": name: must not be empty');
  });

  it('refuse providers the directory cannot show', () => {
    for (const [field, value] of [
      ['zip', '2108'],
      ['latitude', 200],
      ['website', 'javascript:alert(1)'],
      ['name', '  '],
      ['locale', null],
    ] as const) {
      const error = failure(() => readProvider({ ...rawProvider, [field]: value }, 'en'));
      expect(error.message, field).toMatch(new RegExp(`^Invalid provider "p1" \\(locale en\\): ${field}: `));
    }
  });
});
