import { graphql } from '../generated/gql.js';

// What an incremental build asks for besides the full lists (src/content-types/*): per type, the
// records matching a filter (changed since a time, or listed by documentId), a page of them as the
// full list asks for it (its `*Page` fragment) so the nodes are identical; and the documentIds alone, to count the
// records (pageSize 1) or find the ones that vanished. Sorted by documentId so pages never overlap.
// An incremental fetch asks a locale's deltas and counts together (locale-queries.ts); these serve
// the media library, the rest of a long delta, and the listings.

export const articlesWhereQuery = graphql(`
  query ArticlesWhere($locale: I18NLocaleCode!, $filters: ArticleFiltersInput!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    articles_connection(locale: $locale, filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...ArticlesPage
    }
  }
`);

export const articleIdsQuery = graphql(`
  query ArticleIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    articles_connection(locale: $locale, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

export const authorsWhereQuery = graphql(`
  query AuthorsWhere($locale: I18NLocaleCode!, $filters: AuthorFiltersInput!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    authors_connection(locale: $locale, filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...AuthorsPage
    }
  }
`);

export const authorIdsQuery = graphql(`
  query AuthorIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    authors_connection(locale: $locale, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

export const topicsWhereQuery = graphql(`
  query TopicsWhere($locale: I18NLocaleCode!, $filters: TopicFiltersInput!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    topics_connection(locale: $locale, filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...TopicsPage
    }
  }
`);

export const topicIdsQuery = graphql(`
  query TopicIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    topics_connection(locale: $locale, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

export const providersWhereQuery = graphql(`
  query ProvidersWhere($locale: I18NLocaleCode!, $filters: ProviderFiltersInput!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    providers_connection(locale: $locale, filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...ProvidersPage
    }
  }
`);

export const providerIdsQuery = graphql(`
  query ProviderIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    providers_connection(locale: $locale, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

export const interfaceTextsWhereQuery = graphql(`
  query InterfaceTextsWhere($locale: I18NLocaleCode!, $filters: InterfaceTextFiltersInput!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    interfaceTexts_connection(locale: $locale, filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...InterfaceTextsPage
    }
  }
`);

export const interfaceTextIdsQuery = graphql(`
  query InterfaceTextIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    interfaceTexts_connection(locale: $locale, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

/**
 * Files of the media library, shared by every locale: only what tells a change (an article's
 * cover or an author's photo may change, or vanish, without the article or author changing).
 */
export const mediaStampsQuery = graphql(`
  query MediaStamps($filters: UploadFileFiltersInput, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    uploadFiles_connection(filters: $filters, sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
        url
        updatedAt
      }
      pageInfo @include(if: $withPageInfo) {
        ...PageInfo
      }
    }
  }
`);
