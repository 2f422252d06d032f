import type { ContentClient } from '../client.js';
import { ContentFetchError } from '../errors.js';
import type {
  ArticleFiltersInput,
  ArticleFragment,
  AuthorFiltersInput,
  AuthorFragment,
  InterfaceTextFiltersInput,
  InterfaceTextFragment,
  ProviderFiltersInput,
  ProviderFragment,
  TopicFiltersInput,
  TopicFragment,
} from '../generated/graphql.js';
import { articles, authors, interfaceTexts, PAGE_SIZE, providers, topics, type Collection, type Stamped } from './collections.js';
import type { LocaleNodeSets } from './incremental.js';
import { localeChangesQuery, localeCountsQuery } from './locale-queries.js';
import { deltaFiltersFrom, type ListAnswer, type SyncOptions } from './sync.js';

/** The collections a locale's sync brings up to date with cursors (a preview's drafts go by version: drafts.ts). */
type ListNodes = {
  articles: ArticleFragment;
  authors: Stamped<AuthorFragment>;
  topics: Stamped<TopicFragment>;
  providers: Stamped<ProviderFragment>;
  interfaceTexts: Stamped<InterfaceTextFragment>;
};
export type ListName = keyof ListNodes;
export const LIST_COLLECTIONS: { [K in ListName]: Collection<ListNodes[K]> } = { articles, authors, topics, providers, interfaceTexts };
export const LIST_NAMES = Object.keys(LIST_COLLECTIONS) as ListName[];

/** A locale's single types and the answer for each collection (null: not read, a preview's published articles). */
export type LocaleAnswers = {
  global: LocaleNodeSets['global'];
  selfAssessment: LocaleNodeSets['selfAssessment'];
  lists: { [K in ListName]: ListAnswer<ListNodes[K]> | null };
};

/** Each collection's newest kept stamp (null: none), as a summary of the kept nodes gives it; undefined for a locale with nothing kept. */
export type LocaleCursors = Partial<Record<ListName, { newest: number | null }>>;

type Page<N> = { nodes: N[]; pageInfo?: { pageCount: number; total: number } };
type Counted = { pageInfo: { total: number } } | null | undefined;

/**
 * What a locale's incremental fetch asks the CMS, which needs only the kept nodes' cursors: one
 * request for the single types and the first page of every delta, then one for every count
 * (after the deltas: a record created in between makes a count differ, never hides a vanished
 * one). A collection with nothing to ask from is read in full meanwhile. Without `withArticles`
 * the published articles are not read (a preview reads drafts).
 */
export async function askLocale(client: ContentClient, locale: string, cursors: LocaleCursors | undefined, options: SyncOptions, withArticles: boolean): Promise<LocaleAnswers> {
  const plan = <N extends { documentId: string }>(collection: Collection<N>, name: ListName) => {
    const filters = deltaFiltersFrom(collection, cursors?.[name]?.newest ?? null, options);
    return { collection, filters, full: filters ? null : collection.full(client, locale) };
  };
  const plans = {
    articles: withArticles ? plan(articles, 'articles') : null,
    authors: plan(authors, 'authors'),
    topics: plan(topics, 'topics'),
    providers: plan(providers, 'providers'),
    interfaceTexts: plan(interfaceTexts, 'interfaceTexts'),
  };
  // Awaited once the deltas are in; a failure meanwhile is not an unhandled one.
  for (const p of Object.values(plans)) p?.full?.catch(() => {});
  const asks = {
    withArticles: plans.articles?.filters != null,
    withAuthors: plans.authors.filters !== null,
    withTopics: plans.topics.filters !== null,
    withProviders: plans.providers.filters !== null,
    withInterfaceTexts: plans.interfaceTexts.filters !== null,
  };
  const changes = await client.request(localeChangesQuery, {
    locale,
    pageSize: PAGE_SIZE,
    ...asks,
    articles: (plans.articles?.filters ?? null) as ArticleFiltersInput | null,
    authors: plans.authors.filters as AuthorFiltersInput | null,
    topics: plans.topics.filters as TopicFiltersInput | null,
    providers: plans.providers.filters as ProviderFiltersInput | null,
    interfaceTexts: plans.interfaceTexts.filters as InterfaceTextFiltersInput | null,
  });
  const [articlesDelta, authorsDelta, topicsDelta, providersDelta, textsDelta] = await Promise.all([
    restOf(client, locale, plans.articles, changes.articles),
    restOf(client, locale, plans.authors, changes.authors),
    restOf(client, locale, plans.topics, changes.topics),
    restOf(client, locale, plans.providers, changes.providers),
    restOf(client, locale, plans.interfaceTexts, changes.interfaceTexts),
  ]);
  const counts = await client.request(localeCountsQuery, { locale, ...asks });
  const [articlesOf, authorsOf, topicsOf, providersOf, textsOf] = await Promise.all([
    answerOf(locale, plans.articles, articlesDelta, counts.articles),
    answerOf(locale, plans.authors, authorsDelta, counts.authors),
    answerOf(locale, plans.topics, topicsDelta, counts.topics),
    answerOf(locale, plans.providers, providersDelta, counts.providers),
    answerOf(locale, plans.interfaceTexts, textsDelta, counts.interfaceTexts),
  ]);
  return {
    global: changes.global,
    selfAssessment: changes.selfAssessment,
    lists: { articles: articlesOf, authors: authorsOf!, topics: topicsOf!, providers: providersOf!, interfaceTexts: textsOf! },
  };
}

/** A delta whole: its first page as the combined request gave it, and the others (many changes) read as syncCollection reads a delta. */
async function restOf<N extends { documentId: string }>(client: ContentClient, locale: string, plan: { collection: Collection<N>; filters: Record<string, unknown> | null } | null, first: Page<N> | null | undefined) {
  if (!plan?.filters) return null;
  // The combined request asks for the first page's pageInfo ($withPageInfo defaults to true).
  if (!first?.pageInfo) throw unanswered(plan.collection, locale);
  return first.pageInfo.pageCount > 1 ? plan.collection.where(client, locale, plan.filters) : first.nodes;
}

async function answerOf<N extends { documentId: string }>(
  locale: string,
  plan: { collection: Collection<N>; full: Promise<N[]> | null } | null,
  delta: N[] | null,
  count: Counted,
): Promise<ListAnswer<N> | null> {
  if (!plan) return null;
  if (plan.full) return { full: await plan.full };
  if (!count) throw unanswered(plan.collection, locale);
  return { delta: delta!, total: count.pageInfo.total };
}

const unanswered = (collection: { name: string }, locale: string) =>
  new ContentFetchError('graphql', '', `The CMS left the ${collection.name} of ${locale} out of its answer to an incremental fetch.`);
