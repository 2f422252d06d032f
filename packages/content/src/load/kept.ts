import crypto from 'node:crypto';
import type { Locale } from '../content-types/locale.js';
import { media, PAGE_SIZE } from './collections.js';
import type { ContentNodes, LocaleNodeSets } from './incremental.js';
import { LIST_COLLECTIONS, LIST_NAMES, type ListName, type LocaleAnswers } from './locale-sync.js';
import { deltaCursor, type ListAnswer } from './sync.js';
import { newestStamp, SAFETY_OVERLAP_MS } from './merge.js';

/**
 * What an incremental fetch needs of one kept list before it has the list itself: how many
 * records it holds, its newest stamp (the delta's cursor; null: nothing to ask from, it is read in
 * full), and the hash of each record the next delta will bring back anyway (stamped within the
 * safety overlap; null when there are more than a page of them).
 */
export type ListSummary = { count: number; newest: number | null; recent: Record<string, string> | null };

/** Kept nodes in a few hundred bytes: enough to ask for the deltas, and to tell that nothing changed. */
export type KeptSummary = {
  fetchedAt: string | null;
  localeList: Locale[];
  media: ListSummary;
  locales: Record<string, Pick<LocaleNodeSets, 'global' | 'selfAssessment'> & { lists: Record<ListName, ListSummary> }>;
};

export type KeptNodesRead = { nodes: ContentNodes } | { nodes: null; reason: string };

/**
 * The nodes an earlier load returned, as a later one takes them: the summary at once, the nodes
 * when it needs them. A site build reads the kept lists (megabytes of JSON) once the CMS's answers
 * to the deltas show a change, and not at all when they show none.
 */
export type KeptContent = { summary: KeptSummary; read: () => Promise<KeptNodesRead> };

/** Kept nodes already at hand. `overlapMs` as the load that will use them. */
export function keptContentOf(nodes: ContentNodes, overlapMs = SAFETY_OVERLAP_MS): KeptContent {
  const read: KeptNodesRead = { nodes };
  return { summary: summarizeNodes(nodes, overlapMs), read: async () => read };
}

type Stamps = (node: { documentId: string }) => (string | null | undefined)[];

/** The records of `list` the next delta brings back (stamped since its cursor, less the overlap), by hash; null past a page of them. */
function recentOf(list: { documentId: string }[], stamps: Stamps, newest: number, fetchedAt: string | null, overlapMs: number) {
  // What the next delta asks from (sync.ts).
  const since = deltaCursor(newest, fetchedAt) - overlapMs;
  const again = list.filter((node) => stamps(node).some((stamp) => stamp && Date.parse(stamp) >= since));
  return again.length > PAGE_SIZE ? null : Object.fromEntries(again.map((n) => [n.documentId, hashOf(n)]));
}

export function summarizeNodes(nodes: ContentNodes, overlapMs = SAFETY_OVERLAP_MS): KeptSummary {
  const summarize = <N extends { documentId: string }>(list: N[], stamps: (node: N) => (string | null | undefined)[]): ListSummary => {
    const newest = newestStamp(list, stamps);
    if (newest === null) return { count: list.length, newest, recent: null };
    return { count: list.length, newest, recent: recentOf(list, stamps as Stamps, newest, nodes.fetchedAt, overlapMs) };
  };
  const locales: KeptSummary['locales'] = {};
  for (const [code, sets] of Object.entries(nodes.locales)) {
    const lists = {} as Record<ListName, ListSummary>;
    for (const name of LIST_NAMES) lists[name] = summarize(sets[name] as { documentId: string }[], LIST_COLLECTIONS[name].stamps as (node: unknown) => (string | null | undefined)[]);
    locales[code] = { global: sets.global, selfAssessment: sets.selfAssessment, lists };
  }
  return { fetchedAt: nodes.fetchedAt, localeList: nodes.localeList, media: summarize(nodes.media, media.stamps), locales };
}

/**
 * Whether the CMS's answers show the content to be the kept nodes' exactly, as far as a summary
 * can tell: every delta brought back only records kept as they are, and every count is the
 * kept one's (so nothing vanished: a record gone with another arrived is the limit every delta
 * has, sync.ts). False when in doubt: the lists are then read and compared in full.
 */
export function unchangedPerSummary(summary: KeptSummary, locales: Locale[], mediaAnswer: ListAnswer<{ documentId: string }>, answers: Map<string, LocaleAnswers>) {
  if (JSON.stringify(summary.localeList) !== JSON.stringify(locales) || !listUnchanged(summary.media, mediaAnswer)) return false;
  return locales.every(({ code }) => {
    const kept = summary.locales[code];
    const answer = answers.get(code);
    return (
      kept !== undefined &&
      answer !== undefined &&
      JSON.stringify([kept.global, kept.selfAssessment]) === JSON.stringify([answer.global, answer.selfAssessment]) &&
      LIST_NAMES.every((name) => listUnchanged(kept.lists[name], answer.lists[name]))
    );
  });
}

function listUnchanged(kept: ListSummary, answer: ListAnswer<{ documentId: string }> | null) {
  if (answer === null) return false;
  if ('full' in answer) return kept.count === 0 && answer.full.length === 0;
  const recent = kept.recent;
  return recent !== null && answer.total === kept.count && answer.delta.every((node) => recent[node.documentId] === hashOf(node));
}

/**
 * The summary of kept nodes that the CMS's answers showed to be unchanged (unchangedPerSummary),
 * as of the fetch that asked (`fetchedAt`, its start): what summarizeNodes makes of the same nodes
 * with that start. The next delta then asks from it rather than from the kept fetch's start, so
 * records stamped long before (a bulk load's last ones, within the overlap of the build after it)
 * are not asked for again by every build that finds nothing changed. The records recent as of
 * `fetchedAt` are among the ones the answers brought back, which hash as the kept ones do, as long
 * as it is later than the kept fetch's start: a fetch no later (the CMS's clock stepped back, or it
 * sent none) leaves the summary as it is.
 */
export function summaryAsOf(
  summary: KeptSummary,
  fetchedAt: string | null,
  mediaAnswer: ListAnswer<{ documentId: string }>,
  answers: Map<string, LocaleAnswers>,
  overlapMs = SAFETY_OVERLAP_MS,
): KeptSummary {
  if (fetchedAt === null || (summary.fetchedAt !== null && !(Date.parse(fetchedAt) > Date.parse(summary.fetchedAt)))) return summary;
  const asOf = (kept: ListSummary, answer: ListAnswer<{ documentId: string }> | null, stamps: Stamps): ListSummary =>
    kept.newest === null || answer === null || 'full' in answer ? kept : { ...kept, recent: recentOf(answer.delta, stamps, kept.newest, fetchedAt, overlapMs) };
  const locales: KeptSummary['locales'] = {};
  for (const [code, kept] of Object.entries(summary.locales)) {
    const lists = {} as Record<ListName, ListSummary>;
    for (const name of LIST_NAMES) lists[name] = asOf(kept.lists[name], answers.get(code)?.lists[name] ?? null, LIST_COLLECTIONS[name].stamps as Stamps);
    locales[code] = { ...kept, lists };
  }
  return { ...summary, fetchedAt, media: asOf(summary.media, mediaAnswer, media.stamps as Stamps), locales };
}

const hashOf = (node: unknown) => crypto.createHash('sha256').update(JSON.stringify(node)).digest('base64url').slice(0, 22);
