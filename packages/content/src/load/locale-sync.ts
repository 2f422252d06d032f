import type { ContentClient } from '../client.js';
import { ContentFetchError } from '../errors.js';
import type {
  ArticleFiltersInput,
  AuthorFiltersInput,
  InterfaceTextFiltersInput,
  ProviderFiltersInput,
  TopicFiltersInput,
} from '../generated/graphql.js';
import { articles, authors, interfaceTexts, PAGE_SIZE, providers, topics, type Collection } from './collections.js';
import type { LocaleNodeSets } from './incremental.js';
import { localeChangesQuery, localeCountsQuery } from './locale-queries.js';
import { deltaFilters, mergeDelta, readInFull, type Synced, type SyncOptions } from './sync.js';

type Page<N> = { nodes: N[]; pageInfo?: { pageCount: number; total: number } };
type Counted = { pageInfo: { total: number } } | null | undefined;

/** What a locale's sync does with one collection: ask for its delta (`filters`), or read it in full (`full`, started at once). */
type Plan<N extends { documentId: string }> = {
  collection: Collection<N>;
  kept: N[] | undefined;
  filters: Record<string, unknown> | null;
  full: Promise<Synced<N>> | null;
};

/**
 * A locale's single types and collections as the CMS has them now, each collection brought up to
 * date as syncCollection (sync.ts) does, but with the locale's deltas and counts asked together:
 * one request for the single types and the first page of every delta, then one for every count
 * (after the deltas, as syncCollection asks it). A collection without kept nodes is read in full
 * meanwhile. Without `withArticles` the published articles are not read (a preview reads drafts).
 */
export async function syncLocaleTogether(client: ContentClient, locale: string, kept: LocaleNodeSets | undefined, options: SyncOptions, withArticles: boolean) {
  const plan = <N extends { documentId: string }>(collection: Collection<N>, nodes: N[] | undefined): Plan<N> => {
    const filters = deltaFilters(collection, nodes, options);
    return { collection, kept: nodes, filters, full: filters ? null : readInFull(client, collection, locale, nodes) };
  };
  const plans = {
    articles: withArticles ? plan(articles, kept?.articles) : null,
    authors: plan(authors, kept?.authors),
    topics: plan(topics, kept?.topics),
    providers: plan(providers, kept?.providers),
    interfaceTexts: plan(interfaceTexts, kept?.interfaceTexts),
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
  // Counted after the deltas: a record created in between makes a count differ, never hides a vanished one.
  const counts = await client.request(localeCountsQuery, { locale, ...asks });
  const [articlesOf, authorsOf, topicsOf, providersOf, textsOf] = await Promise.all([
    finish(client, locale, plans.articles, articlesDelta, counts.articles),
    finish(client, locale, plans.authors, authorsDelta, counts.authors),
    finish(client, locale, plans.topics, topicsDelta, counts.topics),
    finish(client, locale, plans.providers, providersDelta, counts.providers),
    finish(client, locale, plans.interfaceTexts, textsDelta, counts.interfaceTexts),
  ]);
  return {
    global: changes.global,
    selfAssessment: changes.selfAssessment,
    articles: articlesOf,
    authors: authorsOf!,
    topics: topicsOf!,
    providers: providersOf!,
    interfaceTexts: textsOf!,
  };
}

/** A delta whole: its first page as the combined request gave it, and the others (many changes) read as syncCollection reads a delta. */
async function restOf<N extends { documentId: string }>(client: ContentClient, locale: string, plan: Plan<N> | null, first: Page<N> | null | undefined) {
  if (!plan?.filters) return null;
  // The combined request asks for the first page's pageInfo ($withPageInfo defaults to true).
  if (!first?.pageInfo) throw unanswered(plan.collection, locale);
  return first.pageInfo.pageCount > 1 ? plan.collection.where(client, locale, plan.filters) : first.nodes;
}

async function finish<N extends { documentId: string }>(
  client: ContentClient,
  locale: string,
  plan: Plan<N> | null,
  delta: N[] | null,
  count: Counted,
): Promise<Synced<N> | null> {
  if (!plan) return null;
  if (plan.full) return plan.full;
  if (!count) throw unanswered(plan.collection, locale);
  return mergeDelta(client, plan.collection, locale, plan.kept!, delta!, count.pageInfo.total);
}

const unanswered = (collection: { name: string }, locale: string) =>
  new ContentFetchError('graphql', '', `The CMS left the ${collection.name} of ${locale} out of its answer to an incremental fetch.`);
