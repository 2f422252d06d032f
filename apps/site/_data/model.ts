import { createContentClient, loadSiteContent } from '@solace/content';
import { readEnv } from '../src/env.js';
import { buildSiteModel, type SiteModel } from '../src/model.js';

export type LoadedModel = { model: SiteModel; timings: { fetchMs: number } };

/**
 * Every page of the site, built from the CMS, with how long fetching the content took. Any
 * failure (CMS down, token refused, invalid entry) throws, and the build stops without writing
 * output.
 */
export async function loadModel(): Promise<LoadedModel> {
  const env = readEnv();
  const client = createContentClient({ url: env.graphqlUrl, token: env.strapiToken });
  const started = performance.now();
  const content = await loadSiteContent(client, { cmsOrigin: env.strapiUrl, drafts: env.preview });
  const fetchMs = Math.round(performance.now() - started);
  const model = buildSiteModel(content);
  const counts = content.locales.map((l) => `${l.code}: ${content.byLocale[l.code]!.articles.length} articles`).join(', ');
  console.log(`[solace] fetched content in ${fetchMs} ms (${counts})`);
  return { model, timings: { fetchMs } };
}
