// @ts-check
// Every URL the site publishes, in one place: the site's page model, its browser scripts (served as
// /js/routes.js) and the CMS preview all import this file. Plain ES module, no imports, no DOM, so
// browsers and Node load it as it is. Pages are directories (they end in "/"); feeds are files.

/** @param {string} locale */
export function homeUrl(locale) {
  return `/${locale}/`;
}

/** Page 1 is the list's own address; later pages are under it. @param {string} locale @param {number} [page] */
export function articlesUrl(locale, page = 1) {
  return page <= 1 ? `/${locale}/articles/` : `/${locale}/articles/page/${page}/`;
}

/** @param {string} locale @param {string} slug */
export function articleUrl(locale, slug) {
  return `/${locale}/articles/${slug}/`;
}

/**
 * An article's page by its documentId, for previews only: where a draft without a slug of its own
 * (none yet, or one another article has) is shown, at an address that stays put while it is edited.
 * @param {string} locale @param {string} documentId
 */
export function articleByIdUrl(locale, documentId) {
  return `/${locale}/articles/by-id/${documentId}/`;
}

/** @param {string} locale */
export function authorsUrl(locale) {
  return `/${locale}/authors/`;
}

/** @param {string} locale @param {string} slug */
export function authorUrl(locale, slug) {
  return `/${locale}/authors/${slug}/`;
}

/** @param {string} locale */
export function topicsUrl(locale) {
  return `/${locale}/topics/`;
}

/** @param {string} locale @param {string} slug */
export function topicUrl(locale, slug) {
  return `/${locale}/topics/${slug}/`;
}

/** The provider directory: one page per state below it. @param {string} locale */
export function providersUrl(locale) {
  return `/${locale}/providers/`;
}

/** @param {string} locale @param {string} state two-letter code, any case ("MA") */
export function stateUrl(locale, state) {
  return `/${locale}/providers/${state.toLowerCase()}/`;
}

/** @param {string} locale @param {string} state two-letter code, any case @param {string} slug */
export function providerUrl(locale, state, slug) {
  return `/${locale}/providers/${state.toLowerCase()}/${slug}/`;
}

/** @param {string} locale */
export function findCareUrl(locale) {
  return `/${locale}/find-care/`;
}

/** @param {string} locale */
export function selfAssessmentUrl(locale) {
  return `/${locale}/self-assessment/`;
}

/** Every result of the self-assessment on one page (where its form goes without JavaScript). @param {string} locale */
export function selfAssessmentResultsUrl(locale) {
  return `/${locale}/self-assessment/results/`;
}

/** @param {string} locale */
export function searchUrl(locale) {
  return `/${locale}/search/`;
}

/** The locale's Atom feed of articles. @param {string} locale */
export function feedUrl(locale) {
  return `/${locale}/feed.xml`;
}

/**
 * The pages of one locale that every page links to (navigation, footer, breadcrumbs).
 * @param {string} locale
 */
export function localeLinks(locale) {
  return {
    home: homeUrl(locale),
    articles: articlesUrl(locale),
    authors: authorsUrl(locale),
    topics: topicsUrl(locale),
    providers: providersUrl(locale),
    findCare: findCareUrl(locale),
    selfAssessment: selfAssessmentUrl(locale),
    selfAssessmentResults: selfAssessmentResultsUrl(locale),
    search: searchUrl(locale),
    feed: feedUrl(locale),
  };
}

/**
 * @typedef {{ documentId?: string | null, slug?: string | null, state?: string | null }} DocumentFields
 *   the fields of a CMS document its URL is made of (a provider's page is under its state); the
 *   CMS returns documentId with any fields
 * @typedef {{ fields: ('slug' | 'state')[], url: (locale: string, doc: DocumentFields) => string | null }} DocumentRoute
 */

/**
 * The page of each CMS content type (by its singular name, as in `api::article.article`): which of
 * the document's fields the URL needs, and the URL (null when a needed field is missing).
 * @type {Readonly<Record<string, DocumentRoute>>}
 */
export const documentRoutes = Object.freeze({
  global: { fields: [], url: (locale) => homeUrl(locale) },
  'self-assessment': { fields: [], url: (locale) => selfAssessmentUrl(locale) },
  // A draft without a slug is shown in the preview by its documentId.
  article: {
    fields: ['slug'],
    url: (locale, { slug, documentId }) => (slug ? articleUrl(locale, slug) : documentId ? articleByIdUrl(locale, documentId) : null),
  },
  author: { fields: ['slug'], url: (locale, { slug }) => (slug ? authorUrl(locale, slug) : null) },
  topic: { fields: ['slug'], url: (locale, { slug }) => (slug ? topicUrl(locale, slug) : null) },
  provider: {
    fields: ['slug', 'state'],
    url: (locale, { slug, state }) => (slug && state ? providerUrl(locale, state, slug) : null),
  },
});
