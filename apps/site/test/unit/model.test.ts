import type { Article, LocaleContent, Provider, SiteContent } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { pageItems } from '../../src/incremental/pages.js';
import { buildSiteModel, FEED_ARTICLES, HOME_ARTICLES, nativeName, sectionsIn } from '../../src/model.js';
import { sitemapXml } from '../../src/sitemap.js';

const article = (documentId: string, locale: string, slug: string, author: Article['author'] = null): Article => ({
  documentId, locale, slug, title: slug, summary: 's', body: 'b', date: '2026-01-01', updatedAt: '2026-01-01',
  cover: null, author, topics: [{ documentId: 't1', locale, slug: 'cancer', name: 'Cancer' }],
  seo: { title: slug, description: 'd', canonicalUrl: null }, review: null, draft: null,
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
  interfaceTexts: code === 'en' ? { 'nav.home': 'Home' } : {},
});

const site: SiteContent = {
  locales: [
    { code: 'en', name: 'English', isDefault: true },
    { code: 'es', name: 'Spanish', isDefault: false },
  ],
  defaultLocale: { code: 'en', name: 'English', isDefault: true },
  byLocale: {
    en: locale('en', [article('a1', 'en', 'one'), article('a2', 'en', 'two'), article('a3', 'en', 'three')], [provider('p1', 'en', 'MA'), provider('p2', 'en', 'TX')]),
    // The Spanish article's author is not translated: the byline links to the English page.
    es: locale('es', [article('a1', 'es', 'uno', { documentId: 'au1', locale: 'en', slug: 'ana', name: 'Ana', credentials: null })], [provider('p1', 'es', 'MA')]),
  },
};

/** An English author with every field. */
const ana = { documentId: 'au1', locale: 'en', slug: 'ana', name: 'Ana', credentials: 'MD', role: 'Nurse', bio: 'A long bio', photo: null };

/** Each page's fingerprint (src/incremental/pages.ts), by its key. */
const fingerprints = (content: SiteContent) => new Map(pageItems(buildSiteModel(content), {}).map((item) => [item.key, item.fingerprint]));
/** The keys of the pages whose fingerprint differs between two sets of fingerprints. */
const changedPages = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([key, fingerprint]) => before.get(key) !== fingerprint).map(([key]) => key);

