import type { Article } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { browserStrings, languageLabel, stateAliases } from '../../_config/provider-search.js';
import { decodeIndex } from '../../src/find-care/core.js';
import { loadDemoProviders } from '../../src/find-care/sample-data.js';
import { assessmentArticles, assessmentRanges } from '../../src/find-care/self-assessment.js';
import { localeBaseUrl, providerFiles, zipChunks, zipFiles } from '../../src/find-care/site-data.js';
import { FALLBACK_START, translatorFor } from '../../src/i18n.js';
import { shippedStrings } from '../unit/shipped-strings.js';

describe('the data files of the find-care page', () => {
  const zips = zipChunks();

  it('are written under /data/ per locale, with the index naming its chunks', () => {
    const { indexUrl, files } = providerFiles('es', loadDemoProviders('es'), { zips });
    expect(indexUrl).toMatch(/^\/data\/find-care\/es\/index\.[0-9a-f]{10}\.json$/);
    for (const url of files.keys()) expect(url.startsWith(localeBaseUrl('es'))).toBe(true);
    const index = decodeIndex(JSON.parse(files.get(indexUrl)!));
    for (const state of index.states) for (const file of state.details) expect(files.has(index.base + file)).toBe(true);
    expect(index.zipBase).toBe(`/data/zip/${zips.version}/`);
  });

  it('include one ZIP file per 3-digit prefix', () => {
    const files = zipFiles(zips);
    expect(files.size).toBe(zips.chunks.size);
    expect(files.has(`/data/zip/${zips.version}/021.json`)).toBe(true);
  });
});

describe('the plugin helpers', () => {
  const strings = {
    en: { 'languageName.Spanish': 'Spanish', 'stateName.NY': 'New York' },
    es: { 'languageName.Spanish': 'español', 'stateName.NY': 'Nueva York' },
  };
  const es = translatorFor(strings, 'es');
  const en = translatorFor(strings, 'en');

  it('label languages like the site does, marking untranslated names as English', () => {
    expect(languageLabel(es, 'Spanish')).toEqual({ label: 'español', labelLang: null });
    expect(languageLabel(es, 'Klingon')).toEqual({ label: 'Klingon', labelLang: 'en' });
    expect(languageLabel(en, 'Klingon')).toEqual({ label: 'Klingon', labelLang: null });
  });

  it('give the provider search its strings in the page language, one per care setting and age group', () => {
    const strings = browserStrings(translatorFor(shippedStrings(), 'es'));
    const es = shippedStrings().es!;
    expect(strings['setting.office-clinic']).toBe(es['careSetting.office-clinic']);
    expect(strings['age.children']).toBe(es['ages.children']);
    expect(strings['near.one']).toBe(es['findCare.status.near.one']);
    expect(strings['near.other']).toBe(es['findCare.status.near.other']);
    // Polish has more plural forms than English: the script gets every one the strings have.
    const pl = browserStrings(translatorFor({ ...shippedStrings(), pl: { 'findCare.status.near.few': '{n} programy', 'findCare.status.near.many': '{n} programów' } }, 'pl'));
    expect(pl['near.few']).toBe('{n} programy');
    expect(pl['near.many']).toBe('{n} programów');
    expect(pl['near.one']!.startsWith(FALLBACK_START)).toBe(true);
    expect(Object.keys(strings).filter((k) => k.startsWith('setting.'))).toHaveLength(4);
  });

  it('give a state its name in the page language', () => {
    expect(stateAliases(es, 'NY')).toEqual(['Nueva York']);
    expect(stateAliases(es, 'MA')).toEqual([]);
  });

  it('suggest getting-started articles first, then the latest', () => {
    const article = (slug: string, date: string, topics: string[]) =>
      ({ slug, date, topics: topics.map((t) => ({ documentId: t, slug: t, name: t })) }) as unknown as Article;
    const list = [
      article('old-start', '2025-01-01', ['getting-started']),
      article('newest', '2026-06-01', ['cancer']),
      article('new-start', '2026-01-01', ['getting-started', 'hospice']),
      article('middle', '2025-06-01', []),
    ];
    expect(assessmentArticles(list).map((a) => a.slug)).toEqual(['new-start', 'old-start', 'newest']);
    expect(assessmentArticles(list.slice(1, 2))).toHaveLength(1);
  });

  it('word each result by the answers it is for', () => {
    const ranges = assessmentRanges({
      title: 't',
      intro: null,
      questions: Array.from({ length: 5 }, () => ({ prompt: 'q', hint: null })),
      results: [
        { minYes: 0, heading: 'A', body: 'a' },
        { minYes: 1, heading: 'B', body: 'b' },
        { minYes: 3, heading: 'C', body: 'c' },
      ],
    });
    expect(ranges.map((r) => [r.heading, r.kind, r.min, r.max])).toEqual([
      ['A', 'none', 0, 0],
      ['B', 'or', 1, 2],
      ['C', 'atLeast', 3, 5],
    ]);
  });
});
