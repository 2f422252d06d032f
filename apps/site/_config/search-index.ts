import fs from 'node:fs/promises';
import path from 'node:path';
import { closeSearchService, createSearchIndex } from './pagefind-service.js';
import { eachFile, filesIn, filesUnder, placeFile, removeEmptyFolders, sameFile } from '../src/incremental/copy.js';
import { bySearchOrder, searchInputOf, searchLanguageOf, searchOrderOf, type SearchOrder } from '../src/indexed-pages.js';
import { handOver } from './pending-work.js';
import { previousOutputOf, type PreviousOutput } from './previous-output.js';
import { addPages, openRun, startDuringRender, streamWhileWriting, type EarlyRun } from './search-runs.js';
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
 * its own, from its pages in search order (src/indexed-pages.ts: the index numbers pages in the
 * order they come), and the runs' files are put together under one pagefind-entry.json. An
 * incremental build takes a language's files from the previous output when that language's pages
 * are the same: an edit re-indexes its own language only, and that run starts before the plan
 * (src/build.ts) or at the latest while Eleventy renders (search-runs.ts). A build with no
 * previous output gives each language's run its pages as Eleventy writes them (streamWhileWriting).
 * Should no page have the attribute, Pagefind indexes every page of the folder, as its own CLI would.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig) {
  /** Output files (relative, with "/") this build rendered, with their search language (null: not indexed). */
  let rendered = new Map<string, string | null>();
  /** What Pagefind is given of each indexed page this build rendered (src/indexed-pages.ts). */
  let inputs = new Map<string, string>();

  /** A one-off build into files: nothing reads the pages' output from memory (see the transform). */
  let asBytes = false;

  /** The order Pagefind gets pages in (src/indexed-pages.ts), and a language's run started early. */
  let order: SearchOrder = new Map();
  let early: EarlyRun | null = null;
  /** Without a previous output: every language's run, fed as the pages are written. */
  let stream: ReturnType<typeof streamWhileWriting> | null = null;

  eleventyConfig.on('eleventy.before', async (event: { runMode?: string; outputMode?: string }) => {
    rendered = new Map();
    inputs = new Map();
    asBytes = event?.runMode === 'build' && event?.outputMode === 'fs';
    order = searchOrderOf(eleventyConfig.globalData.model);
    const previous = previousOutputOf(eleventyConfig);
    early = previous ? (previous.early ?? startDuringRender(path.resolve(eleventyConfig.directories.output), previous, order)) : null;
    stream = previous ? null : streamWhileWriting(order);
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
          stream.take(file, language, input);
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
    const building = buildSearchIndex(outputDir, { rendered, inputs, order, ahead }, previousOutputOf(eleventyConfig)).then((done) => {
      console.log(`[solace] search index: ${done} (${Math.round(performance.now() - started)} ms after the render)`);
    });
    await handOver(eleventyConfig, building);
  });
}

type LanguageEntry = { hash: string; wasm: string | null; page_count: number };
type Entry = { version: string; languages: Record<string, LanguageEntry>; include_characters: string[] };
const ENTRY_FILE = 'pagefind-entry.json';
export const SEARCH_INDEX_DIR = 'pagefind';

/** `ahead`: runs started before the pages were all written, at most one per language. */
type Rendered = { rendered: Map<string, string | null>; inputs: Map<string, string>; order: SearchOrder; ahead: EarlyRun[] };

async function buildSearchIndex(outputDir: string, rendered: Rendered, previous: PreviousOutput | null) {
  try {
    return await indexPages(outputDir, rendered, previous);
  } finally {
    // Each language's run is deleted once its files are made; the service goes with the last.
    await closeSearchService();
  }
}

