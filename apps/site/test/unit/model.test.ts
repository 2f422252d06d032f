import type { Article, LocaleContent, Provider, SiteContent } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { buildSiteModel, nativeName } from '../../src/model.js';

const article = (documentId: string, locale: string, slug: string): Article => ({
  documentId, locale, slug, title: slug, summary: 's', body: 'b', date: '2026-01-01', updatedAt: '2026-01-01',
  cover: null, author: null, topics: [{ documentId: 't1', locale, slug: 'cancer', name: 'Cancer' }],
  seo: { title: slug, description: 'd', canonicalUrl: null },
});

const provider = (documentId: string, locale: string, state: string): Provider => ({
  documentId, locale, slug: `p-${documentId}`, name: documentId, organizationType: 'clinic',
  address: { street: '1 St', city: 'City', state, zip: '02108' }, location: { lat: 42, lng: -71 },
  phone: '(617) 555-0100', website: null, email: null, careSettings: ['home'], agesServed: ['adults'],
  languages: ['English'], acceptingNewPatients: true, description: 'd', services: null,
});

const locale = (code: string, articles: Article[], providers: Provider[]): LocaleContent => ({
  locale: { code, name: code, isDefault: code === 'en' },
  global: { siteName: 'Solace', tagline: null, about: null },
  selfAssessment: null,
  articles,
  authors: [],
  topics: [{ documentId: 't1', locale: code, slug: 'cancer', name: 'Cancer', description: null }],
  providers,
});

const site: SiteContent = {
  locales: [
    { code: 'en', name: 'English', isDefault: true },
    { code: 'es', name: 'Spanish', isDefault: false },
  ],
  defaultLocale: { code: 'en', name: 'English', isDefault: true },
  byLocale: {
    en: locale('en', [article('a1', 'en', 'one'), article('a2', 'en', 'two'), article('a3', 'en', 'three')], [provider('p1', 'en', 'MA'), provider('p2', 'en', 'TX')]),
    es: locale('es', [article('a1', 'es', 'uno')], [provider('p1', 'es', 'MA')]),
  },
};

describe('buildSiteModel', () => {
  const model = buildSiteModel(site, 2);

  it('links a document to its translations by documentId, and marks missing ones', () => {
    const one = model.articles.find((p) => p.url === '/en/articles/one/')!;
    expect(one.alternates).toEqual([
      { code: 'en', name: 'English', url: '/en/articles/one/', current: true },
      { code: 'es', name: 'español', url: '/es/articles/uno/', current: false },
    ]);
    const two = model.articles.find((p) => p.url === '/en/articles/two/')!;
    expect(two.alternates[1]!.url).toBeNull();
    expect(model.articles.filter((p) => p.locale === 'es').map((p) => p.url)).toEqual(['/es/articles/uno/']);
  });

  it('paginates article lists per locale', () => {
    expect(model.articleLists.map((p) => p.url)).toEqual(['/en/articles/', '/en/articles/page/2/', '/es/articles/']);
    expect(model.articleLists[0]!.nextUrl).toBe('/en/articles/page/2/');
    expect(model.articleLists[1]!.previousUrl).toBe('/en/articles/');
  });

  it('groups providers by state, with a page per state and per provider', () => {
    expect(model.states.map((s) => s.url)).toEqual(['/en/providers/ma/', '/en/providers/tx/', '/es/providers/ma/']);
    expect(model.providers.map((p) => p.url)).toContain('/en/providers/tx/p-p2/');
    const texas = model.states.find((s) => s.url === '/en/providers/tx/')!;
    expect(texas.alternates.find((a) => a.code === 'es')!.url).toBeNull();
    expect(texas.state.name).toBe('Texas');
  });

  it('relates articles through shared topics', () => {
    const one = model.articles.find((p) => p.url === '/en/articles/one/')!;
    expect(one.related.map((a) => a.slug)).toEqual(['two', 'three']);
  });

  it('names each locale in its own language', () => {
    expect(nativeName('es')).toBe('español');
    expect(nativeName('fr')).toBe('français');
  });
});
