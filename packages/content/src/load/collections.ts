import type { ContentClient } from '../client.js';
import { articlesQuery } from '../content-types/article.js';
import { authorsQuery } from '../content-types/author.js';
import { interfaceTextsQuery } from '../content-types/interface-text.js';
import { providersQuery } from '../content-types/provider.js';
import { topicsQuery } from '../content-types/topic.js';
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
  UploadFileFiltersInput,
} from '../generated/graphql.js';
import {
  articleIdsQuery,
  articlesWhereQuery,
  authorIdsQuery,
  authorsWhereQuery,
  interfaceTextIdsQuery,
  interfaceTextsWhereQuery,
  mediaStampsQuery,
  providerIdsQuery,
  providersWhereQuery,
  topicIdsQuery,
  topicsWhereQuery,
} from './delta-queries.js';
import { ContentFetchError } from '../errors.js';
import { compareText } from './merge.js';

/** The CMS's largest page (its GraphQL `maxLimit`): fewer requests, each with a fixed cost to the CMS. */
export const PAGE_SIZE = 250;
const noPages = { nodes: [], pageInfo: { pageCount: 0, total: 0 } };
/** A node as the lists ask for it: its fragment and when it last changed (the delta's cursor). */
export type Stamped<F> = F & { updatedAt: string | null };
type Page<N> = { nodes: N[]; pageInfo: { pageCount: number; total: number } };

/** A collection type of one locale, as a full list, a filtered list and a list of documentIds. */
export type Collection<N extends { documentId: string }> = {
  /** For messages: "articles of en re-read in full". */
  name: string;
  full: (client: ContentClient, locale: string) => Promise<N[]>;
  where: (client: ContentClient, locale: string, filters: Filters) => Promise<N[]>;
  /** One page of documentIds with the total: pageSize 1 is the cheap count, more pages list them all. */
  ids: (client: ContentClient, locale: string, page: number, pageSize: number) => Promise<Page<{ documentId: string }>>;
  /** The CMS's own timestamps of a node: a delta asks for records stamped after the newest. */
  stamps: (node: N) => (string | null | undefined)[];
  changedSince: (since: string) => Filters;
  /**
   * The order of the full list's query, so that a merged list and a full one map to the same
   * content. Applied to both (see load.ts), so it need only be total and deterministic.
   */
  compare: (a: N, b: N) => number;
};

// The filter inputs share this shape; each query checks its own type.
type Filters = Record<string, unknown>;
const byId = (ids: string[]): Filters => ({ documentId: { in: ids } });
export { byId as filterByIds };

const updatedSince = (since: string): Filters => ({ updatedAt: { gt: since } });
const byDocumentId = (a: { documentId: string }, b: { documentId: string }) => compareText(a.documentId, b.documentId);

/** Published articles: publishing (or a scheduled publication) stamps publishedAt, not always updatedAt. */
export const articles: Collection<ArticleFragment> = {
  name: 'articles',
  full: (client, locale) => client.fetchAllPages(articlesQuery, { locale }, (d) => d.articles_connection ?? noPages, PAGE_SIZE),
  where: (client, locale, filters) =>
    client.fetchAllPages(articlesWhereQuery, { locale, filters: filters as ArticleFiltersInput }, (d) => d.articles_connection ?? noPages, PAGE_SIZE),
  ids: async (client, locale, page, pageSize) => (await client.request(articleIdsQuery, { locale, page, pageSize })).articles_connection ?? noPages,
  stamps: (a) => [a.updatedAt, a.publishedAt],
  changedSince: (since) => ({ or: [{ updatedAt: { gt: since } }, { publishedAt: { gt: since } }] }),
  // As the query sorts: date and publishedAt newest first (no date last, as SQLite has it), then documentId.
  compare: (a, b) => compareText(b.date, a.date) || compareText(b.publishedAt, a.publishedAt) || byDocumentId(a, b),
};

