import { graphql } from '../generated/gql.js';

// An incremental fetch asks each locale for what it checks in two requests rather than a dozen
// (each request costs the CMS its own HTTP, auth and GraphQL work, most of a small delta's cost):
// its single types with the first page of each collection's delta, then each collection's count.
// A delta's page is asked for as the full list asks for one (its `*Page` fragment), so the nodes
// are the same; a collection read in full instead is left out (@include).

export const localeChangesQuery = graphql(`
  query LocaleChanges(
    $locale: I18NLocaleCode!
    $pageSize: Int!
    $withPageInfo: Boolean! = true
    $withArticles: Boolean!
    $articles: ArticleFiltersInput
    $withAuthors: Boolean!
    $authors: AuthorFiltersInput
    $withTopics: Boolean!
    $topics: TopicFiltersInput
    $withProviders: Boolean!
    $providers: ProviderFiltersInput
    $withInterfaceTexts: Boolean!
    $interfaceTexts: InterfaceTextFiltersInput
  ) {
    global(locale: $locale) {
      ...Global
    }
    selfAssessment(locale: $locale) {
      ...SelfAssessment
    }
    articles: articles_connection(locale: $locale, filters: $articles, sort: ["documentId:asc"], pagination: { page: 1, pageSize: $pageSize })
      @include(if: $withArticles) {
      ...ArticlesPage
    }
    authors: authors_connection(locale: $locale, filters: $authors, sort: ["documentId:asc"], pagination: { page: 1, pageSize: $pageSize })
      @include(if: $withAuthors) {
      ...AuthorsPage
    }
    topics: topics_connection(locale: $locale, filters: $topics, sort: ["documentId:asc"], pagination: { page: 1, pageSize: $pageSize })
      @include(if: $withTopics) {
      ...TopicsPage
    }
    providers: providers_connection(locale: $locale, filters: $providers, sort: ["documentId:asc"], pagination: { page: 1, pageSize: $pageSize })
      @include(if: $withProviders) {
      ...ProvidersPage
    }
    interfaceTexts: interfaceTexts_connection(
      locale: $locale
      filters: $interfaceTexts
      sort: ["documentId:asc"]
      pagination: { page: 1, pageSize: $pageSize }
    ) @include(if: $withInterfaceTexts) {
      ...InterfaceTextsPage
    }
  }
`);

export const localeCountsQuery = graphql(`
  query LocaleCounts(
    $locale: I18NLocaleCode!
    $withArticles: Boolean!
    $withAuthors: Boolean!
    $withTopics: Boolean!
    $withProviders: Boolean!
    $withInterfaceTexts: Boolean!
  ) {
    articles: articles_connection(locale: $locale, pagination: { page: 1, pageSize: 1 }) @include(if: $withArticles) {
      pageInfo {
        total
      }
    }
    authors: authors_connection(locale: $locale, pagination: { page: 1, pageSize: 1 }) @include(if: $withAuthors) {
      pageInfo {
        total
      }
    }
    topics: topics_connection(locale: $locale, pagination: { page: 1, pageSize: 1 }) @include(if: $withTopics) {
      pageInfo {
        total
      }
    }
    providers: providers_connection(locale: $locale, pagination: { page: 1, pageSize: 1 }) @include(if: $withProviders) {
      pageInfo {
        total
      }
    }
    interfaceTexts: interfaceTexts_connection(locale: $locale, pagination: { page: 1, pageSize: 1 }) @include(if: $withInterfaceTexts) {
      pageInfo {
        total
      }
    }
  }
`);
