import path from 'node:path';

// The small part of Eleventy's configuration API these plugins use (Eleventy ships no TS types).
export type EleventyConfig = {
  addFilter: (name: string, fn: (...args: never[]) => unknown) => void;
  addTransform: (name: string, fn: (content: unknown, outputPath: unknown) => unknown) => void;
  addAsyncShortcode: (name: string, fn: (...args: never[]) => Promise<string>) => void;
  addGlobalData: (name: string, data: unknown) => void;
  /** Global data added so far (by the Eleventy constructor's `config` option, then by plugins). */
  globalData: Record<string, unknown>;
  addPassthroughCopy: (paths: string | Record<string, string>) => void;
  addWatchTarget: (target: string) => void;
  addPlugin: (plugin: (config: EleventyConfig) => void) => void;
  setLibrary: (name: string, lib: unknown) => void;
  setInputDirectory: (dir: string) => void;
  setIncludesDirectory: (dir: string) => void;
  setDataDirectory: (dir: string) => void;
  setTemplateFormats: (formats: string) => void;
  directories: { output: string; input: string };
  ignores: { add: (glob: string) => void };
  on: (event: string, fn: (...args: never[]) => unknown) => void;
};

/** What Eleventy tells `eleventy.after` listeners (the part these plugins read). */
export type AfterBuild = { outputMode?: string; directories?: { output?: string } } | undefined;

/** Where a finished build wrote its files, or null when it wrote none (serve in memory, --to=json). */
export function outputDirOf(eleventyConfig: EleventyConfig, event: AfterBuild) {
  if (event?.outputMode && event.outputMode !== 'fs') return null;
  return path.resolve(event?.directories?.output ?? eleventyConfig.directories.output);
}
