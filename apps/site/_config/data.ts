import { loadModel } from '../_data/model.js';
import { siteData } from '../_data/site.js';
import type { RenderSet } from '../src/incremental/pages.js';
import type { SiteModel } from '../src/model.js';
import type { EleventyConfig } from './types.js';

/**
 * Hands a model loaded beforehand to Eleventy (src/build.ts loads it itself, to report how long
 * the fetch took, and to render only the pages that changed). Runs from the Eleventy
 * constructor's `config` option, before the config file.
 */
export function provideModel(eleventyConfig: EleventyConfig, data: { model: SiteModel; renderSet: RenderSet; site: ReturnType<typeof siteData> }) {
  eleventyConfig.addGlobalData('model', data.model);
  eleventyConfig.addGlobalData('renderSet', data.renderSet);
  eleventyConfig.addGlobalData('site', data.site);
}

/**
 * Global data: `site` (where the site lives), `model` (every page, which templates read for
 * links and lists) and `renderSet` (the pages to render, which templates paginate over: all of
 * them here), loaded from the CMS on every build unless provided (as under `eleventy --serve`).
 */
export default function dataPlugin(eleventyConfig: EleventyConfig) {
  if (eleventyConfig.globalData.model) return;
  let loaded: Promise<SiteModel> | undefined;
  const model = () => (loaded ??= loadModel().then((m) => m.model));
  eleventyConfig.addGlobalData('model', model);
  eleventyConfig.addGlobalData('renderSet', model);
  eleventyConfig.addGlobalData('site', async () => siteData(await model()));
}
