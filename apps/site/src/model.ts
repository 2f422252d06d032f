import { makeLasting, rememberMapping, type Article, type Author, type AuthorRef, type Locale, type LocaleContent, type Provider, type Review, type SiteContent, type Topic, type TopicRef } from '@solace/content';
import * as routes from '@solace/routes';
import { interfaceStrings, type Strings } from './i18n.js';
import { assessmentArticles, selfAssessmentPages, type SelfAssessmentPage } from './find-care/self-assessment.js';
import { stateName } from './us-states.js';

/**
 * Turns the CMS content into the flat page lists Eleventy paginates over. Every URL comes from the
 * route table (@solace/routes) and is set here: every page, document, reference and card carries
 * its `url`, so templates never build a link. One rule for documents missing in a locale: the page
 * exists only in the locales that have the document, and the language switcher shows the other
 * locales as "not translated" (linking to their home page).
 */

export type Alternate = {
  code: string;
  /** The locale's name in its own language, e.g. "español". */
  name: string;
  /** URL of the same document in that locale, or null when it is not translated. */
  url: string | null;
  /** The locale's home page, where the switcher leads when the document is not translated. */
  homeUrl: string;
  current: boolean;
};

/** Something a page links to: a document, or a reference to one, with the URL of its page. */
export type Linked<T> = T & { url: string };
/** An article as lists show it, with its author and topics linked to their pages. */
export type ArticleCard = Linked<Omit<Article, 'author' | 'topics' | 'review'>> & {
  /** In the default locale when the author is not translated (AuthorRef.locale). */
  author: Linked<AuthorRef> | null;
  topics: Linked<TopicRef>[];
  review: (Omit<Review, 'by'> & { by: Linked<AuthorRef> }) | null;
};
/**
 * An article as a list shows it (macros.njk, `articleCard`): a list's view holds no more, so an edit
 * to an article's body, cover, topics or SEO fields re-renders its own page, not every list it is on.
 */
export type ArticleTeaser = Pick<ArticleCard, 'url' | 'title' | 'summary' | 'date'> & { author: Pick<Linked<AuthorRef>, 'name' | 'credentials'> | null };
export type LinkedContent = Omit<LocaleContent, 'articles' | 'authors' | 'topics' | 'providers'> & {
  articles: ArticleCard[];
  /** Preview builds only: the drafts that still need something before they can be published. */
  incompleteDrafts: ArticleCard[];
  authors: Linked<Author>[];
  topics: Linked<Topic>[];
  providers: Linked<Provider>[];
};

/** The pages of a locale every page links to (navigation, footer, breadcrumbs, feed). */
export type LocaleLinks = ReturnType<typeof routes.localeLinks>;
export type Page = { locale: string; url: string; alternates: Alternate[]; links: LocaleLinks };
export type ArticlePage = Page & { article: ArticleCard; related: ArticleTeaser[] };
export type ArticleListPage = Page & {
  articles: ArticleTeaser[];
  pageNumber: number;
  totalPages: number;
  previousUrl: string | null;
  nextUrl: string | null;
};
export type AuthorPage = Page & { author: Linked<Author>; articles: ArticleTeaser[] };
export type TopicPage = Page & { topic: Linked<Topic>; articles: ArticleTeaser[] };
export type StateSummary = { code: string; name: string; url: string; count: number };
export type StatePage = Page & { state: StateSummary; providers: Linked<Provider>[] };
/**
 * What a provider's page shows of its state: its name and a link, not its count (a program added
 * to the state would change every other program's page).
 */
export type StateLink = Omit<StateSummary, 'count'>;
export type ProviderPage = Page & { provider: Linked<Provider>; state: StateLink };
/** A page about a whole locale: its home page, or one of its index pages (with `content`, what it shows of the locale). */
export type SectionPage<C> = Page & { content: C };
type Section = (typeof SECTIONS)[number];
/** An author as the authors' index lists them: with their article count, not their articles. */
export type AuthorEntry = Pick<Linked<Author>, 'url' | 'name' | 'credentials' | 'role'> & { articleCount: number };
/** A topic as the topics' index lists it. */
export type TopicEntry = Pick<Linked<Topic>, 'url' | 'name' | 'description'> & { articleCount: number };
/**
 * What each index page shows of its locale, and no more: a page's fingerprint covers its view, so
 * an article edited (not added or removed) leaves the indexes as they were, and a program added
 * changes only the directory's and find-care's state counts.
 */
