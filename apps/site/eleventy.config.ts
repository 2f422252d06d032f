import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dataPlugin from './_config/data.js';
import filtersPlugin from './_config/filters.js';
import i18nPlugin from './_config/i18n.js';
import imagesPlugin from './_config/images.js';
import nunjucksCompileCachePlugin from './_config/nunjucks-compile-cache.js';
import providerSearchPlugin from './_config/provider-search.js';
import richTextPlugin from './_config/rich-text.js';
import searchIndexPlugin from './_config/search-index.js';
import selfAssessmentPlugin from './_config/self-assessment.js';
import stylesPlugin from './_config/styles.js';
import type { EleventyConfig } from './_config/types.js';

// One concern per plugin, each in _config/. Directories and formats are set here, not exported as
// `config`: a build hands this function to Eleventy rather than a file to import (src/build.ts).
export default function configureSite(eleventyConfig: EleventyConfig) {
  eleventyConfig.setInputDirectory('content');
  eleventyConfig.setIncludesDirectory('../_includes');
  eleventyConfig.setDataDirectory('../_data');
  eleventyConfig.setTemplateFormats('njk');
  eleventyConfig.addPlugin(nunjucksCompileCachePlugin);
  eleventyConfig.addPlugin(dataPlugin);
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(richTextPlugin);
  eleventyConfig.addPlugin(imagesPlugin);
  eleventyConfig.addPlugin(stylesPlugin);
  eleventyConfig.addPlugin(providerSearchPlugin);
  eleventyConfig.addPlugin(selfAssessmentPlugin);
  eleventyConfig.addPlugin(searchIndexPlugin);
  eleventyConfig.addPassthroughCopy({ public: '/' });
  // The route table is a browser module too (find-care.js imports it): the same file, served as /js/routes.js.
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), fileURLToPath(import.meta.resolve('@solace/routes')))]: 'js/routes.js' });
}
