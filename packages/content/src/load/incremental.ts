import type { ContentClient } from '../client.js';
import type { Locale } from '../content-types/locale.js';
import { articles, authors, media, type MediaStamp } from './collections.js';
import { syncDrafts } from './drafts.js';
import type { LocaleNodes } from './fetch.js';
import { syncLocaleTogether } from './locale-sync.js';
import { SAFETY_OVERLAP_MS } from './merge.js';
import { syncCollection, type Synced } from './sync.js';

/** Bump when the shape of ContentNodes or the way it is brought up to date changes. */
export const CONTENT_NODES_FORMAT = 4;

/** The raw nodes of one locale, as GraphQL sent them: its collections and its single types. */
export type LocaleNodeSets = Omit<LocaleNodes, 'locale'>;

/** What a build keeps of the CMS's content so the next one can ask only for what changed. */
export type ContentNodes = {
  /** The CMS's clock when the fetch that brought these nodes began (null if it sent no Date header). */
  fetchedAt: string | null;
  /** The CMS's locales, the default one first. */
  localeList: Locale[];
  media: MediaStamp[];
  locales: Record<string, LocaleNodeSets>;
};

/**
 * How the content was fetched: `full` (nothing kept), or `delta` (only what changed since the
 * kept nodes). `fetched` counts the records of the collection types received in full, `reused`
 * the ones taken from the kept nodes; `notes` say what was re-read in full, and why.
 */
export type FetchReport = {
  mode: 'full' | 'delta';
  fetched: number;
  reused: number;
  notes: string[];
  /** Whether the content is the kept nodes' exactly: every locale, record, media file and single type. */
  unchanged: boolean;
};

/**
 * Every locale's raw nodes as the CMS has them now, fetching only what changed since `previous`
 * (everything without it). Global and the self-assessment, one request each, are always read.
 *
 * What can change a record's GraphQL answer without changing its timestamps is re-read in full:
 * a locale's articles when one of its authors or topics is gone (an article holds their
 * documentIds, and the CMS drops a link to a deleted or unpublished one); a locale's articles and
 * authors when a media file they show changed or vanished.
 */
export async function fetchNodesSince(
  client: ContentClient,
  locales: Locale[],
  previous: ContentNodes | null,
  { overlapMs = SAFETY_OVERLAP_MS, drafts = false }: { overlapMs?: number; drafts?: boolean } = {},
): Promise<{ fetched: LocaleNodes[]; nodes: ContentNodes; report: FetchReport }> {
  const report: FetchReport = { mode: previous ? 'delta' : 'full', fetched: 0, reused: 0, notes: [], unchanged: false };
  // Asked before any list is read (the locales came first): whatever committed before it is in this fetch.
  const fetchedAt = client.firstAnswerAt?.() ?? null;
  const keptAt = previous?.fetchedAt ?? null;
  // Started at once with every locale's lists: what it finds decides only what to re-read after.
  const filesSynced = syncCollection(client, media, '', previous?.media, { overlapMs, keptAt });
  const touchedUrls = filesSynced.then((files) => {
    const urls = new Set<string>();
    for (const file of [...(previous?.media ?? []), ...files.nodes]) if (files.changed.has(file.documentId)) urls.add(file.url);
    return urls;
  });

  const perLocale = await Promise.all(
    locales.map(async (locale) => {
      const kept = previous?.locales[locale.code];
      if (previous && !kept) report.notes.push(`${locale.code} is new: read in full`);
      return syncLocale(client, locale, kept, { touchedUrls, overlapMs, keptAt, notes: report.notes, drafts });
    }),
  );
  const files = await filesSynced;
  for (const { synced } of perLocale) {
    for (const s of synced) {
      report.fetched += s.fetched;
      report.reused += s.reused;
    }
  }
  const nodes: ContentNodes = {
    fetchedAt,
    localeList: locales,
    media: files.nodes,
    locales: Object.fromEntries(perLocale.map(({ nodes: n }) => [n.locale.code, pickSets(n)])),
  };
  report.unchanged =
    previous !== null &&
    JSON.stringify(previous.localeList) === JSON.stringify(locales) &&
    files.changed.size === 0 &&
    perLocale.every(({ nodes: n, synced }) => {
      const kept = previous.locales[n.locale.code];
      return (
        synced.every((s) => s.changed.size === 0) &&
        JSON.stringify([kept?.global, kept?.selfAssessment]) === JSON.stringify([n.global, n.selfAssessment])
      );
    });
  return { fetched: perLocale.map((p) => p.nodes), nodes, report };
}

