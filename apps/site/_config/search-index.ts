import path from 'node:path';
import * as pagefind from 'pagefind';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

/**
 * The article search's index, built with Pagefind over the written pages: only elements marked
 * data-pagefind-body (the articles) are indexed, one index per <html lang>, into /pagefind/.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.on('eleventy.after', async (event: AfterBuild) => {
    const outputDir = outputDirOf(eleventyConfig, event);
    if (!outputDir) return;
    const started = performance.now();
    const pages = await buildSearchIndex(outputDir);
    console.log(`[solace] search index: ${pages} pages read in ${Math.round(performance.now() - started)} ms`);
  });
}

async function buildSearchIndex(outputDir: string) {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
