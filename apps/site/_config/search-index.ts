import fs from 'node:fs/promises';
import path from 'node:path';
import { closeSearchService, createSearchIndex } from './pagefind-service.js';
import { eachFile, filesIn, filesUnder, placeFile, removeEmptyFolders, sameFile } from '../src/incremental/copy.js';
import { readEnv } from '../src/env.js';
import { SEARCH_PARTS_DIR, searchIndexesInOrder, searchIndexFolder, searchInputOf, searchLanguageOf, searchOrderOf, type SearchIndexPages, type SearchOrder } from '../src/indexed-pages.js';
import { handOver } from './pending-work.js';
import { previousOutputOf, type PreviousOutput } from './previous-output.js';
import { addPages, openRun, startDuringRender, streamWhileWriting, type EarlyRun } from './search-runs.js';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

/**
 * The article search's index, built with Pagefind once the pages are written: only elements
 * marked data-pagefind-body (the articles) are indexed, one index per <html lang> in parts of
 * about SITE_SEARCH_PART_PAGES pages (src/indexed-pages.ts, searchIndexesOf), into /pagefind/,
 * with parts.json saying which parts the search page merges for a language.
 *
 * Pagefind over the output folder would read and parse all 14,000 pages; only pages with the
 * attribute can be in the index, and this build knows which of its pages have it, and in which
 * language: those it rendered (a transform, the last one, sees the HTML as written) and those it
 * carried (the previous build recorded them). Each index is made in a Pagefind run of its own,
 * from its pages in search order (src/indexed-pages.ts: the index numbers pages in the order they
 * come); the languages' main indexes are put together under one pagefind-entry.json, and each
 * other part has its own folder (its entry, meta, index and fragments: the scripts and
 * WebAssembly are the main index's). An incremental build takes an index's files from the
 * previous output when its pages are the same: an edit re-makes its own part only, and that run
 * starts before the plan (src/build.ts) or at the latest while Eleventy renders (search-runs.ts).
 * A build with no previous output gives each index's run its pages as Eleventy writes them
 * (streamWhileWriting).
 * Should no page have the attribute, Pagefind indexes every page of the folder, as its own CLI would.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig) {
  /** Output files (relative, with "/") this build rendered, with their search language (null: not indexed). */
  let rendered = new Map<string, string | null>();
  /** What Pagefind is given of each indexed page this build rendered (src/indexed-pages.ts). */
  let inputs = new Map<string, string>();

  /** A one-off build into files: nothing reads the pages' output from memory (see the transform). */
  let asBytes = false;

  /** The order Pagefind gets pages in (src/indexed-pages.ts), and an index's run started early. */
  let order: SearchOrder = new Map();
  let early: EarlyRun | null = null;
  /** Without a previous output: every index's run, fed as the pages are written. */
  let stream: ReturnType<typeof streamWhileWriting> | null = null;

  eleventyConfig.on('eleventy.before', async (event: { runMode?: string; outputMode?: string }) => {
    rendered = new Map();
    inputs = new Map();
    asBytes = event?.runMode === 'build' && event?.outputMode === 'fs';
    order = searchOrderOf(eleventyConfig.globalData.model);
    const previous = previousOutputOf(eleventyConfig);
    const { searchPartPages } = readEnv();
    early = previous ? (previous.early ?? startDuringRender(path.resolve(eleventyConfig.directories.output), previous, order, searchPartPages)) : null;
    stream = previous ? null : streamWhileWriting(order, searchPartPages);
    // Read and sent before the render begins, which would otherwise hold them up on this thread.
    await early?.sent;
  });

  // Eleventy keeps every page's output until the build ends (14,000 pages, 114 MB of UTF-8):
  // as a string with one character outside Latin-1 (the "–" of every title) that is two bytes
  // a character; as the UTF-8 it is written as, half that. The same bytes reach the file.
  const output = (content: string) => (asBytes ? Buffer.from(content) : content);

  eleventyConfig.addTransform('search-index', (content: unknown, outputPath: unknown) => {
    if (typeof content !== 'string' || typeof outputPath !== 'string') return content;
    if (outputPath.endsWith('.html')) {
      const file = path.relative(path.resolve(eleventyConfig.directories.output), path.resolve(outputPath)).split(path.sep).join('/');
      const language = searchLanguageOf(content);
      rendered.set(file, language);
      if (language !== null) {
        const input = searchInputOf(content)!;
        inputs.set(file, input);
        if (stream) {
          stream.take(file, input);
          // Eleventy writes page after page without a turn of the event loop, and only then do
          // the pages sent reach Pagefind's process: a turn after each indexed page lets them go.
          return new Promise((resolve) => setImmediate(() => resolve(output(content))));
        }
      }
    }
    return output(content);
  });

  eleventyConfig.on('eleventy.after', async (event: AfterBuild) => {
    const outputDir = outputDirOf(eleventyConfig, event);
    if (!outputDir) return;
    const started = performance.now();
    const ahead = [...(early ? [early] : []), ...(stream?.runs() ?? [])];
    const building = buildSearchIndex(outputDir, { rendered, inputs, order, ahead }, previousOutputOf(eleventyConfig), readEnv().searchPartPages).then((done) => {
      console.log(`[solace] search index: ${done} (${Math.round(performance.now() - started)} ms after the render)`);
    });
    await handOver(eleventyConfig, building);
  });
}

