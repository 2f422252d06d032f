import type * as Pagefind from 'pagefind';

/**
 * Pagefind's API, imported when a build first indexes: a build that renders nothing never does,
 * and its start is 20-27 ms quicker without it.
 *
 * Its service is one process that indexes on one core: two indexes sent to it at once take as long
 * as one after the other (four parts of 250 pages: 1.31 s either way), while the build's own thread
 * mostly waits. The module keeps its service in a module-level variable, so each instance of it
 * (imported under a URL of its own) has a service of its own: with two, four parts take 0.9 s, and
 * make the same files. A build makes its indexes on both, each new index on the one with fewer
 * open; the first is the one a waiting build process warms up (search-runs.ts, warmUpSearch).
 */
const SERVICES = 2;
const apis: (Promise<typeof Pagefind> | undefined)[] = [];
const open = Array.from({ length: SERVICES }, () => 0);

function api(service: number) {
  return (apis[service] ??= service === 0 ? import('pagefind') : (import(`${import.meta.resolve('pagefind')}?service=${service}`) as Promise<typeof Pagefind>));
}

/** A new index, on `service` (0: the one warmed up) or else on the service with the fewest indexes open. */
export async function createSearchIndex(service = open.indexOf(Math.min(...open))) {
  open[service]! += 1;
  const made = await (await api(service)).createIndex({});
  if (!made.index) {
    open[service]! -= 1;
    return { ...made, service };
  }
  const { index } = made;
  // Not below none: closing a service counts its indexes gone already.
  const deleteIndex: typeof index.deleteIndex = async () => {
    open[service] = Math.max(0, open[service]! - 1);
    return index.deleteIndex();
  };
  return { ...made, index: { ...index, deleteIndex }, service };
}

/** Stops Pagefind's service `service` (every one, without), if it was started: its indexes go with it. */
export async function closeSearchService(service?: number) {
  const which = service === undefined ? [...apis.keys()] : [service];
  await Promise.all(
    which.map(async (s) => {
      const loaded = apis[s];
      if (!loaded) return;
      open[s] = 0;
      await (await loaded).close();
    }),
  );
}

export type SearchIndex = NonNullable<Awaited<ReturnType<typeof Pagefind.createIndex>>['index']>;
