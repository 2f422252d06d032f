// The small part of Eleventy's configuration API these plugins use (Eleventy ships no TS types).
export type EleventyConfig = {
  addFilter: (name: string, fn: (...args: never[]) => unknown) => void;
  addAsyncShortcode: (name: string, fn: (...args: never[]) => Promise<string>) => void;
  addGlobalData: (name: string, data: unknown) => void;
  addPassthroughCopy: (paths: string | Record<string, string>) => void;
  addPlugin: (plugin: (config: EleventyConfig) => void) => void;
  setLibrary: (name: string, lib: unknown) => void;
  directories: { output: string; input: string };
  ignores: { add: (glob: string) => void };
  on: (event: string, fn: (...args: never[]) => unknown) => void;
};