type LanguageEntry = { hash: string; wasm: string | null; page_count: number };
type Entry = { version: string; languages: Record<string, LanguageEntry>; include_characters: string[] };
const ENTRY_FILE = 'pagefind-entry.json';
export const SEARCH_INDEX_DIR = 'pagefind';
/**
 * For the search page (public/js/search.js): each language's page count and its indexes other than
 * the main one, by name ("en/1"; in SEARCH_PARTS_DIR/en/1/), which it merges.
 */
const PARTS_FILE = 'parts.json';
type Parts = Record<string, { pages: number; parts: string[] }>;

/** `ahead`: runs started before the pages were all written, at most one per index. */
type Rendered = { rendered: Map<string, string | null>; inputs: Map<string, string>; order: SearchOrder; ahead: EarlyRun[] };

async function buildSearchIndex(outputDir: string, rendered: Rendered, previous: PreviousOutput | null, partPages: number) {
  try {
    return await indexPages(outputDir, rendered, previous, partPages);
  } finally {
    // Each index's run is deleted once its files are made; the service goes with the last.
    await closeSearchService();
  }
}

async function indexPages(outputDir: string, { rendered, inputs, order, ahead }: Rendered, previous: PreviousOutput | null, partPages: number) {
  const indexDir = path.join(outputDir, SEARCH_INDEX_DIR);
  // A page this build did not render was carried from the previous output: indexed as it was there.
  const carried = previous ? [...previous.indexed].filter(([file]) => previous.carried.has(file) && !rendered.has(file)) : [];
  const indexes = indexesInOrder([...rendered, ...carried], order, partPages);
  if (indexes.size === 0) {
    await Promise.all(ahead.map((run) => run.discard()));
    return `${await indexWholeFolder(outputDir, indexDir)} pages indexed (no page marked: the whole folder)`;
  }

  const previousIndex = previous ? path.join(previous.dir, SEARCH_INDEX_DIR) : null;
  const previousEntry = previousIndex ? await readEntry(previousIndex) : null;
  // In the order they were given then: a page whose article changed last moves to the end, though its text may not have changed.
  const previousIndexes = previous && previousEntry ? indexesInOrder(previous.indexed, previous.indexedOrder, partPages) : null;
  /** What the previous index's entry says of an index (each part has an entry of its own). */
  const previousEntryOf = async (name: string, language: string) => {
    const folder = searchIndexFolder(name);
    const entry = folder ? await readEntry(path.join(previousIndex!, folder)) : previousEntry;
    return entry?.languages[language];
  };
  // What the folder holds now (carried from the previous output), listed while the rest goes on.
  const present = filesUnder(indexDir).catch(() => [] as string[]);
  const aheadOf = new Map(ahead.map((run) => [run.index, run]));
  const headStart = new Map<string, EarlyRun>();
  /** The first index a run started ahead of: made while the others are compared and linked (Pagefind works on the other core). */
  let first: { name: string; made: Promise<MadeIndex> } | null = null;
  const reused: string[] = [];
  const fresh: string[] = [];
  // Indexes started ahead are compared first.
  for (const name of [...indexes.keys()].sort((a, b) => Number(aheadOf.has(b)) - Number(aheadOf.has(a)))) {
    const { language, files } = indexes.get(name)!;
    const before = previousIndexes?.get(name);
    const same = before?.language === language && (await previousEntryOf(name, language)) && (await samePages(outputDir, previous!.dir, files, before.files, inputs));
    if (same) {
      reused.push(name);
      continue;
    }
    fresh.push(name);
    // A run started ahead goes on if its index's pages begin as it was given them; otherwise it is dropped.
    const run = aheadOf.get(name);
    if (run?.fits(files, inputs)) headStart.set(name, run);
    if (run && !first && headStart.has(name)) first = { name, made: makeIndex(outputDir, files, inputs, run) };
  }
  for (const run of ahead) if (headStart.get(run.index) !== run) await run.discard();
  fresh.sort((a, b) => Number(headStart.has(b)) - Number(headStart.has(a)) || Number(b === first?.name) - Number(a === first?.name));

  // Every file of the new index: a link of the previous index's, or bytes from a Pagefind run.
  const files = new Map<string, IndexFile>();
  // The previous index's files, listed once (paths relative to it).
  let previousFiles: Promise<string[]> | null = null;
  const linkFrom = async (folder: string, pick: Pick) => {
    const all = await (previousFiles ??= filesUnder(previousIndex!));
    for (const file of pickedFiles(all, folder, pick)) files.set(file, { link: path.join(previousIndex!, file) });
  };
  const languages: Record<string, LanguageEntry> = {};
  for (const name of reused) {
    const { language } = indexes.get(name)!;
    const folder = searchIndexFolder(name);
    if (folder) {
      await linkFrom(folder, () => true);
      continue;
    }
    const entry = previousEntry!.languages[language]!;
    await linkFrom('', (file, inFolder) => isLanguageFile(file, language, entry, inFolder));
    languages[language] = entry;
  }
  // The files every run writes alike (the search's scripts, pagefind-entry.json's other fields)
  // come from the first fresh main index, or from the previous index when none is fresh.
  let shared: Omit<Entry, 'languages'> | null = null;
  // Every index started at once, each new run on the Pagefind service with fewer open: a service
  // makes its indexes one after the other, on one core, and the two services side by side.
  const making = new Map(fresh.map((name) => [name, name === first?.name ? first.made : makeIndex(outputDir, indexes.get(name)!.files, inputs, headStart.get(name) ?? null)]));
  // Awaited in turn below; should one fail first, the others are no unhandled failure.
  for (const made of making.values()) made.catch(() => {});
  for (const name of fresh) {
    const { language } = indexes.get(name)!;
    const run = await making.get(name)!;
    const written = Object.keys(run.entry.languages);
    if (written.length !== 1 || written[0] !== language) {
      throw new Error(`Pagefind wrote the index of ${JSON.stringify(language)} pages as ${written.join(', ')}: the site's idea of a page's search language (src/indexed-pages.ts) is out of date`);
    }
    const folder = searchIndexFolder(name);
    if (folder) {
      // A part: its own entry, meta and folders; the scripts and WebAssembly are the main index's.
      for (const [file, bytes] of run.files) if (file.includes(path.sep) || isPartFile(path.basename(file))) files.set(path.join(folder, file), { bytes });
      continue;
    }
    languages[language] = run.entry.languages[language]!;
    for (const [file, bytes] of run.files) {
      const base = path.basename(file);
      if (base === ENTRY_FILE || (shared && !file.includes(path.sep) && isSharedFile(base))) continue;
      files.set(file, { bytes });
    }
    shared ??= { version: run.entry.version, include_characters: run.entry.include_characters };
  }
  if (!shared) {
    await linkFrom('', (file, inFolder) => !inFolder && isSharedFile(file));
    shared = { version: previousEntry!.version, include_characters: previousEntry!.include_characters };
  }
  const entry: Entry = { version: shared.version, languages: sortedByKey(languages), include_characters: shared.include_characters };
  files.set(ENTRY_FILE, { bytes: Buffer.from(JSON.stringify(entry)) });
  files.set(PARTS_FILE, { bytes: Buffer.from(JSON.stringify(partsOf(indexes))) });
  const placed = await placeFiles(indexDir, files, await present);
  const count = (list: string[]) => list.reduce((sum, name) => sum + indexes.get(name)!.files.length, 0);
  return (
    (fresh.length === 0
      ? `the indexed pages are unchanged, index taken from the previous build (${count(reused)} pages)`
      : `${count(fresh)} pages indexed (${fresh.join(', ')})` +
        (reused.length ? `, ${reused.join(', ')} unchanged and taken from the previous build (${count(reused)} pages)` : '')) +
    `; ${placed.written} of ${files.size} files written, ${placed.removed} removed` +
    ahead
      .map((run) => `; ${run.index} ${headStart.get(run.index) === run ? `started ${run.started} with ${run.head.length} pages` : `started ${run.started}, not used (its pages were not as it was given them)`}`)
      .join('')
  );
}

