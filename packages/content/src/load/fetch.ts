import type { ContentClient } from '../client.js';
import { articleDraftsQuery } from '../content-types/article-draft.js';
import { globalQuery } from '../content-types/global.js';
import { compareLocales, localesQuery, readLocale, type Locale } from '../content-types/locale.js';
import { selfAssessmentQuery } from '../content-types/self-assessment.js';
import { articles, authors, interfaceTexts, PAGE_SIZE, providers, topics } from './collections.js';
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
  const code = locale.code;
  const [global, selfAssessment, articleNodes, articleDrafts, authorNodes, topicNodes, providerNodes, interfaceTextNodes] = await Promise.all([
    client.request(globalQuery, { locale: code }),
    client.request(selfAssessmentQuery, { locale: code }),
    drafts ? [] : articles.full(client, code),
    drafts ? client.fetchAllPages(articleDraftsQuery, { locale: code }, (d) => d.articleDrafts, PAGE_SIZE) : [],
    authors.full(client, code),
    topics.full(client, code),
    providers.full(client, code),
    interfaceTexts.full(client, code),
  ]);
  return {
    locale,
    global: global.global,
    selfAssessment: selfAssessment.selfAssessment,
    articles: articleNodes,
    articleDrafts,
    authors: authorNodes,
    topics: topicNodes,
    providers: providerNodes,
    interfaceTexts: interfaceTextNodes,
  };
}

export type LocaleNodes = Awaited<ReturnType<typeof fetchLocaleNodes>>;
