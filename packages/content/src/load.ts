import type { ContentClient } from './client.js';
import { compareArticles, readArticle } from './content-types/article.js';
import { readArticleDraft, settleDraftSlugs } from './content-types/article-draft.js';
import { readAuthor } from './content-types/author.js';
import { readGlobal } from './content-types/global.js';
import { readInterfaceTexts } from './content-types/interface-text.js';
import { readProvider } from './content-types/provider.js';
import { readSelfAssessment } from './content-types/self-assessment.js';
import { readTopic } from './content-types/topic.js';
import type { LocaleContent, SiteContent } from './domain.js';
import { ContentValidationError } from './errors.js';
import { fetchLocaleNodes, fetchLocales } from './load/fetch.js';
import { assertNoRepeats } from './load/no-repeats.js';
import { crossLocaleReferences } from './load/references.js';

/**
 * Reads everything the site publishes (with drafts: the latest version of every article, for
 * previews, however incomplete), in every locale the CMS has. Fails on the first invalid entry,
 * naming it; a draft is never invalid, what it lacks is listed in `article.draft.needs`.
 */
export async function loadSiteContent(
  client: ContentClient,
  options: { cmsOrigin: string; drafts?: boolean },
): Promise<SiteContent> {
  const { cmsOrigin, drafts = false } = options;
  const locales = await fetchLocales(client);
  const defaultLocale = locales[0]; // the one marked default, if any: fetchLocales sorts it first
  if (!defaultLocale) {
    throw new ContentValidationError({ type: 'locale' }, [{ path: '', message: 'the CMS has no locale' }]);
  }
  const fetched = await Promise.all(locales.map((locale) => fetchLocaleNodes(client, locale, drafts)));
  fetched.forEach(assertNoRepeats);

  // Authors and topics first, so articles can link to them (and to the default locale's as a fallback).
  const authors = new Map(fetched.map((f) => [f.locale.code, f.authors.map((a) => readAuthor(a, f.locale.code, cmsOrigin))]));
  const topics = new Map(fetched.map((f) => [f.locale.code, f.topics.map((t) => readTopic(t, f.locale.code))]));
  const defaultGlobal = fetched[0]!.global; // fetched in the order of `locales`
  if (!defaultGlobal) {
    throw new ContentValidationError({ type: 'global', locale: defaultLocale.code }, [
      { path: '', message: 'the site settings (Global) are missing' },
    ]);
  }

  const byLocale = Object.fromEntries(
    fetched.map((f): [string, LocaleContent] => {
      const code = f.locale.code;
      const refs = crossLocaleReferences(authors, topics, code, defaultLocale.code);
      return [code, {
        locale: f.locale,
        // Site settings fall back to the default locale's until a translator adds them.
        global: readGlobal(f.global ?? defaultGlobal, code),
        selfAssessment: f.selfAssessment ? readSelfAssessment(f.selfAssessment, code) : null,
        articles: (drafts
          ? settleDraftSlugs(
              f.articleDrafts.map((a) => readArticleDraft(a, code, refs, cmsOrigin)),
              (id) => f.articleDrafts.find((a) => a.documentId === id)?.createdAt ?? '',
            )
          : f.articles.map((a) => readArticle(a, code, refs, cmsOrigin))
        ).sort(compareArticles),
        authors: authors.get(code)!,
        topics: topics.get(code)!,
        providers: f.providers.map((p) => readProvider(p, code)),
        interfaceTexts: readInterfaceTexts(f.interfaceTexts, code),
      }];
    }),
  );
  return { locales, defaultLocale, byLocale };
}
