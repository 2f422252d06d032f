import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { carryOverAll } from '../src/incremental/copy.js';
import { searchInputOf, searchLanguageOf } from '../src/indexed-pages.js';
import { previousOutputOf, type PreviousOutput } from './previous-output.js';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

/**
 * The article search's index, built with Pagefind once the pages are written: only elements
 * marked data-pagefind-body (the articles) are indexed, one index per <html lang>, into /pagefind/.
 *
 * Pagefind over the output folder would read and parse all 14,000 pages; only pages with the
 * attribute can be in the index, and this build knows which of its pages have it, and in which
 * language: those it rendered (a transform, the last one, sees the HTML as written) and those it
 * carried (the previous build recorded them). Pagefind indexes each language on its own (its
 * files for one language do not depend on the others'), so each language is indexed in a run of
 * its own, from its pages in path order (the index numbers pages in the order they come), and the
 * runs' files are put together under one pagefind-entry.json. An incremental build takes a
 * language's files from the previous output when that language's pages are the same: an edit
 * re-indexes its own language only. Should no page have the attribute, Pagefind indexes every
 * page of the folder, as its own CLI would.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig) {
  /** Output files (relative, with "/") this build rendered, with their search language (null: not indexed). */
  let rendered = new Map<string, string | null>();

  /** A one-off build into files: nothing reads the pages' output from memory (see the transform). */
  let asBytes = false;

  eleventyConfig.on('eleventy.before', (event: { runMode?: string; outputMode?: string }) => {
    rendered = new Map();
    asBytes = event?.runMode === 'build' && event?.outputMode === 'fs';
  });

  eleventyConfig.addTransform('search-index', (content: unknown, outputPath: unknown) => {
    if (typeof content !== 'string' || typeof outputPath !== 'string') return content;
    if (outputPath.endsWith('.html')) {
      const file = path.relative(path.resolve(eleventyConfig.directories.output), path.resolve(outputPath));
      rendered.set(file.split(path.sep).join('/'), searchLanguageOf(content));
    }
    // Eleventy keeps every page's output until the build ends (14,000 pages, 114 MB of UTF-8):
    // as a string with one character outside Latin-1 (the "–" of every title) that is two bytes
    // a character; as the UTF-8 it is written as, half that. The same bytes reach the file.
    return asBytes ? Buffer.from(content) : content;
  });

  eleventyConfig.on('eleventy.after', async (event: AfterBuild) => {
    const outputDir = outputDirOf(eleventyConfig, event);
    if (!outputDir) return;
    const started = performance.now();
    const done = await buildSearchIndex(outputDir, rendered, previousOutputOf(eleventyConfig));
    console.log(`[solace] search index: ${done} (${Math.round(performance.now() - started)} ms)`);
  });
}

type LanguageEntry = { hash: string; wasm: string | null; page_count: number };
type Entry = { version: string; languages: Record<string, LanguageEntry>; include_characters: string[] };
const ENTRY_FILE = 'pagefind-entry.json';