async function syncLocale(
  client: ContentClient,
  locale: Locale,
  kept: LocaleNodeSets | undefined,
  {
    touchedUrls,
    overlapMs,
    keptAt,
    notes,
    drafts,
  }: { touchedUrls: Promise<Set<string>>; overlapMs: number; keptAt: string | null; notes: string[]; drafts: boolean },
): Promise<{ nodes: LocaleNodes; synced: Synced<unknown>[] }> {
  const code = locale.code;
  // Every delta at once; what must be read in full after all (rarely) is read when that is known.
  const [together, draftsDelta, touched] = await Promise.all([
    syncLocaleTogether(client, code, kept, { overlapMs, keptAt }, !drafts),
    drafts ? syncDrafts(client, code, kept?.articleDrafts) : nothingRead,
    touchedUrls,
  ]);
  const { authors: authorsDelta, topics: topicsOf, providers: providersOf, interfaceTexts: textsOf } = together;
  const articlesDelta = together.articles ?? nothingRead;
  const shows = (image: { url: string } | null | undefined) => image != null && touched.has(image.url);
  const wasted: Synced<unknown>[] = [];
  let authorsOf = authorsDelta;
  if (kept?.authors.some((a) => shows(a.photo))) {
    notes.push(`authors of ${code} read in full: a photo changed`);
    wasted.push(authorsDelta);
    authorsOf = await syncCollection(client, authors, code, kept.authors, { full: true });
  }
  // An article's answer holds its author's and topics' documentIds only: a rename leaves it as it
  // is, a document that vanished (deleted, unpublished) is unlinked without stamping the article.
  const linksChanged = vanished(kept?.authors, authorsOf.nodes) || vanished(kept?.topics, topicsOf.nodes);
  const coverChanged = [...(kept?.articles ?? []), ...(kept?.articleDrafts ?? [])].some((a) => shows(a.cover));
  let articlesOf = articlesDelta;
  let draftsOf = draftsDelta;
  if (kept && (linksChanged || coverChanged)) {
    notes.push(`${drafts ? 'article drafts' : 'articles'} of ${code} read in full: ${linksChanged ? 'an author or topic is gone' : 'a cover image changed'}`);
    if (drafts) {
      wasted.push(draftsDelta);
      draftsOf = await syncDrafts(client, code, kept.articleDrafts, { full: true });
    } else {
      wasted.push(articlesDelta);
      articlesOf = await syncCollection(client, articles, code, kept.articles, { full: true });
    }
  }
  return {
    nodes: {
      locale,
      global: together.global,
      selfAssessment: together.selfAssessment,
      articles: articlesOf.nodes,
      articleDrafts: draftsOf.nodes,
      authors: authorsOf.nodes,
      topics: topicsOf.nodes,
      providers: providersOf.nodes,
      interfaceTexts: textsOf.nodes,
    },
    // A delta superseded by a full read still cost its records: counted as fetched, not as re-used.
    synced: [articlesOf, draftsOf, authorsOf, topicsOf, providersOf, textsOf, ...wasted.map((w) => ({ ...w, reused: 0 }))],
  };
}

/** Whether a document of `kept` is not in `now`. */
function vanished(kept: { documentId: string }[] | undefined, now: { documentId: string }[]) {
  if (!kept) return false;
  const ids = new Set(now.map((n) => n.documentId));
  return kept.some((k) => !ids.has(k.documentId));
}

/** What a build does not read: a preview's published articles, a site build's drafts. */
const nothingRead: Synced<never> = { nodes: [], changed: new Set(), fetched: 0, reused: 0, full: true };

const pickSets = ({ locale: _locale, ...sets }: LocaleNodes): LocaleNodeSets => sets;