export const authors: Collection<Stamped<AuthorFragment>> = {
  name: 'authors',
  full: (client, locale) => client.fetchAllPages(authorsQuery, { locale }, (d) => d.authors_connection ?? noPages, PAGE_SIZE),
  where: (client, locale, filters) =>
    client.fetchAllPages(authorsWhereQuery, { locale, filters: filters as AuthorFiltersInput }, (d) => d.authors_connection ?? noPages, PAGE_SIZE),
  ids: async (client, locale, page, pageSize) => (await client.request(authorIdsQuery, { locale, page, pageSize })).authors_connection ?? noPages,
  stamps: (a) => [a.updatedAt],
  changedSince: updatedSince,
  compare: (a, b) => compareText(a.name, b.name) || byDocumentId(a, b),
};

export const topics: Collection<Stamped<TopicFragment>> = {
  name: 'topics',
  full: (client, locale) => client.fetchAllPages(topicsQuery, { locale }, (d) => d.topics_connection ?? noPages, PAGE_SIZE),
  where: (client, locale, filters) =>
    client.fetchAllPages(topicsWhereQuery, { locale, filters: filters as TopicFiltersInput }, (d) => d.topics_connection ?? noPages, PAGE_SIZE),
  ids: async (client, locale, page, pageSize) => (await client.request(topicIdsQuery, { locale, page, pageSize })).topics_connection ?? noPages,
  stamps: (t) => [t.updatedAt],
  changedSince: updatedSince,
  compare: (a, b) => compareText(a.name, b.name) || byDocumentId(a, b),
};

export const providers: Collection<Stamped<ProviderFragment>> = {
  name: 'providers',
  full: (client, locale) => client.fetchAllPages(providersQuery, { locale }, (d) => d.providers_connection ?? noPages, PAGE_SIZE),
  where: (client, locale, filters) =>
    client.fetchAllPages(providersWhereQuery, { locale, filters: filters as ProviderFiltersInput }, (d) => d.providers_connection ?? noPages, PAGE_SIZE),
  ids: async (client, locale, page, pageSize) => (await client.request(providerIdsQuery, { locale, page, pageSize })).providers_connection ?? noPages,
  stamps: (p) => [p.updatedAt],
  changedSince: updatedSince,
  compare: (a, b) => compareText(a.state, b.state) || compareText(a.city, b.city) || compareText(a.name, b.name) || byDocumentId(a, b),
};

export const interfaceTexts: Collection<Stamped<InterfaceTextFragment>> = {
  name: 'interface texts',
  full: (client, locale) => client.fetchAllPages(interfaceTextsQuery, { locale }, (d) => d.interfaceTexts_connection ?? noPages, PAGE_SIZE),
  where: (client, locale, filters) =>
    client.fetchAllPages(
      interfaceTextsWhereQuery,
      { locale, filters: filters as InterfaceTextFiltersInput },
      (d) => d.interfaceTexts_connection ?? noPages,
      PAGE_SIZE,
    ),
  ids: async (client, locale, page, pageSize) =>
    (await client.request(interfaceTextIdsQuery, { locale, page, pageSize })).interfaceTexts_connection ?? noPages,
  stamps: (t) => [t.updatedAt],
  changedSince: updatedSince,
  compare: (a, b) => compareText(a.key, b.key) || byDocumentId(a, b),
};

/** A file of the media library as far as an incremental fetch cares: which, where, when it changed. */
export type MediaStamp = { documentId: string; url: string; updatedAt?: string | null };

/** The media library, shared by every locale (the locale argument is ignored). */
export const media: Collection<MediaStamp> = {
  name: 'media files',
  full: (client) => client.fetchAllPages(mediaStampsQuery, { filters: null }, (d) => d.uploadFiles_connection ?? noPages, PAGE_SIZE),
  where: (client, _locale, filters) =>
    client.fetchAllPages(mediaStampsQuery, { filters: filters as UploadFileFiltersInput }, (d) => d.uploadFiles_connection ?? noPages, PAGE_SIZE),
  ids: async (client, _locale, page, pageSize) => {
    const listed = (await client.request(mediaStampsQuery, { page, pageSize })).uploadFiles_connection ?? noPages;
    // Asked with its pageInfo: $withPageInfo defaults to true.
    if (!listed.pageInfo) throw new ContentFetchError('graphql', '', 'The CMS listed media files without their pageInfo.');
    return { nodes: listed.nodes, pageInfo: listed.pageInfo };
  },
  stamps: (f) => [f.updatedAt],
  changedSince: updatedSince,
  compare: byDocumentId,
};
