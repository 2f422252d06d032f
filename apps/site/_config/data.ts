import { loadModel } from '../_data/model.js';
import { siteData } from '../_data/site.js';
import type { RenderSet } from '../src/incremental/pages.js';
import type { SiteModel } from '../src/model.js';
import { knowPreviousOutput, type PreviousOutput } from './previous-output.js';
import type { EleventyConfig } from './types.js';

/**
 * Hands a model loaded beforehand to Eleventy (src/build.ts loads it itself, to report how long
 * the fetch took, and to render only the pages that changed). Runs from the Eleventy
 * constructor's `config` option, before the config file.
 */
export function provideModel(
  eleventyConfig: EleventyConfig,
  data: { model: SiteModel; renderSet: RenderSet; site: ReturnType<typeof siteData>; previousOutput?: PreviousOutput },
) {
  if (data.previousOutput) knowPreviousOutput(eleventyConfig, data.previousOutput);
  eleventyConfig.addGlobalData('model', sealed(data.model));
  eleventyConfig.addGlobalData('renderSet', sealed(data.renderSet));
  eleventyConfig.addGlobalData('site', sealed(data.site));
}

/**
 * Global data, frozen (its top level; it is the build's, made for this build, and read-only to
 * templates). Eleventy hands each paginated page its data through a Proxy over the template's,
 * and wraps every plain object read through it in a new Proxy (and deep-copies plain objects into
 * each paginated template's data) unless the object is frozen: unfrozen, every `model.…` read of
 * every page went through Proxy traps, and `model.strings` was a new object on each read (so the
 * translators were made again for each of the 500,000 `t` calls of a corpus build). Frozen, the
 * templates read the model itself.
 */
function sealed<T extends object>(value: T): Readonly<T> {
  return Object.freeze(value);
}

/**
 * Global data: `site` (where the site lives), `model` (every page, which templates read for
 * links and lists) and `renderSet` (the pages to render, which templates paginate over: all of
 * them here), loaded from the CMS on every build unless provided (as under `eleventy --serve`).
 */
export default function dataPlugin(eleventyConfig: EleventyConfig) {
  if (eleventyConfig.globalData.model) return;
  let loaded: Promise<SiteModel> | undefined;
  const model = () => (loaded ??= loadModel().then((m) => m.model!));
  const sealedModel = async () => sealed(await model());
  eleventyConfig.addGlobalData('model', sealedModel);
  eleventyConfig.addGlobalData('renderSet', sealedModel);
  eleventyConfig.addGlobalData('site', async () => sealed(siteData(await model())));
}
