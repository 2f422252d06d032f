import { createContentClient, loadSiteContent } from '@solace/content';
import { readEnv } from '../src/env.js';
import { buildSiteModel } from '../src/model.js';
import { timings } from '../src/timings.js';

/**
 * Global data `model`: every page of the site, built from the CMS once per build. Any failure
 * (CMS down, token refused, invalid entry) throws, and the build stops without writing output.
 */
export async function loadModel() {
  const env = readEnv();
  const client = createContentClient({ url: env.graphqlUrl, token: env.strapiToken });
  const started = performance.now();
  const content = await loadSiteContent(client, { cmsOrigin: env.strapiUrl, drafts: env.preview });
  const fetchMs = Math.round(performance.now() - started);
  timings.fetchMs = fetchMs;
  const model = buildSiteModel(content);
  const counts = content.locales.map((l) => `${l.code}: ${content.byLocale[l.code]!.articles.length} articles`).join(', ');
  console.log(`[solace] fetched content in ${fetchMs} ms (${counts})`);
  return model;
}
