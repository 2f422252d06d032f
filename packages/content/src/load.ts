import type { ContentClient } from './client.js';
import { compareArticles } from './content-types/article.js';
import { readArticleDraft, settleDraftSlugs } from './content-types/article-draft.js';
import { readGlobal } from './content-types/global.js';
import { readInterfaceTexts } from './content-types/interface-text.js';
import { readSelfAssessment } from './content-types/self-assessment.js';
import type { Locale } from './content-types/locale.js';
import type { LocaleContent, SiteContent } from './domain.js';
import { ContentValidationError } from './errors.js';
import { trustChecked } from './validate.js';
import * as collections from './load/collections.js';
import { fetchLocaleNodes, fetchLocales, type LocaleNodes } from './load/fetch.js';
import { fetchNodesSince, type ContentNodes, type FetchReport } from './load/incremental.js';
import { keptContentOf, type KeptContent, type KeptSummary } from './load/kept.js';
import { assertNoRepeats } from './load/no-repeats.js';
import { crossLocaleReferences } from './load/references.js';
import { articleOf, authorOf, providerOf, topicOf } from './load/remembered.js';

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
  const fetched = await Promise.all(locales.map((locale) => fetchLocaleNodes(client, locale, drafts)));
  return mapSiteContent(locales, fetched, { cmsOrigin, drafts });
}

/**
 * The content as loadSiteContent reads it, asking the CMS only for what changed since `previous`
 * (the nodes a previous call returned; null for a full fetch), from its newest timestamps less
 * `overlapMs` (SAFETY_OVERLAP_MS by default). The merged nodes are mapped exactly as a full
 * fetch's, so the content is the same. Keep the returned `nodes` for the next call (null only with
 * `skipUnchanged` when nothing changed: the kept ones are still the CMS's, and `summary` theirs as
 * of this call, to keep with them). With `drafts`
 * (a preview), the articles' latest versions are read in full every time, the rest as changed.
 */
export async function loadSiteContentSince(
  client: ContentClient,
  options: LoadSinceOptions & { skipUnchanged: boolean },
): Promise<{ content: SiteContent | null; nodes: ContentNodes | null; report: FetchReport; summary: KeptSummary | null }>;
export async function loadSiteContentSince(
  client: ContentClient,
  options: Omit<LoadSinceOptions, 'skipUnchanged'>,
): Promise<{ content: SiteContent; nodes: ContentNodes; report: FetchReport; summary: null }>;
export async function loadSiteContentSince(client: ContentClient, options: LoadSinceOptions) {
  const { cmsOrigin, previous, overlapMs, drafts = false, skipUnchanged = false, whenChanged } = options;
  const locales = await fetchLocales(client);
  const kept = previous && !('summary' in previous) ? keptContentOf(previous, overlapMs) : previous;
  const { fetched, nodes, report, summary } = await fetchNodesSince(client, locales, kept, { overlapMs, drafts, stopIfUnchanged: skipUnchanged, whenChanged });
  // The kept nodes were checked and mapped by the call that returned them: the same nodes, the same content.
  const content = !fetched || (skipUnchanged && report.unchanged) ? null : mapSiteContent(locales, fetched, { cmsOrigin, drafts });
  return { content, nodes, report, summary };
}

/**
 * Checks and maps nodes kept by an earlier load, ahead of a load since them (a build process does
 * it while it waits for its go): that load keeps the unchanged ones, as the same objects, and does
 * not check or map them again (src/validate.ts, src/lasting.ts). Returns their content, or null
 * when it fails its checks: that is left for the load to report.
 */
export function checkAhead(nodes: ContentNodes, options: { cmsOrigin: string; drafts?: boolean }): SiteContent | null {
  const raw = nodes.localeList.flatMap((locale) => {
    const sets = nodes.locales[locale.code];
    return sets ? [{ locale, ...sets }] : [];
  });
  try {
    return mapSiteContent(nodes.localeList, raw, { cmsOrigin: options.cmsOrigin, drafts: options.drafts ?? false });
  } catch {
    return null;
  }
}

/**
 * Takes nodes a build kept as checked, without checking them again (a fresh build process spent a
 * third of a second on the corpus's 14,500): only for nodes that a load of this very code
 * returned after checking them, read back as they were written (the site keys the content it
 * keeps by this package's source: src/incremental/code-hash.ts there). Global and the
 * self-assessment are read anew by every load, and checked.
 */
export function trustKeptNodes(nodes: ContentNodes) {
  for (const sets of Object.values(nodes.locales)) {
    for (const list of [sets.articles, sets.authors, sets.topics, sets.providers, sets.interfaceTexts]) trustChecked(list as object[]);
  }
}

type LoadSinceOptions = {
  cmsOrigin: string;
  /** The nodes a previous call returned, or the summary of nodes kept in a file and their reading (kept.ts). */
  previous: ContentNodes | KeptContent | null;
  overlapMs?: number;
  drafts?: boolean;
  /** Content that is `previous` exactly (report.unchanged) is not mapped again: `content` is then null. */
  skipUnchanged?: boolean;
  /** Called as soon as the CMS's answers show a change, or cannot rule one out (before the kept lists are needed). */
  whenChanged?: () => void;
};

/** Checks and maps the raw nodes of every locale (in the order of `locales`). */
function mapSiteContent(locales: Locale[], raw: LocaleNodes[], options: { cmsOrigin: string; drafts: boolean }): SiteContent {
  const { cmsOrigin, drafts } = options;
  const defaultLocale = locales[0]; // the one marked default, if any: fetchLocales sorts it first
  if (!defaultLocale) {
    throw new ContentValidationError({ type: 'locale' }, [{ path: '', message: 'the CMS has no locale' }]);
  }
  raw.forEach(assertNoRepeats);
  // One order for fetched and merged lists alike (the queries' order), so both map to the same content.
  const fetched = raw.map((f) => ({
    ...f,
    articles: [...f.articles].sort(collections.articles.compare),
    authors: [...f.authors].sort(collections.authors.compare),
    topics: [...f.topics].sort(collections.topics.compare),
    providers: [...f.providers].sort(collections.providers.compare),
    interfaceTexts: [...f.interfaceTexts].sort(collections.interfaceTexts.compare),
  }));

  // Authors and topics first, so articles can link to them (and to the default locale's as a fallback).
  const authors = new Map(fetched.map((f) => [f.locale.code, f.authors.map((a) => authorOf(a, f.locale.code, cmsOrigin))]));
  const topics = new Map(fetched.map((f) => [f.locale.code, f.topics.map((t) => topicOf(t, f.locale.code))]));
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
          : f.articles.map((a) => articleOf(a, code, refs, cmsOrigin))
        ).sort(compareArticles),
        authors: authors.get(code)!,
        topics: topics.get(code)!,
        providers: f.providers.map((p) => providerOf(p, code)),
        interfaceTexts: readInterfaceTexts(f.interfaceTexts, code),
      }];
    }),
  );
  return { locales, defaultLocale, byLocale };
}
