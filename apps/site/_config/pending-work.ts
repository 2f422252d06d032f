/**
 * Work an `eleventy.after` handler may leave running when Eleventy's build returns, for the build
 * to await before it swaps the output in: src/build.ts writes its cache files meanwhile, while
 * Pagefind finishes the search index on the other core. Without a build collecting it (under
 * `eleventy --serve`), a handler awaits its own work.
 */
const collected = new WeakMap<object, Promise<unknown>[]>();

/** Collects the work handed over in this Eleventy config's builds; the build awaits the list. */
export function collectPendingWork(eleventyConfig: object): Promise<unknown>[] {
  const work: Promise<unknown>[] = [];
  collected.set(eleventyConfig, work);
  return work;
}

/** Hands `work` over to the build collecting it, or awaits it. */
export async function handOver(eleventyConfig: object, work: Promise<unknown>) {
  const list = collected.get(eleventyConfig);
  if (!list) return void (await work);
  // Awaited by the build; failing meanwhile is not an unhandled rejection.
  work.catch(() => {});
  list.push(work);
}