async function buildSearchIndex(outputDir: string, rendered: Map<string, string | null>, previous: PreviousOutput | null) {
  const indexDir = path.join(outputDir, 'pagefind');
  // A page this build did not render was carried from the previous output: indexed as it was there.
  const carried = previous ? [...previous.indexed].filter(([file]) => previous.carried.has(file) && !rendered.has(file)) : [];
  const pages = pagesByLanguage([...rendered, ...carried]);
  if (pages.size === 0) return `${await indexWholeFolder(outputDir, indexDir)} pages indexed (no page marked: the whole folder)`;

  const previousEntry = previous ? await readEntry(path.join(previous.dir, 'pagefind')) : null;
  const previousPages = previous && previousEntry ? pagesByLanguage(previous.indexed) : null;
  const reused: string[] = [];
  const fresh: string[] = [];
  for (const [language, files] of pages) {
    const before = previousPages?.get(language);
    const same = previousEntry?.languages[language] && before && (await samePages(outputDir, previous!.dir, files, before, rendered));
    (same ? reused : fresh).push(language);
  }
  if (fresh.length === 0 && previousPages!.size === pages.size) {
    await linkTree(path.join(previous!.dir, 'pagefind'), indexDir);
    return 'the indexed pages are unchanged, index taken from the previous build';
  }

  const languages: Record<string, LanguageEntry> = {};
  for (const language of reused) {
    await linkLanguage(path.join(previous!.dir, 'pagefind'), indexDir, language, previousEntry!.languages[language]!);
    languages[language] = previousEntry!.languages[language]!;
  }
  // The files every run writes alike (the search's scripts, pagefind-entry.json's other fields)
  // come from the first fresh run, or from the previous index when no language is fresh.
  let shared: Omit<Entry, 'languages'> | null = null;
  // One language at a time: Pagefind's service uses both cores on one already.
  for (const [i, language] of fresh.entries()) {
    const runDir = `${outputDir}.pagefind-${i}`;
    try {
      const entry = await indexLanguage(outputDir, pages.get(language)!, runDir);
      const written = Object.keys(entry.languages);
      if (written.length !== 1 || written[0] !== language) {
        throw new Error(`Pagefind wrote the index of ${JSON.stringify(language)} pages as ${written.join(', ')}: the site's idea of a page's search language (src/indexed-pages.ts) is out of date`);
      }
      languages[language] = entry.languages[language]!;
      await moveFiles(runDir, indexDir, (name, inFolder) => inFolder || !shared || !isSharedFile(name));
      shared ??= { version: entry.version, include_characters: entry.include_characters };
    } finally {
      await fs.rm(runDir, { recursive: true, force: true });
    }
  }
  if (!shared) {
    await linkFiles(path.join(previous!.dir, 'pagefind'), indexDir, (name, inFolder) => !inFolder && isSharedFile(name));
    shared = { version: previousEntry!.version, include_characters: previousEntry!.include_characters };
  }
  const entry: Entry = { version: shared.version, languages: sortedByKey(languages), include_characters: shared.include_characters };
  await fs.writeFile(path.join(indexDir, ENTRY_FILE), JSON.stringify(entry));
  const count = (list: string[]) => list.reduce((sum, l) => sum + pages.get(l)!.length, 0);
  return (
    `${count(fresh)} pages indexed (${fresh.join(', ')})` +
    (reused.length ? `, ${reused.join(', ')} unchanged and taken from the previous build (${count(reused)} pages)` : '')
  );
}

/** Indexed pages by language, each list in path order (null: not indexed). */
function pagesByLanguage(files: Iterable<readonly [string, string | null]>) {
  const pages = new Map<string, string[]>();
  for (const [file, language] of files) {
    if (language === null) continue;
    let list = pages.get(language);
    if (!list) pages.set(language, (list = []));
    list.push(file);
  }
  for (const list of pages.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return pages;
}

/**
 * Pagefind's files for a language depend only on what it is given (the pages' search input,
 * src/indexed-pages.ts, in order) and on its version and options, which only change with the
 * code (and then the build is a cold one, which does not reuse). So when this build gives it
 * exactly the input the previous output's index of that language was made from, that index is
 * this build's. Compared: the file lists (known without reading them), and the search input of
 * each page this build rendered; a carried page is a link to the previous one.
 */
async function samePages(outputDir: string, previousDir: string, now: string[], before: string[], rendered: Map<string, string | null>) {
  if (now.length !== before.length || now.some((file, i) => file !== before[i])) return false;
  const compared = now.filter((file) => rendered.has(file)).map((file) => sameSearchInput(path.join(outputDir, file), path.join(previousDir, file)));
  return (await Promise.all(compared)).every(Boolean);
}

async function sameSearchInput(a: string, b: string) {
  const [ca, cb] = await Promise.all([fs.readFile(a, 'utf8'), fs.readFile(b, 'utf8').catch(() => null)]);
  return cb !== null && searchInputOf(ca) === searchInputOf(cb);
}

async function readEntry(indexDir: string): Promise<Entry | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(indexDir, ENTRY_FILE), 'utf8')) as Entry;
  } catch {
    return null;
  }
}