/** Indexed pages (null: not indexed) in their search indexes, each index's list in search order. */
const indexesInOrder = (files: Iterable<readonly [string, string | null]>, order: SearchOrder, partPages: number) =>
  searchIndexesInOrder(
    [...files].filter((page): page is [string, string] => page[1] !== null),
    order,
    partPages,
  );

function partsOf(indexes: ReadonlyMap<string, SearchIndexPages>): Parts {
  const parts: Parts = {};
  for (const [name, { language, files }] of indexes) {
    const of = (parts[language] ??= { pages: 0, parts: [] });
    of.pages += files.length;
    if (searchIndexFolder(name)) of.parts.push(name);
  }
  return sortedByKey(parts);
}

/**
 * Pagefind's files for an index depend only on what it is given (the pages' search input,
 * src/indexed-pages.ts, in order) and on its version and options, which only change with the
 * code (and then the build is a cold one, which does not reuse). So when this build gives it
 * exactly the input the previous output's index was made from, that index is this build's.
 * Compared: the file lists (known without reading them), and the search input of each page this
 * build rendered; a carried page is a link to the previous one.
 */
async function samePages(outputDir: string, previousDir: string, now: string[], before: string[], inputs: Map<string, string>) {
  if (now.length !== before.length || now.some((file, i) => file !== before[i])) return false;
  const compared = now.filter((file) => inputs.has(file)).map(async (file) => {
    const was = await fs.readFile(path.join(previousDir, file), 'utf8').catch(() => null);
    return was !== null && searchInputOf(was) === inputs.get(file);
  });
  return (await Promise.all(compared)).every(Boolean);
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

/** The top-level files a part of an index keeps (search.js loads the rest from the main index). */
const isPartFile = (name: string) => name === ENTRY_FILE || /^pagefind\..*\.pf_meta$/.test(name);

/** The top-level files every Pagefind run writes alike: its scripts and styles, and the stemmer-less wasm. */
const isSharedFile = (name: string) =>
  name !== ENTRY_FILE && name !== PARTS_FILE && !/^pagefind\..*\.pf_meta$/.test(name) && !/^wasm\.(?!unknown\.).*\.pagefind$/.test(name);

type Pick = (name: string, inFolder: boolean) => boolean;

/** A file of the index: a hard link of the previous index's (never written to again), or new bytes. */
type IndexFile = { link: string } | { bytes: Uint8Array };

/**
 * Makes `dir` hold exactly `files`. An incremental build starts in the spare output, where the
 * previous index's files were carried: a file already there and the same (a link of the same
 * file, or the same bytes) stays, so an edit writes only the files its index changed
 * (most of its fragments do not). Any other is removed first, never written into: it may be a
 * link of a file of the served output.
 */
async function placeFiles(dir: string, files: Map<string, IndexFile>, presentFiles: string[]) {
  const present = new Set(presentFiles);
  const stale = [...present].filter((file) => !files.has(file));
  await eachFile(stale, (file) => fs.unlink(path.join(dir, file)));
  const folders = new Map<string, Promise<unknown>>();
  let written = 0;
  await eachFile([...files], async ([file, content]) => {
    const target = path.join(dir, file);
    if (present.has(file)) {
      if (await isSameFile(target, content)) return;
      await fs.unlink(target);
    } else {
      const folder = path.dirname(target);
      if (!folders.has(folder)) folders.set(folder, fs.mkdir(folder, { recursive: true }));
      await folders.get(folder);
    }
    written++;
    if ('link' in content) await placeFile(content.link, target, 'link');
    else await fs.writeFile(target, content.bytes);
  });
  await removeEmptyFolders(dir);
  return { written, removed: stale.length };
}

async function isSameFile(target: string, content: IndexFile) {
  if ('link' in content) return sameFile(target, content.link);
  if ((await fs.stat(target)).size !== content.bytes.length) return false;
  return Buffer.from(content.bytes).equals(await fs.readFile(target));
}

/** The files of the previous index, as an incremental build carries them into the spare output (paths relative to the output). */
export function searchIndexFiles(outputDir: string) {
  return filesIn(outputDir, SEARCH_INDEX_DIR);
}

/**
 * The files of an index's folder (searchIndexFolder; '' for the main indexes, whose files are not
 * in the parts' folder) that `pick` takes, of `all` the index's files (paths relative to it).
 */
function pickedFiles(all: string[], folder: string, pick: Pick) {
  const prefix = folder ? folder.split('/').join(path.sep) + path.sep : '';
  const parts = SEARCH_PARTS_DIR + path.sep;
  return all.filter((file) => {
    if (prefix ? !file.startsWith(prefix) : file.startsWith(parts)) return false;
    const inIndex = file.slice(prefix.length);
    return pick(path.basename(inIndex), inIndex.includes(path.sep));
  });
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One search index, in memory: its files (paths relative to the index, with the system's
 * separator) and its pagefind-entry.json. Continues `early` when it was given the first pages.
 * Its run is deleted once done, not the service: other indexes' runs may be under way in it.
 */
type MadeIndex = { files: Map<string, Uint8Array>; entry: Entry };

async function makeIndex(outputDir: string, files: string[], inputs: Map<string, string>, early: EarlyRun | null): Promise<MadeIndex> {
  const run = early ? await early.run : await openRun();
  try {
    addPages(run, outputDir, files.slice(run.sent), inputs);
    const failed = (await Promise.all(run.results)).flat();
    if (failed.length) throw new Error(`Pagefind could not index ${outputDir}: ${failed.join('; ')}`);
    const made = await run.index.getFiles();
    if (made.errors.length) throw new Error(`Pagefind could not make its index: ${made.errors.join('; ')}`);
    const written = new Map(made.files.map((f) => [path.normalize(f.path), f.content] as const));
    const entryBytes = written.get(ENTRY_FILE);
    if (!entryBytes) throw new Error(`Pagefind made no ${ENTRY_FILE}`);
    return { files: written, entry: JSON.parse(Buffer.from(entryBytes).toString('utf8')) as Entry };
  } finally {
    // Not to hide why the run failed, should the service be gone.
    await run.index.deleteIndex().catch(() => {});
  }
}

/** No page is marked: Pagefind indexes every page of the folder, as its own CLI would. */
async function indexWholeFolder(outputDir: string, indexDir: string) {
  const { index, errors } = await createSearchIndex();
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const all = await index.addDirectory({ path: outputDir });
    if (all.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${all.errors.join('; ')}`);
    // Placed like any index, not written by Pagefind: the folder may hold links of the served output's files.
    const made = await index.getFiles();
    if (made.errors.length) throw new Error(`Pagefind could not make its index: ${made.errors.join('; ')}`);
    const present = await filesUnder(indexDir).catch(() => [] as string[]);
    await placeFiles(indexDir, new Map(made.files.map((f) => [path.normalize(f.path), { bytes: f.content }] as const)), present);
    return all.page_count;
  } finally {
    await closeSearchService();
  }
}
