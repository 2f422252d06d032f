/** @param {string} locale */
export function homeUrl(locale: string): string;
/** Page 1 is the list's own address; later pages are under it. @param {string} locale @param {number} [page] */
export function articlesUrl(locale: string, page?: number): string;
/** @param {string} locale @param {string} slug */
export function articleUrl(locale: string, slug: string): string;
/**
 * An article's page by its documentId, for previews only: where a draft without a slug of its own
 * (none yet, or one another article has) is shown, at an address that stays put while it is edited.
 * @param {string} locale @param {string} documentId
 */
export function articleByIdUrl(locale: string, documentId: string): string;
/** @param {string} locale */
export function authorsUrl(locale: string): string;
/** @param {string} locale @param {string} slug */
export function authorUrl(locale: string, slug: string): string;
/** @param {string} locale */
export function topicsUrl(locale: string): string;
/** @param {string} locale @param {string} slug */
export function topicUrl(locale: string, slug: string): string;
/** The provider directory: one page per state below it. @param {string} locale */
export function providersUrl(locale: string): string;
/** @param {string} locale @param {string} state two-letter code, any case ("MA") */
export function stateUrl(locale: string, state: string): string;
/** @param {string} locale @param {string} state two-letter code, any case @param {string} slug */
export function providerUrl(locale: string, state: string, slug: string): string;
/** @param {string} locale */
export function findCareUrl(locale: string): string;
/** @param {string} locale */
export function selfAssessmentUrl(locale: string): string;
/** Every result of the self-assessment on one page (where its form goes without JavaScript). @param {string} locale */
export function selfAssessmentResultsUrl(locale: string): string;
/** @param {string} locale */
export function searchUrl(locale: string): string;
/** The locale's Atom feed of articles. @param {string} locale */
export function feedUrl(locale: string): string;
/**
 * The pages of one locale that every page links to (navigation, footer, breadcrumbs).
 * @param {string} locale
 */
export function localeLinks(locale: string): {
    home: string;
    articles: string;
    authors: string;
    topics: string;
    providers: string;
    findCare: string;
    selfAssessment: string;
    selfAssessmentResults: string;
    search: string;
    feed: string;
};
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
export const documentRoutes: Readonly<Record<string, DocumentRoute>>;
/**
 * the fields of a CMS document its URL is made of (a provider's page is under its state); the
 * CMS returns documentId with any fields
 */
export type DocumentFields = {
    documentId?: string | null;
    slug?: string | null;
    state?: string | null;
};
export type DocumentRoute = {
    fields: ("slug" | "state")[];
    url: (locale: string, doc: DocumentFields) => string | null;
};
