/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ArticleDraft on ArticleDraft {\n    documentId\n    locale\n    published\n    version\n    title\n    slug\n    summary\n    body\n    date\n    createdAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n": typeof types.ArticleDraftFragmentDoc,
    "\n  query ArticleDrafts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $documentIds: [ID!]) {\n    articleDrafts(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, documentIds: $documentIds) {\n      nodes {\n        ...ArticleDraft\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ArticleDraftsDocument,
    "\n  query ArticleDraftVersions($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articleDraftVersions(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        version\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ArticleDraftVersionsDocument,
    "\n  fragment Article on Article {\n    documentId\n    locale\n    title\n    slug\n    summary\n    body\n    date\n    publishedAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics(pagination: { pageSize: 100 }) {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n": typeof types.ArticleFragmentDoc,
    "\n  query Articles($locale: I18NLocaleCode!, $status: PublicationStatus = PUBLISHED, $page: Int, $pageSize: Int) {\n    articles_connection(\n      locale: $locale\n      status: $status\n      sort: [\"date:desc\", \"publishedAt:desc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ArticlesDocument,
    "\n  fragment Author on Author {\n    documentId\n    locale\n    slug\n    name\n    credentials\n    role\n    bio\n    photo {\n      ...Image\n    }\n  }\n": typeof types.AuthorFragmentDoc,
    "\n  query Authors($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.AuthorsDocument,
    "\n  fragment Global on Global {\n    siteName\n    tagline\n    about\n  }\n": typeof types.GlobalFragmentDoc,
    "\n  query Global($locale: I18NLocaleCode!) {\n    global(locale: $locale) {\n      ...Global\n    }\n  }\n": typeof types.GlobalDocument,
    "\n  fragment Image on UploadFile {\n    url\n    width\n    height\n    mime\n    updatedAt\n  }\n": typeof types.ImageFragmentDoc,
    "\n  fragment InterfaceText on InterfaceText {\n    documentId\n    locale\n    key\n    text\n  }\n": typeof types.InterfaceTextFragmentDoc,
    "\n  query InterfaceTexts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"key:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.InterfaceTextsDocument,
    "\n  fragment Locale on I18NLocale {\n    code\n    name\n    isDefault\n  }\n": typeof types.LocaleFragmentDoc,
    "\n  query Locales {\n    i18NLocales {\n      ...Locale\n    }\n  }\n": typeof types.LocalesDocument,
    "\n  fragment Provider on Provider {\n    documentId\n    locale\n    slug\n    name\n    organizationType\n    streetAddress\n    city\n    state\n    zip\n    latitude\n    longitude\n    phone\n    website\n    email\n    careHospital\n    careOfficeClinic\n    careHome\n    careNursingHome\n    agesAdults\n    agesChildren\n    languagesSpoken\n    acceptingNewPatients\n    description\n    services\n  }\n": typeof types.ProviderFragmentDoc,
    "\n  query Providers($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(\n      locale: $locale\n      sort: [\"state:asc\", \"city:asc\", \"name:asc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ProvidersDocument,
    "\n  fragment SelfAssessment on SelfAssessment {\n    title\n    intro\n    questions {\n      prompt\n      hint\n    }\n    results {\n      minYes\n      heading\n      body\n    }\n  }\n": typeof types.SelfAssessmentFragmentDoc,
    "\n  query SelfAssessment($locale: I18NLocaleCode!) {\n    selfAssessment(locale: $locale) {\n      ...SelfAssessment\n    }\n  }\n": typeof types.SelfAssessmentDocument,
    "\n  fragment Topic on Topic {\n    documentId\n    locale\n    slug\n    name\n    description\n  }\n": typeof types.TopicFragmentDoc,
    "\n  query Topics($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.TopicsDocument,
    "\n  query ArticlesWhere($locale: I18NLocaleCode!, $filters: ArticleFiltersInput!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ArticlesWhereDocument,
    "\n  query ArticleIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ArticleIdsDocument,
    "\n  query AuthorsWhere($locale: I18NLocaleCode!, $filters: AuthorFiltersInput!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.AuthorsWhereDocument,
    "\n  query AuthorIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.AuthorIdsDocument,
    "\n  query TopicsWhere($locale: I18NLocaleCode!, $filters: TopicFiltersInput!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.TopicsWhereDocument,
    "\n  query TopicIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.TopicIdsDocument,
    "\n  query ProvidersWhere($locale: I18NLocaleCode!, $filters: ProviderFiltersInput!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ProvidersWhereDocument,
    "\n  query ProviderIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.ProviderIdsDocument,
    "\n  query InterfaceTextsWhere($locale: I18NLocaleCode!, $filters: InterfaceTextFiltersInput!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.InterfaceTextsWhereDocument,
    "\n  query InterfaceTextIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.InterfaceTextIdsDocument,
    "\n  query MediaStamps($filters: UploadFileFiltersInput, $page: Int, $pageSize: Int) {\n    uploadFiles_connection(filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        url\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": typeof types.MediaStampsDocument,
    "\n  fragment PageInfo on Pagination {\n    pageCount\n    total\n  }\n": typeof types.PageInfoFragmentDoc,
};
const documents: Documents = {
    "\n  fragment ArticleDraft on ArticleDraft {\n    documentId\n    locale\n    published\n    version\n    title\n    slug\n    summary\n    body\n    date\n    createdAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n": types.ArticleDraftFragmentDoc,
    "\n  query ArticleDrafts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $documentIds: [ID!]) {\n    articleDrafts(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, documentIds: $documentIds) {\n      nodes {\n        ...ArticleDraft\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ArticleDraftsDocument,
    "\n  query ArticleDraftVersions($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articleDraftVersions(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        version\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ArticleDraftVersionsDocument,
    "\n  fragment Article on Article {\n    documentId\n    locale\n    title\n    slug\n    summary\n    body\n    date\n    publishedAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics(pagination: { pageSize: 100 }) {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n": types.ArticleFragmentDoc,
    "\n  query Articles($locale: I18NLocaleCode!, $status: PublicationStatus = PUBLISHED, $page: Int, $pageSize: Int) {\n    articles_connection(\n      locale: $locale\n      status: $status\n      sort: [\"date:desc\", \"publishedAt:desc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ArticlesDocument,
    "\n  fragment Author on Author {\n    documentId\n    locale\n    slug\n    name\n    credentials\n    role\n    bio\n    photo {\n      ...Image\n    }\n  }\n": types.AuthorFragmentDoc,
    "\n  query Authors($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.AuthorsDocument,
    "\n  fragment Global on Global {\n    siteName\n    tagline\n    about\n  }\n": types.GlobalFragmentDoc,
    "\n  query Global($locale: I18NLocaleCode!) {\n    global(locale: $locale) {\n      ...Global\n    }\n  }\n": types.GlobalDocument,
    "\n  fragment Image on UploadFile {\n    url\n    width\n    height\n    mime\n    updatedAt\n  }\n": types.ImageFragmentDoc,
    "\n  fragment InterfaceText on InterfaceText {\n    documentId\n    locale\n    key\n    text\n  }\n": types.InterfaceTextFragmentDoc,
    "\n  query InterfaceTexts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"key:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.InterfaceTextsDocument,
    "\n  fragment Locale on I18NLocale {\n    code\n    name\n    isDefault\n  }\n": types.LocaleFragmentDoc,
    "\n  query Locales {\n    i18NLocales {\n      ...Locale\n    }\n  }\n": types.LocalesDocument,
    "\n  fragment Provider on Provider {\n    documentId\n    locale\n    slug\n    name\n    organizationType\n    streetAddress\n    city\n    state\n    zip\n    latitude\n    longitude\n    phone\n    website\n    email\n    careHospital\n    careOfficeClinic\n    careHome\n    careNursingHome\n    agesAdults\n    agesChildren\n    languagesSpoken\n    acceptingNewPatients\n    description\n    services\n  }\n": types.ProviderFragmentDoc,
    "\n  query Providers($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(\n      locale: $locale\n      sort: [\"state:asc\", \"city:asc\", \"name:asc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ProvidersDocument,
    "\n  fragment SelfAssessment on SelfAssessment {\n    title\n    intro\n    questions {\n      prompt\n      hint\n    }\n    results {\n      minYes\n      heading\n      body\n    }\n  }\n": types.SelfAssessmentFragmentDoc,
    "\n  query SelfAssessment($locale: I18NLocaleCode!) {\n    selfAssessment(locale: $locale) {\n      ...SelfAssessment\n    }\n  }\n": types.SelfAssessmentDocument,
    "\n  fragment Topic on Topic {\n    documentId\n    locale\n    slug\n    name\n    description\n  }\n": types.TopicFragmentDoc,
    "\n  query Topics($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.TopicsDocument,
    "\n  query ArticlesWhere($locale: I18NLocaleCode!, $filters: ArticleFiltersInput!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ArticlesWhereDocument,
    "\n  query ArticleIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ArticleIdsDocument,
    "\n  query AuthorsWhere($locale: I18NLocaleCode!, $filters: AuthorFiltersInput!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.AuthorsWhereDocument,
    "\n  query AuthorIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.AuthorIdsDocument,
    "\n  query TopicsWhere($locale: I18NLocaleCode!, $filters: TopicFiltersInput!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.TopicsWhereDocument,
    "\n  query TopicIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.TopicIdsDocument,
    "\n  query ProvidersWhere($locale: I18NLocaleCode!, $filters: ProviderFiltersInput!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ProvidersWhereDocument,
    "\n  query ProviderIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.ProviderIdsDocument,
    "\n  query InterfaceTextsWhere($locale: I18NLocaleCode!, $filters: InterfaceTextFiltersInput!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.InterfaceTextsWhereDocument,
    "\n  query InterfaceTextIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.InterfaceTextIdsDocument,
    "\n  query MediaStamps($filters: UploadFileFiltersInput, $page: Int, $pageSize: Int) {\n    uploadFiles_connection(filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        url\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n": types.MediaStampsDocument,
    "\n  fragment PageInfo on Pagination {\n    pageCount\n    total\n  }\n": types.PageInfoFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArticleDraft on ArticleDraft {\n    documentId\n    locale\n    published\n    version\n    title\n    slug\n    summary\n    body\n    date\n    createdAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n"): (typeof documents)["\n  fragment ArticleDraft on ArticleDraft {\n    documentId\n    locale\n    published\n    version\n    title\n    slug\n    summary\n    body\n    date\n    createdAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleDrafts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $documentIds: [ID!]) {\n    articleDrafts(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, documentIds: $documentIds) {\n      nodes {\n        ...ArticleDraft\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleDrafts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $documentIds: [ID!]) {\n    articleDrafts(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, documentIds: $documentIds) {\n      nodes {\n        ...ArticleDraft\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleDraftVersions($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articleDraftVersions(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        version\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleDraftVersions($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articleDraftVersions(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        version\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Article on Article {\n    documentId\n    locale\n    title\n    slug\n    summary\n    body\n    date\n    publishedAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics(pagination: { pageSize: 100 }) {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n"): (typeof documents)["\n  fragment Article on Article {\n    documentId\n    locale\n    title\n    slug\n    summary\n    body\n    date\n    publishedAt\n    updatedAt\n    coverAlt\n    cover {\n      ...Image\n    }\n    author {\n      documentId\n    }\n    topics(pagination: { pageSize: 100 }) {\n      documentId\n    }\n    seo {\n      metaTitle\n      metaDescription\n      canonicalUrl\n    }\n    reviewedBy {\n      documentId\n    }\n    reviewedAt\n    nextReviewDue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Articles($locale: I18NLocaleCode!, $status: PublicationStatus = PUBLISHED, $page: Int, $pageSize: Int) {\n    articles_connection(\n      locale: $locale\n      status: $status\n      sort: [\"date:desc\", \"publishedAt:desc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Articles($locale: I18NLocaleCode!, $status: PublicationStatus = PUBLISHED, $page: Int, $pageSize: Int) {\n    articles_connection(\n      locale: $locale\n      status: $status\n      sort: [\"date:desc\", \"publishedAt:desc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Author on Author {\n    documentId\n    locale\n    slug\n    name\n    credentials\n    role\n    bio\n    photo {\n      ...Image\n    }\n  }\n"): (typeof documents)["\n  fragment Author on Author {\n    documentId\n    locale\n    slug\n    name\n    credentials\n    role\n    bio\n    photo {\n      ...Image\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Authors($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Authors($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Global on Global {\n    siteName\n    tagline\n    about\n  }\n"): (typeof documents)["\n  fragment Global on Global {\n    siteName\n    tagline\n    about\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Global($locale: I18NLocaleCode!) {\n    global(locale: $locale) {\n      ...Global\n    }\n  }\n"): (typeof documents)["\n  query Global($locale: I18NLocaleCode!) {\n    global(locale: $locale) {\n      ...Global\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Image on UploadFile {\n    url\n    width\n    height\n    mime\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment Image on UploadFile {\n    url\n    width\n    height\n    mime\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InterfaceText on InterfaceText {\n    documentId\n    locale\n    key\n    text\n  }\n"): (typeof documents)["\n  fragment InterfaceText on InterfaceText {\n    documentId\n    locale\n    key\n    text\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterfaceTexts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"key:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query InterfaceTexts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"key:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Locale on I18NLocale {\n    code\n    name\n    isDefault\n  }\n"): (typeof documents)["\n  fragment Locale on I18NLocale {\n    code\n    name\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Locales {\n    i18NLocales {\n      ...Locale\n    }\n  }\n"): (typeof documents)["\n  query Locales {\n    i18NLocales {\n      ...Locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Provider on Provider {\n    documentId\n    locale\n    slug\n    name\n    organizationType\n    streetAddress\n    city\n    state\n    zip\n    latitude\n    longitude\n    phone\n    website\n    email\n    careHospital\n    careOfficeClinic\n    careHome\n    careNursingHome\n    agesAdults\n    agesChildren\n    languagesSpoken\n    acceptingNewPatients\n    description\n    services\n  }\n"): (typeof documents)["\n  fragment Provider on Provider {\n    documentId\n    locale\n    slug\n    name\n    organizationType\n    streetAddress\n    city\n    state\n    zip\n    latitude\n    longitude\n    phone\n    website\n    email\n    careHospital\n    careOfficeClinic\n    careHome\n    careNursingHome\n    agesAdults\n    agesChildren\n    languagesSpoken\n    acceptingNewPatients\n    description\n    services\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(\n      locale: $locale\n      sort: [\"state:asc\", \"city:asc\", \"name:asc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Providers($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(\n      locale: $locale\n      sort: [\"state:asc\", \"city:asc\", \"name:asc\", \"documentId:asc\"]\n      pagination: { page: $page, pageSize: $pageSize }\n    ) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SelfAssessment on SelfAssessment {\n    title\n    intro\n    questions {\n      prompt\n      hint\n    }\n    results {\n      minYes\n      heading\n      body\n    }\n  }\n"): (typeof documents)["\n  fragment SelfAssessment on SelfAssessment {\n    title\n    intro\n    questions {\n      prompt\n      hint\n    }\n    results {\n      minYes\n      heading\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SelfAssessment($locale: I18NLocaleCode!) {\n    selfAssessment(locale: $locale) {\n      ...SelfAssessment\n    }\n  }\n"): (typeof documents)["\n  query SelfAssessment($locale: I18NLocaleCode!) {\n    selfAssessment(locale: $locale) {\n      ...SelfAssessment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Topic on Topic {\n    documentId\n    locale\n    slug\n    name\n    description\n  }\n"): (typeof documents)["\n  fragment Topic on Topic {\n    documentId\n    locale\n    slug\n    name\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Topics($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Topics($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"name:asc\", \"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlesWhere($locale: I18NLocaleCode!, $filters: ArticleFiltersInput!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlesWhere($locale: I18NLocaleCode!, $filters: ArticleFiltersInput!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Article\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    articles_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorsWhere($locale: I18NLocaleCode!, $filters: AuthorFiltersInput!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthorsWhere($locale: I18NLocaleCode!, $filters: AuthorFiltersInput!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Author\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthorIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    authors_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicsWhere($locale: I18NLocaleCode!, $filters: TopicFiltersInput!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopicsWhere($locale: I18NLocaleCode!, $filters: TopicFiltersInput!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Topic\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopicIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    topics_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvidersWhere($locale: I18NLocaleCode!, $filters: ProviderFiltersInput!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProvidersWhere($locale: I18NLocaleCode!, $filters: ProviderFiltersInput!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...Provider\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProviderIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    providers_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterfaceTextsWhere($locale: I18NLocaleCode!, $filters: InterfaceTextFiltersInput!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query InterfaceTextsWhere($locale: I18NLocaleCode!, $filters: InterfaceTextFiltersInput!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        ...InterfaceText\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterfaceTextIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query InterfaceTextIds($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {\n    interfaceTexts_connection(locale: $locale, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MediaStamps($filters: UploadFileFiltersInput, $page: Int, $pageSize: Int) {\n    uploadFiles_connection(filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        url\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"): (typeof documents)["\n  query MediaStamps($filters: UploadFileFiltersInput, $page: Int, $pageSize: Int) {\n    uploadFiles_connection(filters: $filters, sort: [\"documentId:asc\"], pagination: { page: $page, pageSize: $pageSize }) {\n      nodes {\n        documentId\n        url\n        updatedAt\n      }\n      pageInfo {\n        ...PageInfo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfo on Pagination {\n    pageCount\n    total\n  }\n"): (typeof documents)["\n  fragment PageInfo on Pagination {\n    pageCount\n    total\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;