import findCarePlugin from './_config/find-care.js';
import filtersPlugin from './_config/filters.js';
import i18nPlugin from './_config/i18n.js';
import imagesPlugin from './_config/images.js';
import richTextPlugin from './_config/rich-text.js';
import type { EleventyConfig } from './_config/types.js';
import { loadModel } from './_data/model.js';
import { siteData } from './_data/site.js';

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData('model', loadModel);
  eleventyConfig.addGlobalData('site', siteData);
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(richTextPlugin);
  eleventyConfig.addPlugin(imagesPlugin);
  eleventyConfig.addPlugin(findCarePlugin);
  eleventyConfig.addPassthroughCopy({ public: '/' });
}

export const config = {
  dir: {
    input: 'content',
    includes: '../_includes',
    data: '../_data',
  },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
