import type { ContentClient } from './client.js';
import { ContentValidationError } from './errors.js';
import type { Locale, LocaleContent, SiteContent } from './domain.js';
import {
  ArticlesDocument, AuthorsDocument, GlobalDocument, LocalesDocument, ProvidersDocument, SelfAssessmentDocument,
  TopicsDocument,
} from './generated/graphql.js';
import {
  toArticle, toAuthor, toAuthorRef, toGlobal, toProvider, toSelfAssessment, toTopic, toTopicRef,
} from './mappers.js';
import {
  articleSchema, authorSchema, globalSchema, localeSchema, providerSchema, selfAssessmentSchema, topicSchema,
} from './schemas.js';
import { parseEntry } from './validate.js';

const PAGE_SIZE = 100;
const none = { nodes: [], pageInfo: { pageCount: 0, total: 0 } };

/**
 * Reads everything the site publishes (with drafts: the latest version of every article, for
 * previews), in every locale the CMS has: one request per page of
 * results per type and locale, never one per document. Fails on the first invalid entry, naming it.
 */
export async function loadSiteContent(
  client: ContentClient,
  options: { cmsOrigin: string; drafts?: boolean },
): Promise<SiteContent> {
  const { cmsOrigin, drafts = false } = options;
  const { i18NLocales } = await client.request(LocalesDocument);
  const locales: Locale[] = i18NLocales
    .flatMap((l) => (l ? [parseEntry(localeSchema, l, { type: 'locale', documentId: l.code })] : []))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code));
  const defaultLocale = locales.find((l) => l.isDefault) ?? locales[0];
  if (!defaultLocale) throw new ContentValidationError({ type: 'locale' }, [{ path: '', message: 'the CMS has no locale' }]);

  const raw = await Promise.all(
    locales.map(async (locale) => {
      const vars = { locale: locale.code };
      const [global, selfAssessment, articles, authors, topics, providers] = await Promise.all([
        client.request(GlobalDocument, vars),
        client.request(SelfAssessmentDocument, vars),
        client.fetchAllPages(ArticlesDocument, { ...vars, status: drafts ? 'DRAFT' : 'PUBLISHED' }, (d) => d.articles_connection ?? none, PAGE_SIZE),
        client.fetchAllPages(AuthorsDocument, vars, (d) => d.authors_connection ?? none, PAGE_SIZE),
        client.fetchAllPages(TopicsDocument, vars, (d) => d.topics_connection ?? none, PAGE_SIZE),
        client.fetchAllPages(ProvidersDocument, vars, (d) => d.providers_connection ?? none, PAGE_SIZE),
      ]);
      return { locale, global: global.global, selfAssessment: selfAssessment.selfAssessment, articles, authors, topics, providers };
    }),
  );

  // Offset paging over content that changed mid-build could repeat an entry: refuse rather than guess.
  for (const r of raw) {
    for (const [type, nodes] of Object.entries({ article: r.articles, author: r.authors, topic: r.topics, provider: r.providers })) {
      const seen = new Set<string>();
      for (const node of nodes as { documentId: string }[]) {
        if (seen.has(node.documentId)) {
          throw new ContentValidationError({ type, documentId: node.documentId, locale: r.locale.code }, [
            { path: '', message: 'returned twice while paging; the content changed during the build, build again' },
          ]);
        }
        seen.add(node.documentId);
      }
    }
  }

  const where = (type: string, locale: string) => (node: { documentId?: string | null }) => ({
    type, documentId: node.documentId ?? null, locale,
  });

  // Authors and topics first, so articles can link to them (and to the default locale's as a fallback).
  const authorsByLocale = new Map(raw.map((r) => [r.locale.code, r.authors.map((a) => toAuthor(parseEntry(authorSchema, a, where('author', r.locale.code)(a)), cmsOrigin))]));
  const topicsByLocale = new Map(raw.map((r) => [r.locale.code, r.topics.map((t) => toTopic(parseEntry(topicSchema, t, where('topic', r.locale.code)(t))))]));
  const find = <T extends { documentId: string }>(lists: Map<string, T[]>, locale: string, id: string) =>
    lists.get(locale)!.find((x) => x.documentId === id) ?? lists.get(defaultLocale.code)!.find((x) => x.documentId === id);

  const defaultGlobal = raw.find((r) => r.locale.code === defaultLocale.code)!.global;
  if (!defaultGlobal) {
    throw new ContentValidationError({ type: 'global', locale: defaultLocale.code }, [
      { path: '', message: 'the site settings (Global) are missing' },
    ]);
  }

  const byLocale: Record<string, LocaleContent> = {};
  for (const r of raw) {
    const code = r.locale.code;
    const lookup = {
      author: (id: string) => { const a = find(authorsByLocale, code, id); return a && toAuthorRef(a); },
      topic: (id: string) => { const t = find(topicsByLocale, code, id); return t && toTopicRef(t); },
    };
    byLocale[code] = {
      locale: r.locale,
      // Site settings fall back to the default locale's until a translator adds them.
      global: toGlobal(parseEntry(globalSchema, r.global ?? defaultGlobal, { type: 'global', locale: code })),
      selfAssessment: r.selfAssessment
        ? toSelfAssessment(parseEntry(selfAssessmentSchema, r.selfAssessment, { type: 'selfAssessment', locale: code }))
        : null,
      articles: r.articles
        .map((a) => toArticle(parseEntry(articleSchema, a, where('article', code)(a)), lookup, cmsOrigin))
        // Newest first by the date readers see (the CMS sorts undated drafts differently per database).
        .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)),
      authors: authorsByLocale.get(code)!,
      topics: topicsByLocale.get(code)!,
      providers: r.providers.map((p) => toProvider(parseEntry(providerSchema, p, where('provider', code)(p)))),
    };
  }
  return { locales, defaultLocale, byLocale };
}
