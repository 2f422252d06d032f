import { describe, expect, it } from 'vitest';
import type { ContentClient } from '../src/client.js';
import { ContentValidationError } from '../src/errors.js';
import { loadSiteContent } from '../src/load.js';
import { rawArticle, rawProvider } from './fixtures.js';

/** A client that answers each document by operation name, from canned nodes (pure logic only). */
function fakeClient(nodes: Record<string, Record<string, unknown[]>>, extra: Record<string, unknown> = {}): ContentClient & { requests: string[] } {
  const requests: string[] = [];
  const opName = (doc: unknown) =>
    (doc as { definitions: { name?: { value: string } }[] }).definitions.find((d) => d.name)!.name!.value;
  return {
    requests,
    async request(doc: unknown, vars?: unknown) {
      const name = opName(doc);
      requests.push(`${name}:${(vars as { locale?: string } | undefined)?.locale ?? ''}`);
      if (name === 'Locales') return { i18NLocales: [{ code: 'es', name: 'Spanish', isDefault: false }, { code: 'en', name: 'English', isDefault: true }] } as never;
      if (name === 'Global') return { global: (vars as { locale: string }).locale === 'en' ? { siteName: 'Solace', tagline: 'Hi', about: null } : null } as never;
      if (name === 'SelfAssessment') return { selfAssessment: null, ...extra } as never;
      throw new Error(`unexpected ${name}`);
    },
    async fetchAllPages(doc: unknown, vars: unknown) {
      const name = opName(doc);
      const locale = (vars as { locale: string }).locale;
      requests.push(`${name}:${locale}`);
      return (nodes[name]?.[locale] ?? []) as never;
    },
  } as ContentClient & { requests: string[] };
}

const author = { documentId: 'au1', locale: 'en', slug: 'elena-marsh', name: 'Elena Marsh', credentials: 'MD', role: null, bio: null, photo: null };

describe('loadSiteContent', () => {
  it('loads every locale the CMS lists, default first, with one paged request per type and locale', async () => {
    const client = fakeClient({
      Articles: { en: [rawArticle], es: [{ ...rawArticle, locale: 'es', slug: 'insuficiencia' }] },
      Authors: { en: [author] },
      Providers: { en: [rawProvider] },
    });
    const site = await loadSiteContent(client, { cmsOrigin: 'http://cms.test' });
    expect(site.locales.map((l) => l.code)).toEqual(['en', 'es']);
    expect(site.defaultLocale.code).toBe('en');
    // The Spanish article's author exists only in English: the default locale's is used.
    expect(site.byLocale.es!.articles[0]!.author?.name).toBe('Elena Marsh');
    // Spanish has no Global yet: the default locale's settings are used.
    expect(site.byLocale.es!.global.siteName).toBe('Solace');
    expect(site.byLocale.en!.providers[0]!.careSettings).toEqual(['hospital', 'home']);
    expect(client.requests.filter((r) => r.startsWith('Articles')).sort()).toEqual(['Articles:en', 'Articles:es']);
  });

  it('refuses an entry that paging returned twice', async () => {
    const client = fakeClient({ Providers: { en: [rawProvider, rawProvider] } });
    const error = await loadSiteContent(client, { cmsOrigin: 'http://cms.test' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Invalid provider "p1" \(locale en\): \(entry\): returned twice/);
  });

  it('fails on an invalid entry, naming its type, documentId, locale and field', async () => {
    const client = fakeClient({ Providers: { en: [rawProvider], es: [{ ...rawProvider, locale: 'es', documentId: 'p9', zip: '123' }] } });
    const error = await loadSiteContent(client, { cmsOrigin: 'http://cms.test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as Error).message).toBe('Invalid provider "p9" (locale es): zip: must be five digits');
  });
});
