// Every URL the site publishes, in one place. All end in "/" (directory pages) except files.

export const homeUrl = (locale: string) => `/${locale}/`;
export const articlesUrl = (locale: string, page = 1) =>
  page <= 1 ? `/${locale}/articles/` : `/${locale}/articles/page/${page}/`;
export const articleUrl = (locale: string, slug: string) => `/${locale}/articles/${slug}/`;
export const authorsUrl = (locale: string) => `/${locale}/authors/`;
export const authorUrl = (locale: string, slug: string) => `/${locale}/authors/${slug}/`;
export const topicsUrl = (locale: string) => `/${locale}/topics/`;
export const topicUrl = (locale: string, slug: string) => `/${locale}/topics/${slug}/`;
export const providersUrl = (locale: string) => `/${locale}/providers/`;
export const stateUrl = (locale: string, state: string) => `/${locale}/providers/${state.toLowerCase()}/`;
export const providerUrl = (locale: string, state: string, slug: string) =>
  `/${locale}/providers/${state.toLowerCase()}/${slug}/`;
export const findCareUrl = (locale: string) => `/${locale}/find-care/`;
export const selfAssessmentUrl = (locale: string) => `/${locale}/self-assessment/`;
export const searchUrl = (locale: string) => `/${locale}/search/`;
export const feedUrl = (locale: string) => `/${locale}/feed.xml`;
