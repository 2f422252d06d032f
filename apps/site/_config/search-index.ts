import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

/** Only pages with this attribute (the articles) are indexed, as soon as one page has it. */
const BODY_MARKER = 'data-pagefind-body';

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
      rendered.set(file.split(path.sep).join('/'), content.includes(BODY_MARKER));
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
    const pages = await buildSearchIndex(outputDir, rendered);
    console.log(`[solace] search index: ${pages} pages indexed in ${Math.round(performance.now() - started)} ms`);
  });
}

async function buildSearchIndex(outputDir: string, rendered: Map<string, boolean>) {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent one after the other without waiting: Pagefind takes them in the order they come.
    const added: Promise<string[]>[] = [];
    for (const file of walkHtmlFiles(outputDir)) {
      if (rendered.get(file) === false) continue;
      const content = await fs.readFile(path.join(outputDir, file), 'utf8');
      if (!content.includes(BODY_MARKER)) continue;
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