describe('buildSiteModel', () => {
  const model = buildSiteModel(site, 2);

  it('links a document to its translations by documentId, and marks missing ones', () => {
    const one = model.articles.find((p) => p.url === '/en/articles/one/')!;
    expect(one.alternates).toEqual([
      { code: 'en', name: 'English', url: '/en/articles/one/', homeUrl: '/en/', current: true },
      { code: 'es', name: 'español', url: '/es/articles/uno/', homeUrl: '/es/', current: false },
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

  it('switches language on page n of a list to page n there, or to its last page when it has fewer', () => {
    const three = (code: string) => [1, 2, 3, 4, 5].map((n) => article(`a${n}`, code, `${code}-${n}`));
    const paged = buildSiteModel({ ...site, byLocale: { en: locale('en', three('en'), []), es: locale('es', three('es').slice(0, 3), []) } }, 2);
    const switcher = (url: string) => paged.articleLists.find((p) => p.url === url)!.alternates.map((a) => a.url);
    expect(switcher('/en/articles/page/2/')).toEqual(['/en/articles/page/2/', '/es/articles/page/2/']);
    expect(switcher('/en/articles/page/3/')).toEqual(['/en/articles/page/3/', '/es/articles/page/2/']);
    expect(switcher('/es/articles/page/2/')).toEqual(['/en/articles/page/2/', '/es/articles/page/2/']);
    expect(switcher('/es/articles/')).toEqual(['/en/articles/', '/es/articles/']);
  });

  it('carries the interface texts of every locale, and needs the English ones', () => {
    expect(model.strings).toEqual({ en: { 'nav.home': 'Home' }, es: {} });
    const noEnglish = { ...site, byLocale: { ...site.byLocale, en: { ...site.byLocale.en!, interfaceTexts: {} } } };
    expect(() => buildSiteModel(noEnglish)).toThrow(/no interface texts in "en"/);
  });

  it('groups providers by state, with a page per state and per provider', () => {
    expect(model.states.map((s) => s.url)).toEqual(['/en/providers/ma/', '/en/providers/tx/', '/es/providers/ma/']);
    expect(model.providers.map((p) => p.url)).toContain('/en/providers/tx/p-p2/');
    const texas = model.states.find((s) => s.url === '/en/providers/tx/')!;
    expect(texas.alternates.find((a) => a.code === 'es')!.url).toBeNull();
    expect(texas.state.name).toBe('Texas');
  });

  it("shows a provider's page its state's name and link but not its count: a program added to the state leaves the others' pages as they were", () => {
    const before = fingerprints(site);
    const en = site.byLocale.en!;
    const after = fingerprints({ ...site, byLocale: { ...site.byLocale, en: { ...en, providers: [...en.providers, provider('p3', 'en', 'MA')] } } });
    expect(after.get('providers /en/providers/ma/p-p1/')).toBe(before.get('providers /en/providers/ma/p-p1/'));
    expect(after.get('states /en/providers/ma/')).not.toBe(before.get('states /en/providers/ma/'));
    const p1 = buildSiteModel(site).providers.find((p) => p.url === '/en/providers/ma/p-p1/')!;
    expect(p1.state).toEqual({ code: 'MA', name: 'Massachusetts', url: '/en/providers/ma/' });
  });

  it('gives every document, reference and card the URL of its page', () => {
    const uno = model.articles.find((p) => p.url === '/es/articles/uno/')!;
    expect(uno.article.url).toBe('/es/articles/uno/');
    expect(uno.article.author!.url).toBe('/en/authors/ana/');
    expect(uno.article.topics.map((t) => t.url)).toEqual(['/es/topics/cancer/']);
    const es = model.localePages.find((p) => p.locale === 'es')!;
    expect(es.content.latest[0]!.url).toBe('/es/articles/uno/');
    expect(model.feeds.find((p) => p.locale === 'es')!.content.articles[0]!.url).toBe('/es/articles/uno/');
    expect(sectionsIn(model, 'es').topics.content.topics[0]!.url).toBe('/es/topics/cancer/');
    expect(sectionsIn(model, 'es').findCare.content.providers[0]!.url).toBe('/es/providers/ma/p-p1/');
    expect(sectionsIn(model, 'es').providers.content.states).toEqual([{ code: 'MA', name: 'Massachusetts', url: '/es/providers/ma/', count: 1 }]);
    const one = model.articles.find((p) => p.url === '/en/articles/one/')!;
    expect(one.related.map((a) => a.url)).toEqual(['/en/articles/two/', '/en/articles/three/']);
    expect(model.locales.map((l) => l.url)).toEqual(['/en/', '/es/']);
  });

  it('gives every page the section links of its locale', () => {
    const tx = model.providers.find((p) => p.url === '/en/providers/tx/p-p2/')!;
    expect(tx.links.providers).toBe('/en/providers/');
    expect(tx.links.feed).toBe('/en/feed.xml');
    expect(model.articleLists[2]!.links.home).toBe('/es/');
  });

  it('gives each locale its index pages, with alternates in every locale', () => {
    expect(model.sections.findCare.map((p) => p.url)).toEqual(['/en/find-care/', '/es/find-care/']);
    const es = sectionsIn(model, 'es');
    expect(es.authors).toBe(model.sections.authors[1]);
    expect(es.search.alternates.map((a) => a.url)).toEqual(['/en/search/', '/es/search/']);
    expect(es.findCare.content.states).toBe(es.providers.content.states);
  });

  it('relates articles through shared topics', () => {
    const one = model.articles.find((p) => p.url === '/en/articles/one/')!;
    expect(one.related.map((a) => a.url)).toEqual(['/en/articles/two/', '/en/articles/three/']);
  });

  it('shows a list only what its cards show: an edit to an article\'s body re-renders its own page, and a new title the lists too', () => {
    const withArticleTwo = (change: Partial<Article>) => {
      const en = site.byLocale.en!;
      const articles = en.articles.map((a) => (a.documentId === 'a2' ? { ...a, ...change } : a));
      return fingerprints({ ...site, byLocale: { ...site.byLocale, en: { ...en, articles } } });
    };
    const before = fingerprints(site);
    const changed = (after: Map<string, string>) => changedPages(before, after);
    // The home page, the feed and the lists show no body; the indexes only count articles.
    expect(changed(withArticleTwo({ body: 'a new body', seo: { title: 'two', description: 'new', canonicalUrl: null } }))).toEqual(['articles /en/articles/two/']);
    const retitled = changed(withArticleTwo({ title: 'A new title' }));
    expect(retitled).toEqual(expect.arrayContaining(['localePages /en/', 'feeds /en/feed.xml', 'articleLists /en/articles/', 'articles /en/articles/one/', 'topics /en/topics/cancer/', 'articles /en/articles/two/']));
  });

  it('shows a preview draft without a slug of its own at its documentId, and lists the incomplete drafts', () => {
    const draft: Article = { ...article('d9', 'en', 'x'), slug: null, draft: { published: false, needs: ['slug', 'summary'] } };
    const complete: Article = { ...article('d8', 'en', 'done'), draft: { published: false, needs: [] } };
    const preview = buildSiteModel({ ...site, byLocale: { ...site.byLocale, en: locale('en', [draft, complete], []) } });
    expect(preview.articles.filter((p) => p.locale === 'en').map((p) => p.url)).toEqual(['/en/articles/by-id/d9/', '/en/articles/done/']);
    const en = preview.localePages.find((p) => p.locale === 'en')!;
    expect(en.content.incompleteDrafts.map((a) => a.url)).toEqual(['/en/articles/by-id/d9/']);
    expect(model.localePages[0]!.content.incompleteDrafts).toEqual([]);
  });

  it('links an article’s reviewer to their page', () => {
    const reviewed: Article = { ...article('r1', 'es', 'revisado'), review: { by: ana, reviewedAt: '2026-03-03', nextReviewDue: null } };
    const withReview = buildSiteModel({ ...site, byLocale: { ...site.byLocale, es: locale('es', [reviewed], []) } });
    expect(withReview.articles.find((p) => p.locale === 'es')!.article.review?.by.url).toBe('/en/authors/ana/');
  });

  it('shows the home, directory, find-care and search pages only what they show of their locale', () => {
    const model = buildSiteModel({ ...site, byLocale: { ...site.byLocale, en: { ...site.byLocale.en!, authors: [ana] } } });
    const en = model.localePages[0]!;
    // The home page, and what the layout reads of the locale on every page.
    expect(Object.keys(en.content).sort()).toEqual(['global', 'incompleteDrafts', 'latest', 'locale', 'selfAssessment']);
    expect(Object.keys(sectionsIn(model, 'en').findCare.content).sort()).toEqual(['locale', 'providers', 'states']);
    expect(sectionsIn(model, 'en').findCare.content.providers.map((p) => p.url)).toEqual(['/en/providers/ma/p-p1/', '/en/providers/tx/p-p2/']);
    expect(Object.keys(sectionsIn(model, 'en').providers.content).sort()).toEqual(['locale', 'states']);
    // The search page lists the authors a search names (their links, as the author pages have them).
    expect(Object.keys(sectionsIn(model, 'en').search.content).sort()).toEqual(['authors', 'global', 'locale']);
    expect(sectionsIn(model, 'en').search.content.authors).toEqual(model.authors.filter((p) => p.locale === 'en').map((p) => p.author));
    expect(sectionsIn(model, 'en').search.content.authors[0]!.url).toBe('/en/authors/ana/');
    expect(Object.keys(sectionsIn(model, 'en').authors.content).sort()).toEqual(['authors', 'global', 'locale']);
    expect(sectionsIn(model, 'en').topics.content.topics).toEqual([{ url: '/en/topics/cancer/', name: 'Cancer', description: null, articleCount: 3 }]);
  });

  it('lists each author and topic on its index with its article count, which changes with an article added, not with one edited', () => {
    const withAna = (articles: Article[]): SiteContent => ({ ...site, byLocale: { ...site.byLocale, en: { ...locale('en', articles, []), authors: [ana] } } });
    const byAna = (slug: string, title = slug) => ({ ...article(slug, 'en', slug, ana), title });
    const before = withAna([byAna('one'), byAna('two')]);
    expect(buildSiteModel(before).sections.authors[0]!.content.authors).toEqual([{ url: '/en/authors/ana/', name: 'Ana', credentials: 'MD', role: 'Nurse', articleCount: 2 }]);
    const indexes = (content: SiteContent) => [...fingerprints(content)].filter(([key]) => key.startsWith('sections.authors /en/') || key.startsWith('sections.topics /en/'));
    expect(indexes(before).map(([key]) => key)).toEqual(['sections.authors /en/authors/', 'sections.topics /en/topics/']);
    expect(indexes(withAna([byAna('one'), byAna('two', 'A new title')]))).toEqual(indexes(before));
    const added = new Map(indexes(withAna([byAna('one'), byAna('two'), byAna('three')])));
    for (const [key, fingerprint] of indexes(before)) expect(added.get(key), key).not.toBe(fingerprint);
  });

  it('shows state counts only on the directory and find-care: a program added leaves the other index pages as they were', () => {
    const before = fingerprints(site);
    const en = site.byLocale.en!;
    const after = fingerprints({ ...site, byLocale: { ...site.byLocale, en: { ...en, providers: [...en.providers, provider('p3', 'en', 'TX')] } } });
    expect(changedPages(before, after).sort()).toEqual(['providers /en/providers/tx/p-p3/', 'sections.findCare /en/find-care/', 'sections.providers /en/providers/', 'states /en/providers/tx/']);
  });

  it('shows the home page and the feed their latest articles, and the self-assessment the articles it suggests: an older article retitled re-renders none of them', () => {
    const assessment = { title: 'Where do I start?', intro: null, questions: [{ prompt: 'q', hint: null }], results: [{ minYes: 0, heading: 'h', body: 'b' }] };
    // Newest first, as the CMS lists them.
    const day = (i: number) => new Date(Date.UTC(2026, 0, 31) - i * 86_400_000).toISOString().slice(0, 10);
    const dated = Array.from({ length: FEED_ARTICLES + 5 }, (_, i) => ({ ...article(`a${i + 1}`, 'en', `a${i + 1}`), date: day(i), updatedAt: day(i) }));
    const withArticles = (articles: Article[]): SiteContent => ({ ...site, byLocale: { ...site.byLocale, en: { ...locale('en', articles, []), selfAssessment: assessment } } });
    const retitled = (n: number) => dated.map((a, i) => (i === n - 1 ? { ...a, title: 'A new title' } : a));
    const urls = (articles: Article[]) => articles.map((a) => `/en/articles/${a.slug}/`);
    const model = buildSiteModel(withArticles(dated));
    expect(model.localePages[0]!.content.latest.map((a) => a.url)).toEqual(urls(dated.slice(0, HOME_ARTICLES)));
    expect(model.feeds[0]!.content.articles.map((a) => a.url)).toEqual(urls(dated.slice(0, FEED_ARTICLES)));
    expect(model.selfAssessments.map((p) => p.content.suggested.map((a) => a.url))).toEqual([0, 1].map(() => urls(dated.slice(0, 3))));

    const before = fingerprints(withArticles(dated));
    const oldest = `/en/articles/a${dated.length}/`;
    const itsList = model.articleLists.find((p) => p.articles.some((a) => a.url === oldest))!.url;
    expect(changedPages(before, fingerprints(withArticles(retitled(dated.length)))).sort()).toEqual([`articleLists ${itsList}`, `articles ${oldest}`, 'topics /en/topics/cancer/']);
    expect(changedPages(before, fingerprints(withArticles(retitled(1))))).toEqual(
      expect.arrayContaining(['localePages /en/', 'feeds /en/feed.xml', 'selfAssessments /en/self-assessment/', 'selfAssessments /en/self-assessment/results/']),
    );
  });

  it("re-renders a feed when the site's last change moves only when the feed has no article to date it by", () => {
    const model = buildSiteModel({ ...site, byLocale: { ...site.byLocale, es: locale('es', [], []) } });
    const feeds = (builtAt: string) => new Map(pageItems(model, { builtAt }).filter((item) => item.group === 'feeds').map((item) => [item.key, item.fingerprint]));
    expect([...feeds('2026-01-01').keys()]).toEqual(['feeds /en/feed.xml', 'feeds /es/feed.xml']);
    expect(changedPages(feeds('2026-01-01'), feeds('2026-02-02'))).toEqual(['feeds /es/feed.xml']);
  });

  it('lists every page in the sitemap, with its alternates, the default locale as x-default, and an article’s last change', () => {
    const model = buildSiteModel(site);
    const xml = sitemapXml(model, 'https://example.org/');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = [...model.localePages, ...Object.values(model.sections).flat(), ...model.selfAssessments, ...model.articleLists, ...model.articles, ...model.authors, ...model.topics, ...model.states, ...model.providers];
    expect(locs.sort()).toEqual(pages.map((p) => `https://example.org${p.url}`).sort());
    const one = /<url>\s*<loc>https:\/\/example\.org\/en\/articles\/one\/<\/loc>([\s\S]*?)<\/url>/.exec(xml)![1]!;
    expect(one).toContain('<lastmod>2026-01-01</lastmod>');
    expect(one).toContain('hreflang="en" href="https://example.org/en/articles/one/"');
    expect(one).toContain('hreflang="es" href="https://example.org/es/articles/uno/"');
    expect(one).toContain('hreflang="x-default" href="https://example.org/en/articles/one/"');
  });

  it('keeps a page\'s language switcher and sitemap entry from one model to the next while they stay the same', () => {
    const entryOf = (xml: string, url: string) => new RegExp(`<url>\\s*<loc>${url.replaceAll('.', '\\.')}</loc>([\\s\\S]*?)</url>`).exec(xml)?.[1];
    const pageOf = (m: ReturnType<typeof buildSiteModel>) => m.articles.find((p) => p.url === '/en/articles/one/')!;
    const first = buildSiteModel(site);
    sitemapXml(first, 'https://example.org/');
    const again = buildSiteModel(site);
    expect(pageOf(again).alternates).toBe(pageOf(first).alternates);
    // The same switcher, but another address for the site, and another last change: the entry says so.
    const dated = { ...site, byLocale: { ...site.byLocale, en: { ...site.byLocale.en!, articles: site.byLocale.en!.articles.map((a) => ({ ...a, updatedAt: '2026-02-02' })) } } };
    const later = buildSiteModel(dated);
    expect(pageOf(later).alternates).toBe(pageOf(first).alternates);
    const xml = sitemapXml(later, 'https://other.example/');
    expect(entryOf(xml, 'https://other.example/en/articles/one/')).toContain('<lastmod>2026-02-02</lastmod>');
    expect(xml).not.toContain('https://example.org/');
    // The Spanish translation gone: the English page's switcher is another one.
    const untranslated = buildSiteModel({ ...site, byLocale: { ...site.byLocale, es: locale('es', [], []) } });
    expect(pageOf(untranslated).alternates).not.toBe(pageOf(first).alternates);
    expect(pageOf(untranslated).alternates[1]!.url).toBeNull();
    expect(entryOf(sitemapXml(untranslated, 'https://example.org/'), 'https://example.org/en/articles/one/')).not.toContain('hreflang="es"');
  });

  it('escapes what XML needs escaped in the sitemap', () => {
    const odd = article('a9', 'en', "q&a-'x'");
    const xml = sitemapXml(buildSiteModel({ ...site, byLocale: { ...site.byLocale, en: locale('en', [odd], []) } }), 'https://example.org/');
    expect(xml).toContain('<loc>https://example.org/en/articles/q&amp;a-&#39;x&#39;/</loc>');
    expect(xml).not.toMatch(/&(?!amp;|quot;|#39;|lt;|gt;)/);
  });

  it('names each locale in its own language', () => {
    expect(nativeName('es')).toBe('español');
    expect(nativeName('fr')).toBe('français');
  });
});
