import { createContentClient, loadSiteContentSince, type ContentNodes, type KeptContent, type KeptSummary, type SiteContent } from '@solace/content';
import { readEnv } from '../src/env.js';
import { buildSiteModel, type SiteModel } from '../src/model.js';
import { readContentSnapshot, writeContentSnapshot } from '../src/content-snapshot.js';

/** The benchmark's way round the CMS: read the content from a snapshot file, or also write one. */
export type ContentSnapshotOptions = { readFrom?: string; writeTo?: string };

/**
 * How the content arrived: `full` (everything), `delta` (only what changed since the kept nodes),
 * or `none` (from the benchmark's snapshot file). `fetched` and `reused` count the records of the
 * collection types (articles, authors, topics, providers, interface texts) received from the CMS
 * and taken from the kept nodes.
 */
export type FetchFigures = { mode: 'full' | 'delta' | 'none'; fetched: number; reused: number };

export type LoadedModel = {
  /** Null when `skipIfUnchanged` was asked and the content is the kept nodes' exactly. */
  model: SiteModel | null;
  timings: { fetchMs: number };
  fetch: FetchFigures;
  /** The raw nodes to keep for the next build; null for a snapshot file, and when the content is the kept nodes' (told without reading them). */
  nodes: ContentNodes | null;
  /** When the content is the kept nodes' (told without reading them): their summary as of this fetch, to keep in place of theirs. */
  summary: KeptSummary | null;
};

/**
 * Every page of the site, built from the CMS, with how long fetching the content took. Any
 * failure (CMS down, token refused, invalid entry) throws, and the build stops without writing
 * output. With `previous` (the nodes the last build kept), asks the CMS only for what changed.
 */
export async function loadModel(
  snapshot: ContentSnapshotOptions = {},
  previous: KeptContent | null = null,
  { skipIfUnchanged = false, whenChanged }: { skipIfUnchanged?: boolean; whenChanged?: () => void } = {},
): Promise<LoadedModel> {
  const env = readEnv();
  const started = performance.now();
  const client = () => createContentClient({ url: env.graphqlUrl, token: env.strapiToken });
  let content: SiteContent | null;
  let nodes: ContentNodes | null = null;
  let summary: KeptSummary | null = null;
  let fetch: FetchFigures;
  let unchanged = false;
  if (snapshot.readFrom) {
    content = await readContentSnapshot(snapshot.readFrom);
    fetch = { mode: 'none', fetched: 0, reused: 0 };
  } else {
    const loaded = await loadSiteContentSince(client(), {
      cmsOrigin: env.strapiUrl,
      previous,
      overlapMs: env.contentOverlapMs,
      drafts: env.preview,
      skipUnchanged: skipIfUnchanged && !snapshot.writeTo,
      whenChanged,
    });
    ({ content, nodes, summary } = loaded);
    const { mode, fetched, reused, notes } = loaded.report;
    fetch = { mode, fetched, reused };
    unchanged = loaded.report.unchanged;
    for (const note of notes) console.log(`[solace] content: ${note}`);
  }
  const fetchMs = Math.round(performance.now() - started);
  if (snapshot.writeTo && content) await writeContentSnapshot(snapshot.writeTo, content);
  // No content (skipUnchanged) is the unchanged case too: no model either way.
  const model = content && !(unchanged && skipIfUnchanged) ? buildSiteModel(content) : null;
  const counts = content
    ? content.locales.map((l) => `${l.code}: ${content.byLocale[l.code]!.articles.length} articles`).join(', ')
    : "the previous build's content";
  console.log(`[solace] fetched content in ${fetchMs} ms (${counts})`);
  if (fetch.mode !== 'none') {
    const said = unchanged ? (nodes ? ', nothing changed' : ", nothing changed (as the CMS's answers showed: the kept lists were not read)") : '';
    console.log(`[solace] content: ${fetch.mode} fetch, ${fetch.fetched} records fetched, ${fetch.reused} re-used${said}`);
  }
  return { model, timings: { fetchMs }, fetch, nodes, summary };
}
