/**
 * What an incremental build knows of the previous output: where it is, its indexed files with
 * their search language, and which of its files this build took over unchanged. The plugins
 * that write files after the pages (search index, find-care data) take what is unchanged from it.
 */
export type PreviousOutput = { dir: string; indexed: ReadonlyMap<string, string>; carried: ReadonlySet<string> };

const previousOutputs = new WeakMap<object, PreviousOutput>();

export function knowPreviousOutput(eleventyConfig: object, previous: PreviousOutput) {
  previousOutputs.set(eleventyConfig, previous);
}

/** The previous output of an incremental build; null for a cold one. */
export function previousOutputOf(eleventyConfig: object): PreviousOutput | null {
  return previousOutputs.get(eleventyConfig) ?? null;
}