export type SectionContents = {
  authors: Pick<LinkedContent, 'locale' | 'global'> & { authors: AuthorEntry[] };
  topics: Pick<LinkedContent, 'locale'> & { topics: TopicEntry[] };
  providers: Pick<LinkedContent, 'locale'> & { states: StateSummary[] };
  // find-care's data files index every provider.
  findCare: Pick<LinkedContent, 'locale' | 'providers'> & { states: StateSummary[] };
  // The search page lists the authors whose name a reader searches for (bylines are not indexed).
  search: Pick<LinkedContent, 'locale' | 'global' | 'authors'>;
};
/** The index pages of a locale, each with its own URL and alternates. */
export type Sections = { [S in Section]: SectionPage<SectionContents[S]> };
/**
 * What a locale's home page shows (its latest articles' cards), and what the layout reads of the
 * locale on every page: Global, whether it has a self-assessment, a preview's drafts list.
 */
export type HomeContent = Pick<LinkedContent, 'locale' | 'global' | 'selfAssessment' | 'incompleteDrafts'> & { latest: ArticleTeaser[] };
export type LocalePage = SectionPage<HomeContent>;
/** An article as the feed shows it (feed.njk). */
export type FeedEntry = Pick<ArticleCard, 'url' | 'title' | 'summary' | 'date' | 'updatedAt'> & {
  author: Pick<Linked<AuthorRef>, 'name'> | null;
  topics: Pick<TopicRef, 'slug' | 'name'>[];
};
/** A locale's Atom feed: its latest articles, in list order. `url` is the feed's, `homeUrl` the page it stands for. */
export type FeedPage = { locale: string; url: string; homeUrl: string; content: Pick<LinkedContent, 'locale' | 'global'> & { articles: FeedEntry[] } };