async function indexPages(outputDir: string, { rendered, inputs, order, ahead }: Rendered, previous: PreviousOutput | null) {
  const indexDir = path.join(outputDir, SEARCH_INDEX_DIR);
  // A page this build did not render was carried from the previous output: indexed as it was there.
  const carried = previous ? [...previous.indexed].filter(([file]) => previous.carried.has(file) && !rendered.has(file)) : [];
  const pages = pagesByLanguage([...rendered, ...carried], order);
  if (pages.size === 0) {
    await Promise.all(ahead.map((run) => run.discard()));
    return `${await indexWholeFolder(outputDir, indexDir)} pages indexed (no page marked: the whole folder)`;
  }

  const previousIndex = previous ? path.join(previous.dir, SEARCH_INDEX_DIR) : null;
  const previousEntry = previousIndex ? await readEntry(previousIndex) : null;
  const previousPages = previous && previousEntry ? pagesByLanguage(previous.indexed, order) : null;
  const reused: string[] = [];
  const fresh: string[] = [];
  for (const [language, files] of pages) {
    const before = previousPages?.get(language);
    const same = previousEntry?.languages[language] && before && (await samePages(outputDir, previous!.dir, files, before, inputs));
    (same ? reused : fresh).push(language);
  }
  // A language started ahead goes first, if its pages begin as it was given them; otherwise its run is dropped.
  const headStart = new Map<string, EarlyRun>();
  for (const run of ahead) {
    if (fresh.includes(run.language) && run.fits(pages.get(run.language)!, inputs)) headStart.set(run.language, run);
    else await run.discard();
  }
  fresh.sort((a, b) => Number(headStart.has(b)) - Number(headStart.has(a)));

  // Every file of the new index: a link of the previous index's, or bytes from a Pagefind run.
  const files = new Map<string, IndexFile>();
  const linkFrom = async (pick: Pick) => {
    for (const file of await pickedFiles(previousIndex!, pick)) files.set(file, { link: path.join(previousIndex!, file) });
  };
  const languages: Record<string, LanguageEntry> = {};
  for (const language of reused) {
    const entry = previousEntry!.languages[language]!;
    await linkFrom((name, inFolder) => isLanguageFile(name, language, entry, inFolder));
    languages[language] = entry;
  }
  // The files every run writes alike (the search's scripts, pagefind-entry.json's other fields)
  // come from the first fresh run, or from the previous index when no language is fresh.
  let shared: Omit<Entry, 'languages'> | null = null;
  // One language at a time (its remaining pages, then its files): Pagefind's service uses both cores on one already.
  for (const language of fresh) {
    const run = await indexLanguage(outputDir, pages.get(language)!, inputs, headStart.get(language) ?? null);
    const written = Object.keys(run.entry.languages);
    if (written.length !== 1 || written[0] !== language) {
      throw new Error(`Pagefind wrote the index of ${JSON.stringify(language)} pages as ${written.join(', ')}: the site's idea of a page's search language (src/indexed-pages.ts) is out of date`);
    }
    languages[language] = run.entry.languages[language]!;
    for (const [file, bytes] of run.files) {
      const name = path.basename(file);
      if (name === ENTRY_FILE || (shared && !file.includes(path.sep) && isSharedFile(name))) continue;
      files.set(file, { bytes });
    }
    shared ??= { version: run.entry.version, include_characters: run.entry.include_characters };
  }
  if (!shared) {
    await linkFrom((name, inFolder) => !inFolder && isSharedFile(name));
    shared = { version: previousEntry!.version, include_characters: previousEntry!.include_characters };
  }
  const entry: Entry = { version: shared.version, languages: sortedByKey(languages), include_characters: shared.include_characters };
  files.set(ENTRY_FILE, { bytes: Buffer.from(JSON.stringify(entry)) });
  const placed = await placeFiles(indexDir, files);
  const count = (list: string[]) => list.reduce((sum, l) => sum + pages.get(l)!.length, 0);
  return (
    (fresh.length === 0
      ? `the indexed pages are unchanged, index taken from the previous build (${count(reused)} pages)`
      : `${count(fresh)} pages indexed (${fresh.join(', ')})` +
        (reused.length ? `, ${reused.join(', ')} unchanged and taken from the previous build (${count(reused)} pages)` : '')) +
    `; ${placed.written} of ${files.size} files written, ${placed.removed} removed` +
    ahead
      .map((run) => `; ${run.language} ${headStart.get(run.language) === run ? `started ${run.started} with ${run.head.length} pages` : `started ${run.started}, not used (its pages were not as it was given them)`}`)
      .join('')
  );
}

/** Indexed pages by language, each list in search order (null: not indexed). */
function pagesByLanguage(files: Iterable<readonly [string, string | null]>, order: SearchOrder) {
  const pages = new Map<string, string[]>();
  for (const [file, language] of files) {
    if (language === null) continue;
    let list = pages.get(language);
    if (!list) pages.set(language, (list = []));
    list.push(file);
  }
  for (const list of pages.values()) list.sort(bySearchOrder(order));
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

/** The top-level files every Pagefind run writes alike: its scripts and styles, and the stemmer-less wasm. */
const isSharedFile = (name: string) => name !== ENTRY_FILE && !/^pagefind\..*\.pf_meta$/.test(name) && !/^wasm\.(?!unknown\.).*\.pagefind$/.test(name);

type Pick = (name: string, inFolder: boolean) => boolean;

/** A file of the index: a hard link of the previous index's (never written to again), or new bytes. */
type IndexFile = { link: string } | { bytes: Uint8Array };

/**
 * Makes `dir` hold exactly `files`. An incremental build starts in the spare output, where the
 * previous index's files were carried: a file already there and the same (a link of the same
 * file, or the same bytes) stays, so an edit writes only the files its language's index changed
 * (most of its fragments do not). Any other is removed first, never written into: it may be a
 * link of a file of the served output.
 */
async function placeFiles(dir: string, files: Map<string, IndexFile>) {
  const present = new Set(await filesUnder(dir).catch(() => [] as string[]));
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

/** The files of a folder, sub-folders included (paths relative to it), that `pick` takes. */
async function pickedFiles(from: string, pick: Pick) {
  return (await filesUnder(from)).filter((file) => pick(path.basename(file), file.includes(path.sep)));
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One language's index, in memory: its files (paths relative to the index, with the system's
 * separator) and its pagefind-entry.json. Continues `early` when it was given the first pages.
 * Its run is deleted once done, not the service: other languages' runs may be under way in it.
 */
async function indexLanguage(outputDir: string, files: string[], inputs: Map<string, string>, early: EarlyRun | null) {
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
    await placeFiles(indexDir, new Map(made.files.map((f) => [path.normalize(f.path), { bytes: f.content }] as const)));
    return all.page_count;
  } finally {
    await closeSearchService();
  }
}