/**
 * A language's files of a Pagefind index: its meta file, its stemmer, and in each folder the files
 * named `<language>_<hash>.pf_<kind>` (the hash has no "_", so "fr" never takes "fr_ca_..." files).
 */
function isLanguageFile(name: string, language: string, entry: LanguageEntry, inFolder: boolean) {
  if (!inFolder) return name === `pagefind.${entry.hash}.pf_meta` || (entry.wasm !== null && name === `wasm.${entry.wasm}.pagefind`);
  return name.startsWith(`${language}_`) && !name.slice(language.length + 1).split('.')[0]!.includes('_');
}

/** The top-level files every Pagefind run writes alike: its scripts and styles, and the stemmer-less wasm. */
const isSharedFile = (name: string) => name !== ENTRY_FILE && !/^pagefind\..*\.pf_meta$/.test(name) && !/^wasm\.(?!unknown\.).*\.pagefind$/.test(name);

type Pick = (name: string, inFolder: boolean) => boolean;

/** Hard links of one language's files of the previous index (the previous output is never written to again). */
const linkLanguage = (from: string, to: string, language: string, entry: LanguageEntry) =>
  linkFiles(from, to, (name, inFolder) => isLanguageFile(name, language, entry, inFolder));

/** Hard links of every file of a folder. */
const linkTree = (from: string, to: string) => linkFiles(from, to, () => true);

/** Hard links of the files of a folder that `pick` takes, as the build carries pages. */
async function linkFiles(from: string, to: string, pick: Pick) {
  await fs.mkdir(to, { recursive: true });
  await carryOverAll(from, to, await pickedFiles(from, pick), 'link');
}

/** Moves the files of a run's folder that `pick` takes into the index (not its pagefind-entry.json). */
async function moveFiles(from: string, to: string, pick: Pick) {
  const folders = new Set<string>();
  for (const file of await pickedFiles(from, (name, inFolder) => name !== ENTRY_FILE && pick(name, inFolder))) {
    const target = path.join(to, file);
    if (!folders.has(path.dirname(target))) await fs.mkdir(path.dirname(target), { recursive: true });
    folders.add(path.dirname(target));
    await fs.rename(path.join(from, file), target);
  }
}

/** The files of a folder, sub-folders included (paths relative to it), that `pick` takes. */
async function pickedFiles(from: string, pick: Pick) {
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)))
    .filter((file) => pick(path.basename(file), file.includes(path.sep)));
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One language's index, written into `runDir`; its pagefind-entry.json is returned. */
async function indexLanguage(outputDir: string, files: string[], runDir: string): Promise<Entry> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent one after the other without waiting: Pagefind takes them in the order they come.
    const added = files.map(async (file) => {
      const content = searchInputOf(await fs.readFile(path.join(outputDir, file), 'utf8'))!;
      return { file, content };
    });
    const results: Promise<string[]>[] = [];
    for (const page of added) {
      const { file, content } = await page;
      results.push(index.addHTMLFile({ sourcePath: file, content }).then((r) => r.errors.map((e) => `${file}: ${e}`)));
    }
    const failed = (await Promise.all(results)).flat();
    if (failed.length) throw new Error(`Pagefind could not index ${outputDir}: ${failed.join('; ')}`);
    const written = await index.writeFiles({ outputPath: runDir });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const entry = await readEntry(runDir);
    if (!entry) throw new Error(`Pagefind wrote no ${ENTRY_FILE} into ${runDir}`);
    return entry;
  } finally {
    await pagefind.close();
  }
}

/** No page is marked: Pagefind indexes every page of the folder, as its own CLI would. */
async function indexWholeFolder(outputDir: string, indexDir: string) {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const all = await index.addDirectory({ path: outputDir });
    if (all.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${all.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: indexDir });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return all.page_count;
  } finally {
    await pagefind.close();
  }
}
