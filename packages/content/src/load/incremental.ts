import type { ContentClient } from '../client.js';
import type { Locale } from '../content-types/locale.js';
import type { ArticleDraftFragment } from '../generated/graphql.js';
import { articles, authors, interfaceTexts, media, providers, topics, type Collection, type MediaStamp } from './collections.js';
import { syncDrafts } from './drafts.js';
import type { LocaleNodes } from './fetch.js';
import { summaryAsOf, unchangedPerSummary, type KeptContent, type KeptSummary } from './kept.js';
import { askLocale, LIST_NAMES, type LocaleAnswers } from './locale-sync.js';
import { SAFETY_OVERLAP_MS } from './merge.js';
import { askCollection, settleList, syncCollection, type ListAnswer, type Synced } from './sync.js';

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
 * The deltas and counts are asked with the kept nodes' summary alone; `whenChanged` is called as
 * soon as the answers show a change (or cannot rule one out), and with `stopIfUnchanged`, answers
 * that show nothing changed end the fetch there, without reading the kept lists (`nodes` is then
 * null, and `summary` the kept nodes' as of this fetch, to keep in place of theirs). A kept list
 * that cannot be read means a full fetch, noted.
 *
 * What can change a record's GraphQL answer without changing its timestamps is re-read in full:
 * a locale's articles when one of its authors or topics is gone (an article holds their
 * documentIds, and the CMS drops a link to a deleted or unpublished one); a locale's articles and
 * authors when a media file they show changed or vanished.
 */
export async function fetchNodesSince(
  client: ContentClient,
  locales: Locale[],
  previous: KeptContent | null,
  options: { overlapMs?: number; drafts?: boolean; stopIfUnchanged?: boolean; whenChanged?: () => void } = {},
): Promise<{ fetched: LocaleNodes[]; nodes: ContentNodes; report: FetchReport; summary: null } | { fetched: null; nodes: null; report: FetchReport; summary: KeptSummary }> {
  const { overlapMs = SAFETY_OVERLAP_MS, drafts = false, stopIfUnchanged = false, whenChanged } = options;
  const report: FetchReport = { mode: previous ? 'delta' : 'full', fetched: 0, reused: 0, notes: [], unchanged: false };
  // Asked before any list is read (the locales came first): whatever committed before it is in this fetch.
  const fetchedAt = client.firstAnswerAt?.() ?? null;
  const summary = previous?.summary ?? null;
  const sync = { overlapMs, keptAt: summary?.fetchedAt ?? null };
  const mediaAsked = askCollection(client, media, '', summary?.media.newest ?? null, sync);
  const asked = locales.map((locale) => askLocale(client, locale.code, summary?.locales[locale.code]?.lists, sync, !drafts));
  // A site build reads the kept lists once the answers show it needs them: read meanwhile, they
  // held up the answers (a list's 4 MB is parsed in one go) longer than they saved. A preview's
  // drafts go by version, from the kept drafts: it reads those at once, and lists the versions
  // as soon as they are at hand.
  const keptRead = previous && drafts ? previous.read() : null;
  const draftsSynced = new Map(
    drafts ? locales.map(({ code }) => [code, (keptRead ?? Promise.resolve(null)).then((read) => syncDrafts(client, code, read?.nodes?.locales[code]?.articleDrafts))]) : [],
  );
  for (const pending of [keptRead, ...draftsSynced.values()]) pending?.catch(() => {});
  const [mediaAnswer, ...answered] = await Promise.all([mediaAsked, ...asked]);
  const answers = new Map(locales.map(({ code }, i) => [code, answered[i]!]));
  const unchanged = summary !== null && !drafts && unchangedPerSummary(summary, locales, mediaAnswer, answers);
  if (!unchanged) whenChanged?.();
  if (unchanged && stopIfUnchanged) {
    report.unchanged = true;
    report.fetched = [...answers.values()].reduce((sum, a) => sum + LIST_NAMES.reduce((n, name) => n + receivedIn(a.lists[name]), 0), 0);
    report.reused = locales.reduce((sum, { code }) => sum + LIST_NAMES.reduce((n, name) => n + summary.locales[code]!.lists[name].count, 0), 0) - report.fetched;
    return { fetched: null, nodes: null, report, summary: summaryAsOf(summary, fetchedAt, mediaAnswer, answers, overlapMs) };
  }
  const read = previous ? await (keptRead ?? previous.read()) : null;
  if (read && !read.nodes) {
    // The summary was there, a list was not: read everything, as without kept nodes.
    const again = await fetchNodesSince(client, locales, null, { overlapMs, drafts });
    again.report.notes.unshift(`full fetch: ${read.reason}`);
    return again;
  }
  const keptNodes = read?.nodes ?? null;

  const files = await settleList(client, media, '', keptNodes?.media, mediaAnswer);
  const touched = new Set<string>();
  for (const file of [...(keptNodes?.media ?? []), ...files.nodes]) if (files.changed.has(file.documentId)) touched.add(file.url);
  const perLocale = await Promise.all(
    locales.map(async (locale) => {
      const kept = keptNodes?.locales[locale.code];
      if (keptNodes && !kept) report.notes.push(`${locale.code} is new: read in full`);
      const draftsOf = draftsSynced.get(locale.code) ?? Promise.resolve(nothingRead);
      return syncLocale(client, locale, kept, answers.get(locale.code)!, { touched, notes: report.notes, drafts, draftsOf });
    }),
  );
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
    keptNodes !== null &&
    JSON.stringify(keptNodes.localeList) === JSON.stringify(locales) &&
    files.changed.size === 0 &&
    perLocale.every(({ nodes: n, synced }) => {
      const kept = keptNodes.locales[n.locale.code];
      return (
        synced.every((s) => s.changed.size === 0) &&
        JSON.stringify([kept?.global, kept?.selfAssessment]) === JSON.stringify([n.global, n.selfAssessment])
      );
    });
  return { fetched: perLocale.map((p) => p.nodes), nodes, report, summary: null };
}

