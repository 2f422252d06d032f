import type { Article, Author, Locale, LocaleContent, Provider, SiteContent, Topic } from '@solace/content';
import { selfAssessmentPages, type SelfAssessmentPage } from './find-care/self-assessment.js';
import { stateName } from './us-states.js';
import * as urls from './urls.js';

/**
 * Turns the CMS content into the flat page lists Eleventy paginates over. One rule for documents
 * missing in a locale: the page exists only in the locales that have the document, and the
 * language switcher shows the other locales as "not translated" (linking to their home page).
 */

export type Alternate = {
  code: string;
  /** The locale's name in its own language, e.g. "español". */
  name: string;
  /** URL of the same document in that locale, or null when it is not translated. */
  url: string | null;
  current: boolean;
};

export type Page = { locale: string; url: string; alternates: Alternate[] };
export type ArticlePage = Page & { article: Article; related: Article[] };
export type ArticleListPage = Page & {
  articles: Article[];
  pageNumber: number;
  totalPages: number;
  previousUrl: string | null;
  nextUrl: string | null;
};
export type AuthorPage = Page & { author: Author; articles: Article[] };
export type TopicPage = Page & { topic: Topic; articles: Article[] };
export type StateSummary = { code: string; name: string; url: string; count: number };
export type StatePage = Page & { state: StateSummary; providers: Provider[] };
export type ProviderPage = Page & { provider: Provider; state: StateSummary };
export type LocalePage = Page & { content: LocaleContent; states: StateSummary[] };

export type SiteModel = {
  locales: (Locale & { nativeName: string })[];
  defaultLocale: string;
  /** One per locale: home, list indexes, directory index, search, feed. */
  localePages: LocalePage[];
  /** Two per locale that has a self-assessment: the questions and the page of every result. */
  selfAssessments: SelfAssessmentPage[];
  articleLists: ArticleListPage[];
  articles: ArticlePage[];
  authors: AuthorPage[];
  topics: TopicPage[];
  states: StatePage[];
  providers: ProviderPage[];
};

export const ARTICLES_PER_PAGE = 10;

export function nativeName(code: string) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

export function buildSiteModel(site: SiteContent, perPage = ARTICLES_PER_PAGE): SiteModel {
  const locales = site.locales.map((l) => ({ ...l, nativeName: nativeName(l.code) }));
  const codes = locales.map((l) => l.code);

  /** Alternates for a document: urlIn(code) gives its URL in that locale, or null. */
  const alternatesFor = (current: string, urlIn: (code: string) => string | null): Alternate[] =>
    locales.map((l) => ({ code: l.code, name: l.nativeName, url: urlIn(l.code), current: l.code === current }));
  const everywhere = (current: string, url: (code: string) => string) => alternatesFor(current, url);

  /** Alternates of one document: its URL in each locale that has it (found by documentId). */
  const translationsOf = <T extends { documentId: string }>(
    current: string,
    list: (c: LocaleContent) => T[],
    documentId: string,
    urlOf: (code: string, doc: T) => string,
  ) =>
    alternatesFor(current, (code) => {
      const other = list(site.byLocale[code]!).find((x) => x.documentId === documentId);
      return other ? urlOf(code, other) : null;
    });

  const model: SiteModel = {
    locales,
    defaultLocale: site.defaultLocale.code,
    localePages: [],
    selfAssessments: [],
    articleLists: [],
    articles: [],
    authors: [],
    topics: [],
    states: [],
    providers: [],
  };

  for (const code of codes) {
    const content = site.byLocale[code]!;
    const states = summariseStates(code, content.providers);
    model.localePages.push({ locale: code, url: urls.homeUrl(code), alternates: everywhere(code, urls.homeUrl), content, states });

    const totalPages = Math.max(1, Math.ceil(content.articles.length / perPage));
    for (let n = 1; n <= totalPages; n++) {
      model.articleLists.push({
        locale: code,
        url: urls.articlesUrl(code, n),
        alternates: everywhere(code, (c) => urls.articlesUrl(c)),
        articles: content.articles.slice((n - 1) * perPage, n * perPage),
        pageNumber: n,
        totalPages,
        previousUrl: n > 1 ? urls.articlesUrl(code, n - 1) : null,
        nextUrl: n < totalPages ? urls.articlesUrl(code, n + 1) : null,
      });
    }

    for (const article of content.articles) {
      const topicIds = new Set(article.topics.map((t) => t.documentId));
      model.articles.push({
        locale: code,
        url: urls.articleUrl(code, article.slug),
        alternates: translationsOf(code, (x) => x.articles, article.documentId, (c, a) => urls.articleUrl(c, a.slug)),
        article,
        related: content.articles
          .filter((a) => a.documentId !== article.documentId && a.topics.some((t) => topicIds.has(t.documentId)))
          .slice(0, 3),
      });
    }

    for (const author of content.authors) {
      model.authors.push({
        locale: code,
        url: urls.authorUrl(code, author.slug),
        alternates: translationsOf(code, (x) => x.authors, author.documentId, (c, a) => urls.authorUrl(c, a.slug)),
        author,
        articles: content.articles.filter((a) => a.author?.documentId === author.documentId),
      });
    }

    for (const topic of content.topics) {
      model.topics.push({
        locale: code,
        url: urls.topicUrl(code, topic.slug),
        alternates: translationsOf(code, (x) => x.topics, topic.documentId, (c, t) => urls.topicUrl(c, t.slug)),
        topic,
        articles: content.articles.filter((a) => a.topics.some((t) => t.documentId === topic.documentId)),
      });
    }

    for (const state of states) {
      const providers = content.providers.filter((p) => p.address.state === state.code);
      model.states.push({
        locale: code,
        url: state.url,
        alternates: alternatesFor(code, (c) =>
          site.byLocale[c]!.providers.some((p) => p.address.state === state.code) ? urls.stateUrl(c, state.code) : null,
        ),
        state,
        providers,
      });
      for (const provider of providers) {
        model.providers.push({
          locale: code,
          url: urls.providerUrl(code, state.code, provider.slug),
          alternates: translationsOf(code, (x) => x.providers, provider.documentId, (c, p) =>
            urls.providerUrl(c, p.address.state, p.slug),
          ),
          provider,
          state,
        });
      }
    }
  }
  model.selfAssessments = selfAssessmentPages(model.localePages);
  return model;
}

function summariseStates(locale: string, providers: Provider[]): StateSummary[] {
  const counts = new Map<string, number>();
  for (const p of providers) counts.set(p.address.state, (counts.get(p.address.state) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, name: stateName(code), url: urls.stateUrl(locale, code), count }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
