import type { ContentClient } from '../client.js';
import { articleDraftsQuery, articleDraftVersionsQuery } from '../content-types/article-draft.js';
import type { ArticleDraftFragment } from '../generated/graphql.js';
import { PAGE_SIZE } from './collections.js';
import { changedIds, chunks } from './merge.js';
import type { Synced } from './sync.js';

/** The CMS lists draft versions (two short fields each) ten times as many a page as drafts (apps/cms/src/article-drafts.ts). */
const VERSIONS_PAGE_SIZE = 10 * PAGE_SIZE;

const allDrafts = (client: ContentClient, locale: string) =>
  client.fetchAllPages(articleDraftsQuery, { locale }, (d) => d.articleDrafts, PAGE_SIZE);

/**
 * A preview's article drafts of one locale as the CMS has them now. A draft's own stamps do not
 * tell every change (a discarded draft comes back with the published version's stamp, publishing
 * leaves the draft as it was), so instead of a cursor every draft's `version` is listed (a few
 * bytes each; the CMS changes it on each of those) and only the drafts whose version differs from
 * the kept one, or that are new, are read in full. Without kept drafts, or with `full`, reads them all.
 */
export async function syncDrafts(
  client: ContentClient,
  locale: string,
  kept: ArticleDraftFragment[] | undefined,
  { full = false }: { full?: boolean } = {},
): Promise<Synced<ArticleDraftFragment>> {
  if (!kept || full) {
    const nodes = await allDrafts(client, locale);
    return { nodes, changed: changedIds(kept ?? [], nodes), fetched: nodes.length, reused: 0, full: true };
  }
  const listed = await client.fetchAllPages(articleDraftVersionsQuery, { locale }, (d) => d.articleDraftVersions, VERSIONS_PAGE_SIZE);
  const keptById = new Map(kept.map((d) => [d.documentId, d]));
  const stale = new Set(listed.filter((v) => keptById.get(v.documentId)?.version !== v.version).map((v) => v.documentId));
  const fresh = new Map<string, ArticleDraftFragment>();
  for (const ids of chunks([...stale], PAGE_SIZE)) {
    const { articleDrafts } = await client.request(articleDraftsQuery, { locale, documentIds: ids, pageSize: PAGE_SIZE });
    for (const node of articleDrafts.nodes) fresh.set(node.documentId, node);
  }
  // A stale draft that did not come back was deleted in between: it is gone from this build too.
  const nodes = listed.flatMap((v) => fresh.get(v.documentId) ?? (stale.has(v.documentId) ? [] : [keptById.get(v.documentId)!]));
  return { nodes, changed: changedIds(kept, nodes), fetched: fresh.size, reused: nodes.length - fresh.size, full: false };
}
