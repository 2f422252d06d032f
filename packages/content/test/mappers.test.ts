import { describe, expect, it } from 'vitest';
import { toArticle, toImage, toProvider, toSelfAssessment } from '../src/mappers.js';
import { articleSchema, providerSchema, selfAssessmentSchema } from '../src/schemas.js';
import { CMS, rawArticle, rawProvider } from './fixtures.js';

describe('mappers', () => {
  it('turns provider flags into lists and trims text', () => {
    const provider = toProvider(providerSchema.parse(rawProvider));
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
    const lookup = {
      author: (id: string) => (id === 'au1' ? { documentId: 'au1', locale: 'en', slug: 'elena', name: 'Elena', credentials: 'MD' } : undefined),
      topic: (id: string) => (id === 't1' ? { documentId: 't1', locale: 'en', slug: 'heart', name: 'Heart' } : undefined),
    };
    const article = toArticle(articleSchema.parse(rawArticle), lookup, CMS);
    expect(article.date).toBe('2026-09-14');
    expect(article.cover).toEqual({ url: 'http://cms.test:1337/uploads/cover.jpg', width: 1600, height: 900, alt: 'Calm circles' });
    expect(article.author?.name).toBe('Elena');
    expect(article.topics.map((t) => t.slug)).toEqual(['heart']);
  });

  it('shows no cover in a locale that has no alt text for it', () => {
    const article = toArticle(articleSchema.parse({ ...rawArticle, coverAlt: ' ' }), { author: () => undefined, topic: () => undefined }, CMS);
    expect(article.cover).toBeNull();
  });

  it('keeps absolute image URLs (e.g. from a cloud upload provider) as they are', () => {
    expect(toImage({ url: 'https://cdn.example.org/a.jpg' }, 'alt', CMS)?.url).toBe('https://cdn.example.org/a.jpg');
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

describe('schemas', () => {
  it('require a self-assessment result for every score', () => {
    const base = { title: 'T', intro: null, questions: [{ prompt: 'Q?', hint: null }, { prompt: 'Q2?', hint: null }] };
    const ok = selfAssessmentSchema.safeParse({ ...base, results: [{ minYes: 0, heading: 'h', body: 'b' }, { minYes: 2, heading: 'h', body: 'b' }] });
    expect(ok.success).toBe(true);
    const noZero = selfAssessmentSchema.safeParse({ ...base, results: [{ minYes: 1, heading: 'h', body: 'b' }] });
    expect(noZero.error!.issues[0]!.message).toMatch(/minYes 0/);
    const unreachable = selfAssessmentSchema.safeParse({ ...base, results: [{ minYes: 0, heading: 'h', body: 'b' }, { minYes: 3, heading: 'h', body: 'b' }] });
    expect(unreachable.error!.issues[0]!.message).toMatch(/no one can reach/);
  });

  it('require a date', () => {
    const noDate = articleSchema.safeParse({ ...rawArticle, publishedAt: null, updatedAt: null });
    expect(noDate.error!.issues[0]!.path).toEqual(['date']);
  });

  it('refuse providers the directory cannot show', () => {
    for (const [field, value] of [
      ['zip', '2108'],
      ['state', 'Mass'],
      ['latitude', 200],
      ['website', 'javascript:alert(1)'],
      ['name', '  '],
    ] as const) {
      const parsed = providerSchema.safeParse({ ...rawProvider, [field]: value });
      expect(parsed.success, field).toBe(false);
      expect(parsed.error!.issues[0]!.path, field).toEqual([field]);
    }
  });
});