/** Records an answer brought. */
const receivedIn = (answer: ListAnswer<unknown> | null) => (answer === null ? 0 : 'full' in answer ? answer.full.length : answer.delta.length);

async function syncLocale(
  client: ContentClient,
  locale: Locale,
  kept: LocaleNodeSets | undefined,
  answers: LocaleAnswers,
  { touched, notes, drafts, draftsOf }: { touched: Set<string>; notes: string[]; drafts: boolean; draftsOf: Promise<Synced<ArticleDraftFragment>> },
): Promise<{ nodes: LocaleNodes; synced: Synced<unknown>[] }> {
  const code = locale.code;
  const settle = <N extends { documentId: string }>(collection: Collection<N>, keptNodes: N[] | undefined, answer: ListAnswer<N> | null) =>
    answer ? settleList(client, collection, code, keptNodes, answer) : Promise.resolve(nothingRead as Synced<N>);
  const { lists } = answers;
  const [articlesDelta, draftsDelta, authorsDelta, topicsOf, providersOf, textsOf] = await Promise.all([
    settle(articles, kept?.articles, lists.articles),
    draftsOf,
    settle(authors, kept?.authors, lists.authors),
    settle(topics, kept?.topics, lists.topics),
    settle(providers, kept?.providers, lists.providers),
    settle(interfaceTexts, kept?.interfaceTexts, lists.interfaceTexts),
  ]);
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
  let draftsResult = draftsDelta;
  if (kept && (linksChanged || coverChanged)) {
    notes.push(`${drafts ? 'article drafts' : 'articles'} of ${code} read in full: ${linksChanged ? 'an author or topic is gone' : 'a cover image changed'}`);
    if (drafts) {
      wasted.push(draftsDelta);
      draftsResult = await syncDrafts(client, code, kept.articleDrafts, { full: true });
    } else {
      wasted.push(articlesDelta);
      articlesOf = await syncCollection(client, articles, code, kept.articles, { full: true });
    }
  }
  return {
    nodes: {
      locale,
      global: answers.global,
      selfAssessment: answers.selfAssessment,
      articles: articlesOf.nodes,
      articleDrafts: draftsResult.nodes,
      authors: authorsOf.nodes,
      topics: topicsOf.nodes,
      providers: providersOf.nodes,
      interfaceTexts: textsOf.nodes,
    },
    // A delta superseded by a full read still cost its records: counted as fetched, not as re-used.
    synced: [articlesOf, draftsResult, authorsOf, topicsOf, providersOf, textsOf, ...wasted.map((w) => ({ ...w, reused: 0 }))],
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
