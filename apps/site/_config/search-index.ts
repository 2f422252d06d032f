import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { isIndexedPage } from '../src/indexed-pages.js';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

/** What an incremental build knows of the previous output: where it is, and which of its files are indexed. */
export type PreviousOutput = { dir: string; indexed: ReadonlySet<string> };
const previousOutputs = new WeakMap<object, PreviousOutput>();

/** For an incremental build: its carried pages are the previous output's, and so is its index if Pagefind would get the same pages. */
export function knowPreviousOutput(eleventyConfig: object, previous: PreviousOutput) {
  previousOutputs.set(eleventyConfig, previous);
}

/**
 * The article search's index, built with Pagefind once the pages are written: only elements
 * marked data-pagefind-body (the articles) are indexed, one index per <html lang>, into /pagefind/.
 *
 * Pagefind over the output folder would read and parse all 14,000 pages; only pages with the
 * attribute can be in the index, and this build saw which of its pages have it (a transform,
 * the last one, so it sees the HTML as written). So Pagefind gets those pages' files, plus those
 * this build did not render (an incremental build's unchanged ones) that have it, in the order
 * its own folder walk would take them (the index numbers pages in that order). Should no page
 * have the attribute, Pagefind indexes every page, as it does over a folder: it gets the folder.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig) {
  /** Output files (relative, with "/") this build rendered, and whether each has the attribute. */
  let rendered = new Map<string, boolean>();

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
      rendered.set(file.split(path.sep).join('/'), isIndexedPage(content));
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
    const previous = previousOutputs.get(eleventyConfig) ?? null;
    // A page this build did not render was carried from the previous output: indexed as it was there.
    const isIndexed = (file: string) => rendered.get(file) ?? previous?.indexed.has(file) ?? null;
    if (previous && (await reusePreviousIndex(outputDir, previous, rendered, isIndexed))) {
      console.log(`[solace] search index: the indexed pages are unchanged, index taken from the previous build (${Math.round(performance.now() - started)} ms)`);
      return;
    }
    const pages = await buildSearchIndex(outputDir, isIndexed);
    console.log(`[solace] search index: ${pages} pages indexed in ${Math.round(performance.now() - started)} ms`);
  });
}

/**
 * Pagefind's output depends only on what it is given (the pages, in order) and on its version
 * and options, which only change with the code (and then the build is a cold one, which does not
 * reuse). So when this build would give it exactly the pages, bytes and order, that the previous
 * build's output holds, the previous index is this build's: its files are linked in. Compared:
 * the indexed pages of both folders in walk order (known without reading them), and the bytes
 * of each page this build rendered; a carried page is a link to the previous one.
 */
async function reusePreviousIndex(
  outputDir: string,
  previous: PreviousOutput,
  rendered: Map<string, boolean>,
  isIndexed: (file: string) => boolean | null,
) {
  const previousIndex = path.join(previous.dir, 'pagefind');
  if (!fsSync.existsSync(previousIndex)) return false;
  const now = [...walkHtmlFiles(outputDir)].filter((file) => isIndexed(file));
  const before = [...walkHtmlFiles(previous.dir)].filter((file) => previous.indexed.has(file));
  if (now.length === 0 || now.length !== before.length || now.some((file, i) => file !== before[i])) return false;
  for (const file of now) {
    if (rendered.has(file) && !(await sameBytes(path.join(outputDir, file), path.join(previous.dir, file)))) return false;
  }
  await linkTree(previousIndex, path.join(outputDir, 'pagefind'));
  return true;
}

async function sameBytes(a: string, b: string) {
  const [ca, cb] = await Promise.all([fs.readFile(a), fs.readFile(b).catch(() => null)]);
  return cb !== null && ca.equals(cb);
}

/** Hard links of every file of a folder (the previous output is never written to again). */
async function linkTree(from: string, to: string) {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await fs.link(source, target).catch(() => fs.copyFile(source, target));
  }
}

async function buildSearchIndex(outputDir: string, isIndexed: (file: string) => boolean | null) {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent one after the other without waiting: Pagefind takes them in the order they come.
    const added: Promise<string[]>[] = [];
    for (const file of walkHtmlFiles(outputDir)) {
      if (isIndexed(file) === false) continue;
      const content = await fs.readFile(path.join(outputDir, file), 'utf8');
      if (!isIndexedPage(content)) continue;
      added.push(index.addHTMLFile({ sourcePath: file, content }).then((r) => r.errors.map((e) => `${file}: ${e}`)));
    }
    const failed = (await Promise.all(added)).flat();
    if (failed.length) throw new Error(`Pagefind could not index ${outputDir}: ${failed.join('; ')}`);
    let pages = added.length;
    if (!pages) {
      const all = await index.addDirectory({ path: outputDir });
      if (all.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${all.errors.join('; ')}`);
      pages = all.page_count;
    }
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}

/**
 * The HTML files under a folder (relative, with "/") in the order Pagefind's own walk takes
 * them: depth first, each folder's entries in the order the file system lists them (not sorted:
 * fs.opendir, unlike fs.readdir, does not sort).
 */
function* walkHtmlFiles(root: string, dir = ''): Generator<string> {
  const handle = fsSync.opendirSync(path.join(root, dir));
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
      const file = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* walkHtmlFiles(root, file);
      else if (entry.isFile() && entry.name.endsWith('.html')) yield file;
    }
  } finally {
    handle.closeSync();
  }
}
