import { createContentClient, loadSiteContent } from '@solace/content';
import { readEnv } from '../src/env.js';
import { buildSiteModel, type SiteModel } from '../src/model.js';
import { readContentSnapshot, writeContentSnapshot } from '../src/content-snapshot.js';

/** The benchmark's way round the CMS: read the content from a snapshot file, or also write one. */
export type ContentSnapshotOptions = { readFrom?: string; writeTo?: string };

export type LoadedModel = { model: SiteModel; timings: { fetchMs: number } };

/**
 * Every page of the site, built from the CMS, with how long fetching the content took. Any
 * failure (CMS down, token refused, invalid entry) throws, and the build stops without writing
 * output.
 */
export async function loadModel(snapshot: ContentSnapshotOptions = {}): Promise<LoadedModel> {
  const env = readEnv();
  const started = performance.now();
  const content = snapshot.readFrom
    ? await readContentSnapshot(snapshot.readFrom)
    : await loadSiteContent(createContentClient({ url: env.graphqlUrl, token: env.strapiToken }), { cmsOrigin: env.strapiUrl, drafts: env.preview });
  const fetchMs = Math.round(performance.now() - started);
  if (snapshot.writeTo) await writeContentSnapshot(snapshot.writeTo, content);
  const model = buildSiteModel(content);
  const counts = content.locales.map((l) => `${l.code}: ${content.byLocale[l.code]!.articles.length} articles`).join(', ');
  console.log(`[solace] fetched content in ${fetchMs} ms (${counts})`);
  return { model, timings: { fetchMs } };
}
