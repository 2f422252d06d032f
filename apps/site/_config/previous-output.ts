import type { SearchOrder } from '../src/indexed-pages.js';
import type { EarlyRun, SearchInputs } from './search-runs.js';

/**
 * What an incremental build knows of the previous output: where it is, its indexed files with
 * their search language and the order its indexes took them in, and which of its files this
 * build took over unchanged. The plugins that write files after the pages (search index,
 * find-care data) take what is unchanged from it.
 * For the search index also: the search input of its indexed pages as far as read ahead, and a
 * Pagefind run the build started before its plan (search-runs.ts), or null.
 */
export type PreviousOutput = {
  dir: string;
  indexed: ReadonlyMap<string, string>;
  indexedOrder: SearchOrder;
  carried: ReadonlySet<string>;
  inputs: SearchInputs;
  early: EarlyRun | null;
};

const previousOutputs = new WeakMap<object, PreviousOutput>();

export function knowPreviousOutput(eleventyConfig: object, previous: PreviousOutput) {
  previousOutputs.set(eleventyConfig, previous);
}

/** The previous output of an incremental build; null for a cold one. */
export function previousOutputOf(eleventyConfig: object): PreviousOutput | null {
  return previousOutputs.get(eleventyConfig) ?? null;
}
