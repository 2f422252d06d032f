import { loadModel } from '../_data/model.js';
import { siteData } from '../_data/site.js';
import type { SiteModel } from '../src/model.js';
import type { EleventyConfig } from './types.js';

/**
 * Hands a model loaded beforehand to Eleventy (src/build.ts loads it itself, to report how long
 * the fetch took). Runs from the Eleventy constructor's `config` option, before the config file.
 */
export function provideModel(eleventyConfig: EleventyConfig, model: SiteModel) {
  eleventyConfig.addGlobalData('model', model);
}

/**
 * Global data: `site` (where the site lives) and `model` (every page), loaded from the CMS on
 * every build unless one was provided (as under `eleventy --serve`).
 */
export default function dataPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData('site', siteData);
  if (!eleventyConfig.globalData.model) eleventyConfig.addGlobalData('model', async () => (await loadModel()).model);
}