export type SiteModel = {
  locales: (Locale & { nativeName: string; url: string })[];
  /** The interface texts of every locale, by locale code (the i18n filters read them). */
  strings: Record<string, Strings>;
  defaultLocale: string;
  /** One per locale: its home page. */
  localePages: LocalePage[];
  /** One per locale. */
  feeds: FeedPage[];
  /** The index pages of every locale, by section, for the templates that render them. */
  sections: { [S in keyof Sections]: Sections[S][] };
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
/** Cards on a home page: its latest articles. */
export const HOME_ARTICLES = 6;
/**
 * Entries in a feed: its latest articles. Feed readers fetch it again and again, so it carries
 * what is new (the article lists have the rest), not a thousand entries.
 */
export const FEED_ARTICLES = 20;

/** Index pages every locale has, in the order the sitemap lists them. */
const SECTIONS = ['authors', 'topics', 'providers', 'findCare', 'search'] as const;
const SECTION_URLS: Record<Section, (locale: string) => string> = {
  authors: routes.authorsUrl,
  topics: routes.topicsUrl,
  providers: routes.providersUrl,
  findCare: routes.findCareUrl,
  search: routes.searchUrl,
};
/** Each index page's content (SectionContents). `lists`: the locale's articles by author and topic. */
function sectionContents(code: string, content: LinkedContent, lists: ReturnType<typeof articleLists>): SectionContents {
  const { locale, global, providers } = content;
  const states = summariseStates(code, providers);
  return {
    authors: {
      locale,
      global,
      authors: content.authors.map(({ url, name, credentials, role, documentId }) => ({ url, name, credentials, role, articleCount: lists.countByAuthor(documentId) })),
    },
    topics: {
      locale,
      topics: content.topics.map(({ url, name, description, documentId }) => ({ url, name, description, articleCount: lists.countByTopic(documentId) })),
    },
    providers: { locale, states },
    findCare: { locale, providers, states },
    search: { locale, global, authors: content.authors },
  };
}

/** A locale's index pages, in the order the sitemap lists them. */
export function sectionsIn(model: Pick<SiteModel, 'sections'>, code: string): Sections {
  return Object.fromEntries(SECTIONS.map((s) => [s, model.sections[s].find((page) => page.locale === code)])) as Sections;
}

export function nativeName(code: string) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

// Each document linked once, and kept as long as the content value it links (@solace/content's
// rememberMapping): a build process that made the model while it waited makes only what changed.
const linkAuthor = rememberMapping((author: AuthorRef): Linked<AuthorRef> => ({ ...author, url: routes.authorUrl(author.locale, author.slug) }));
const linkTopic = rememberMapping((topic: TopicRef): Linked<TopicRef> => ({ ...topic, url: routes.topicUrl(topic.locale, topic.slug) }));
const linkArticle = rememberMapping(
  (article: Article, code: string): ArticleCard => ({
    ...article,
    // A preview's draft without a slug of its own is shown by documentId.
    url: article.slug ? routes.articleUrl(code, article.slug) : routes.articleByIdUrl(code, article.documentId),
    author: article.author && linkAuthor(article.author),
    topics: article.topics.map(linkTopic),
    review: article.review && { ...article.review, by: linkAuthor(article.review.by) },
  }),
);
const teaserOf = rememberMapping(
  ({ url, title, summary, date, author }: ArticleCard): ArticleTeaser => ({
    url,
    title,
    summary,
    date,
    author: author && { name: author.name, credentials: author.credentials },
  }),
);
// Not map(teaserOf): the index map passes would count as an argument, and no teaser would be reused.
const teasersOf = (cards: ArticleCard[]) => cards.map((card) => teaserOf(card));
const feedEntryOf = rememberMapping(
  ({ url, title, summary, date, updatedAt, author, topics }: ArticleCard): FeedEntry => ({
    url,
    title,
    summary,
    date,
    updatedAt,
    author: author && { name: author.name },
    topics: topics.map(({ slug, name }) => ({ slug, name })),
  }),
);
const linkAuthorPage = rememberMapping((author: Author, code: string): Linked<Author> => ({ ...author, url: routes.authorUrl(code, author.slug) }));
const linkTopicPage = rememberMapping((topic: Topic, code: string): Linked<Topic> => ({ ...topic, url: routes.topicUrl(code, topic.slug) }));
const linkProvider = rememberMapping(
  (provider: Provider, code: string): Linked<Provider> => ({ ...provider, url: routes.providerUrl(code, provider.address.state, provider.slug) }),
);

/** One locale's content with the URL of every document and reference. */
export function linkContent(content: LocaleContent): LinkedContent {
  const code = content.locale.code;
  const articles = content.articles.map((article) => linkArticle(article, code));
  return {
    ...content,
    articles,
    incompleteDrafts: articles.filter((article) => article.draft?.needs.length),
    authors: content.authors.map((author) => linkAuthorPage(author, code)),
    topics: content.topics.map((topic) => linkTopicPage(topic, code)),
    providers: content.providers.map((provider) => linkProvider(provider, code)),
  };
}

export function buildSiteModel(site: SiteContent, perPage = ARTICLES_PER_PAGE): SiteModel {
  const locales = site.locales.map((l) => ({ ...l, nativeName: nativeName(l.code), url: routes.homeUrl(l.code) }));
  const codes = locales.map((l) => l.code);
  const linked: Record<string, LinkedContent> = Object.fromEntries(codes.map((c) => [c, linkContent(site.byLocale[c]!)]));

  const switchers = languageSwitchers(locales);
  /** Alternates for a page: urlIn(code) gives its URL in that locale, or null. */
  const alternatesFor = (current: string, urlIn: (code: string) => string | null): Alternate[] =>
    switchers.get(current, locales.map((l) => urlIn(l.code)));

  // documentId -> URL per list, built on first use: a linear search per page was quadratic (10,000 providers).
  const urlIndexes = new WeakMap<object, Map<string, string>>();
  const urlOf = (items: { documentId: string; url: string }[], documentId: string) => {
    let index = urlIndexes.get(items);
    if (!index) {
      index = new Map();
      for (const x of items) if (!index.has(x.documentId)) index.set(x.documentId, x.url);
      urlIndexes.set(items, index);
    }
    return index.get(documentId) ?? null;
  };

  /** Alternates of one document: its URL in each locale that has it (found by documentId). */
  const translationsOf = <T extends { documentId: string; url: string }>(
    current: string,
    list: (c: LinkedContent) => T[],
    documentId: string,
  ) => alternatesFor(current, (code) => urlOf(list(linked[code]!), documentId));

  const stateSets = new Map<string, Set<string>>();
  const statesWithProviders = (code: string) => {
    let set = stateSets.get(code);
    if (!set) stateSets.set(code, (set = new Set(linked[code]!.providers.map((p) => p.address.state))));
    return set;
  };

  const articlePages = (code: string) => Math.max(1, Math.ceil(linked[code]!.articles.length / perPage));
  /** The language switcher on page n of the articles leads to page n in another locale, or to its last page when it has fewer. */
  const listPageIn = (code: string, n: number) => Math.min(n, articlePages(code));

  const model: SiteModel = {
    locales,
    strings: interfaceStrings(site),
    defaultLocale: site.defaultLocale.code,
    localePages: [],
    feeds: [],
    sections: { authors: [], topics: [], providers: [], findCare: [], search: [] },
    selfAssessments: [],
    articleLists: [],
    articles: [],
    authors: [],
    topics: [],
    states: [],
    providers: [],
  };

  for (const code of codes) {
    const content = linked[code]!;
    const links = localeLinksOf(code);
    const lists = articleLists(content.articles);
    const section = <C>(url: (locale: string) => string, shown: C): SectionPage<C> => ({
      locale: code,
      url: url(code),
      alternates: alternatesFor(code, url),
      links,
      content: shown,
    });
    const contents = sectionContents(code, content, lists);
    for (const s of SECTIONS) (model.sections[s] as SectionPage<unknown>[]).push(section(SECTION_URLS[s], contents[s]));
    const { locale, global, selfAssessment, incompleteDrafts, articles } = content;
    const home: HomeContent = { locale, global, selfAssessment, incompleteDrafts, latest: teasersOf(articles.slice(0, HOME_ARTICLES)) };
    model.localePages.push(section(routes.homeUrl, home));
    model.feeds.push({ locale: code, url: routes.feedUrl(code), homeUrl: routes.homeUrl(code), content: { locale, global, articles: articles.slice(0, FEED_ARTICLES).map((card) => feedEntryOf(card)) } });

    const totalPages = articlePages(code);
    for (let n = 1; n <= totalPages; n++) {
      model.articleLists.push({
        locale: code,
        url: routes.articlesUrl(code, n),
        alternates: alternatesFor(code, (c) => routes.articlesUrl(c, listPageIn(c, n))),
        links,
        articles: teasersOf(content.articles.slice((n - 1) * perPage, n * perPage)),
        pageNumber: n,
        totalPages,
        previousUrl: n > 1 ? routes.articlesUrl(code, n - 1) : null,
        nextUrl: n < totalPages ? routes.articlesUrl(code, n + 1) : null,
      });
    }

    for (const article of content.articles) {
      model.articles.push({
        locale: code,
        url: article.url,
        alternates: translationsOf(code, (x) => x.articles, article.documentId),
        links,
        article,
        related: teasersOf(lists.related(article, 3)),
      });
    }

    for (const author of content.authors) {
      model.authors.push({
        locale: code,
        url: author.url,
        alternates: translationsOf(code, (x) => x.authors, author.documentId),
        links,
        author,
        articles: teasersOf(lists.byAuthor(author.documentId)),
      });
    }

    for (const topic of content.topics) {
      model.topics.push({
        locale: code,
        url: topic.url,
        alternates: translationsOf(code, (x) => x.topics, topic.documentId),
        links,
        topic,
        articles: teasersOf(lists.byTopic(topic.documentId)),
      });
    }

    const providersByState = groupBy(content.providers, (p) => [p.address.state]);
    for (const state of contents.providers.states) {
      const providers = providersByState.get(state.code) ?? [];
      model.states.push({
        locale: code,
        url: state.url,
        alternates: alternatesFor(code, (c) =>
          statesWithProviders(c).has(state.code) ? routes.stateUrl(c, state.code) : null,
        ),
        links,
        state,
        providers,
      });
      const stateLink: StateLink = { code: state.code, name: state.name, url: state.url };
      for (const provider of providers) {
        model.providers.push({
          locale: code,
          url: provider.url,
          alternates: translationsOf(code, (x) => x.providers, provider.documentId),
          links,
          provider,
          state: stateLink,
        });
      }
    }
  }
  model.selfAssessments = selfAssessmentPages(model.localePages, (code) => teasersOf(assessmentArticles(linked[code]!.articles)));
  switchers.keep();
  return model;
}

/**
 * The pages' language switchers as lasting values (@solace/content), kept from one model to the
 * next while the locales stay the same: a process that made the previous content's model while it
 * waited (src/build.ts) gives each page whose switcher is unchanged the very one, whose hash (the
 * fingerprints) it has worked out already. Only the last model's are kept.
 */
let switchersKept: { locales: string; byUrls: Map<string, Alternate[]> } | null = null;

function languageSwitchers(locales: SiteModel['locales']) {
  const localesKey = JSON.stringify(locales.map((l) => [l.code, l.nativeName, l.url]));
  const before = switchersKept?.locales === localesKey ? switchersKept.byUrls : new Map<string, Alternate[]>();
  const now = new Map<string, Alternate[]>();
  return {
    /** The switcher of a page in `current`, given its URL in each locale (null: not translated). */
    get(current: string, urls: (string | null)[]) {
      // URLs start with "/": a NUL cannot be in one, nor "" stand for one.
      const key = `${current}\0${urls.map((url) => url ?? '').join('\0')}`;
      let switcher = now.get(key) ?? before.get(key);
      switcher ??= makeLasting(locales.map((l, i) => ({ code: l.code, name: l.nativeName, url: urls[i] ?? null, homeUrl: l.url, current: l.code === current })));
      now.set(key, switcher);
      return switcher;
    },
    keep: () => (switchersKept = { locales: localesKey, byUrls: now }),
  };
}

/** A locale's links (navigation, footer), one lasting value per locale (it depends on the code alone). */
const localeLinks = new Map<string, LocaleLinks>();
function localeLinksOf(code: string) {
  let links = localeLinks.get(code);
  if (!links) localeLinks.set(code, (links = makeLasting(routes.localeLinks(code))));
  return links;
}

/** Items by key, in list order; an item with several keys is in several lists (once in each). */
function groupBy<T>(items: T[], keysOf: (item: T) => Iterable<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * A locale's articles by author and by topic, in list order, indexed once: filtering the whole
 * list for every article, author and topic page was quadratic (3,000 articles).
 */
function articleLists(articles: ArticleCard[]) {
  const byAuthor = groupBy(articles, (a) => (a.author ? [a.author.documentId] : []));
  const byTopic = groupBy(articles, (a) => a.topics.map((t) => t.documentId));
  const position = new Map(articles.map((a, i) => [a, i]));
  return {
    byAuthor: (documentId: string) => [...(byAuthor.get(documentId) ?? [])],
    byTopic: (documentId: string) => [...(byTopic.get(documentId) ?? [])],
    /** How many articles an author or topic has, without a copy of its list (the indexes' counts). */
    countByAuthor: (documentId: string) => byAuthor.get(documentId)?.length ?? 0,
    countByTopic: (documentId: string) => byTopic.get(documentId)?.length ?? 0,
    /**
     * The first `count` other articles (by documentId) sharing a topic with this one, in list
     * order. Each of them is among the first `count` others of one of its topics' lists, so
     * those are the only candidates.
     */
    related(article: ArticleCard, count: number) {
      const candidates = new Set<ArticleCard>();
      for (const topic of article.topics) {
        let taken = 0;
        for (const other of byTopic.get(topic.documentId) ?? []) {
          if (taken === count) break;
          if (other.documentId === article.documentId) continue;
          candidates.add(other);
          taken++;
        }
      }
      return [...candidates].sort((a, b) => position.get(a)! - position.get(b)!).slice(0, count);
    },
  };
}

function summariseStates(locale: string, providers: Provider[]): StateSummary[] {
  const counts = new Map<string, number>();
  for (const p of providers) counts.set(p.address.state, (counts.get(p.address.state) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, name: stateName(code), url: routes.stateUrl(locale, code), count }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
