import type { ContentClient } from '../client.js';
import { articlesQuery } from '../content-types/article.js';
import { articleDraftsQuery } from '../content-types/article-draft.js';
import { authorsQuery } from '../content-types/author.js';
import { globalQuery } from '../content-types/global.js';
import { interfaceTextsQuery } from '../content-types/interface-text.js';
import { compareLocales, localesQuery, readLocale, type Locale } from '../content-types/locale.js';
import { providersQuery } from '../content-types/provider.js';
import { selfAssessmentQuery } from '../content-types/self-assessment.js';
import { topicsQuery } from '../content-types/topic.js';

const PAGE_SIZE = 100;
const noPages = { nodes: [], pageInfo: { pageCount: 0, total: 0 } };

/** Every locale the CMS has, checked, the default one first. */
export async function fetchLocales(client: ContentClient): Promise<Locale[]> {
  const { i18NLocales } = await client.request(localesQuery);
  return i18NLocales.flatMap((node) => (node ? [readLocale(node)] : [])).sort(compareLocales);
}

/**
 * One locale's raw nodes, as GraphQL typed them: one request per page of results per type, never
 * one per document. A preview reads the latest version of every article (`articleDrafts`, where
 * every field may be null) instead of the published ones (`articles`); the site never reads both.
 */
export async function fetchLocaleNodes(client: ContentClient, locale: Locale, drafts: boolean) {
  const vars = { locale: locale.code };
  const [global, selfAssessment, articles, articleDrafts, authors, topics, providers, interfaceTexts] = await Promise.all([
    client.request(globalQuery, vars),
    client.request(selfAssessmentQuery, vars),
    drafts ? [] : client.fetchAllPages(articlesQuery, vars, (d) => d.articles_connection ?? noPages, PAGE_SIZE),
    drafts ? client.fetchAllPages(articleDraftsQuery, vars, (d) => d.articleDrafts, PAGE_SIZE) : [],
    client.fetchAllPages(authorsQuery, vars, (d) => d.authors_connection ?? noPages, PAGE_SIZE),
    client.fetchAllPages(topicsQuery, vars, (d) => d.topics_connection ?? noPages, PAGE_SIZE),
    client.fetchAllPages(providersQuery, vars, (d) => d.providers_connection ?? noPages, PAGE_SIZE),
    client.fetchAllPages(interfaceTextsQuery, vars, (d) => d.interfaceTexts_connection ?? noPages, PAGE_SIZE),
  ]);
  return { locale, global: global.global, selfAssessment: selfAssessment.selfAssessment, articles, articleDrafts, authors, topics, providers, interfaceTexts };
}

export type LocaleNodes = Awaited<ReturnType<typeof fetchLocaleNodes>>;
