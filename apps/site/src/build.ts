import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkAhead, ContentFetchError, ContentValidationError, type ContentNodes, type KeptContent } from '@solace/content';
import { provideModel } from '../_config/data.js';
import { collectPendingWork } from '../_config/pending-work.js';
import { searchIndexFiles } from '../_config/search-index.js';
import { readSearchInputs, startBeforePlan, warmUpSearch, type EarlyRun, type SearchInputs } from '../_config/search-runs.js';
import { loadModel, type ContentSnapshotOptions, type FetchFigures } from '../_data/model.js';
import { siteData } from '../_data/site.js';
import { EnvError, readEnv, SITE_DIR, skipEleventyEsmResolver } from './env.js';
import { exists } from './file-exists.js';
import { codeHash, contentNodesHash, FORMAT_VERSION } from './incremental/code-hash.js';
import { dropContentNodes, keepContentAsOf, NODES_FILE, readKeptContent, writeContentNodes } from './incremental/content-nodes.js';
import { carryOverAll, carryOverInto, eachFile, filesIn, nextTurn, removeFiles, slashed, writtenPageFacts } from './incremental/copy.js';
import { cacheFilesId, dropManifest, MANIFEST_FILE, readManifest, stageManifest, type IndexedFile, type Manifest, type ManifestRead, type PageRecord, type StagedFile } from './incremental/manifest.js';
import { pageItems, renderSetOf, type PageItem } from './incremental/pages.js';
import { planBuild, type BuildPlan } from './incremental/plan.js';
import { dropSpareRecord, readSpareRecord, writeSpareRecord } from './incremental/spare-record.js';
import { articleStampsOf, searchOrderOf, type SearchOrder } from './indexed-pages.js';
import { buildSiteModel } from './model.js';
import { sitemapXml } from './sitemap.js';
import { lockOutput } from './output-lock.js';
import { stagingOf, swapInto, sweepLeftovers } from './output-swap.js';

export type BuildResult = {
  outputDir: string;
  /** HTML pages rendered by this build (an incremental build takes the others from the previous output). */
  pages: number;
  mode: BuildPlan['mode'];
  /** Pages of the model rendered, and taken unchanged from the previous output. */
  rendered: number;
  carried: number;
  /** How the content arrived: in full, only what changed since the last build (delta), or from a snapshot file (none). */
  fetchMode: FetchFigures['mode'];
  /** Records of the collection types received from the CMS, and taken from the last build's content.json. */
  fetched: number;
  reused: number;
  fetchMs: number;
  totalMs: number;
};

export type BuildOptions = {
  snapshot?: ContentSnapshotOptions;
  /** Render every page, ignoring the previous build (SITE_BUILD_COLD=1 for scripts/build.ts and pnpm start). */
  cold?: boolean;
  /** The code's hash (sourcesHash), when the caller has just taken it (src/rebuild-child.ts). */
  sources?: string;
  /** The build's start, made while its process waited (prepareBuild): used if the output is still the one it was made from. */
  prepared?: PreparedBuild | null;
};

/**
 * Eleventy and the site's Eleventy config are the biggest part of a build's code (half a second
 * or more to import): a fresh build process loads them only once it knows it renders (a build
 * whose content is the previous one's never does), a build with no previous output while the
 * content arrives. A process started ahead loads them first.
 */
let eleventyCode: Promise<{
  Eleventy: typeof import('@11ty/eleventy').default;
  configureSite: typeof import('../eleventy.config.js').default;
}> | null = null;
export function loadEleventy() {
  if (!eleventyCode) {
    skipEleventyEsmResolver();
    eleventyCode = Promise.all([import('@11ty/eleventy'), import('../eleventy.config.js')]).then(([eleventy, site]) => ({
      Eleventy: eleventy.default,
      configureSite: site.default,
    }));
    // Awaited when the render starts; a failure before then is not an unhandled one.
    eleventyCode.catch(() => {});
  }
  return eleventyCode;
}

/** The error a person needs to read, wherever Eleventy wrapped it. */
export function rootCause(error: unknown): Error {
  let current = error;
  const seen = new Set<unknown>();
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current instanceof ContentFetchError || current instanceof ContentValidationError || current instanceof EnvError) {
      return current;
    }
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (!next) break;
    current = next;
  }
  return current instanceof Error ? current : new Error(String(error));
}

/**
 * Builds the site into a fresh folder next to the output and swaps it in only when the whole
 * build succeeded: a failed build leaves the previously published site exactly as it was.
 * One build at a time per output folder: a second one waits for the first, then reads the content
 * as it is by then (so the last build to finish is also the newest).
 *
 * Incremental by default: pages whose inputs are unchanged since the previous build (its
 * manifest in `<outputDir>.cache/`) are taken from the previous output, the others rendered.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const release = await lockOutput(readEnv().outputDir);
  try {
    return await buildIntoStaging(options);
  } finally {
    await release();
  }
}

async function buildIntoStaging({ snapshot = {}, cold = readEnv().coldBuild, sources, prepared }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const env = readEnv();
  const staging = stagingOf(env.outputDir);
  const ready = prepared && (await isStillCurrent(prepared, cold)) ? prepared : null;
  if (prepared && !ready) {
    console.log('[solace] the output changed since this build was prepared: starting again');
    // Its copy is still a spare as good as any.
    await giveUpStaging(env.outputDir);
  }
  if (!ready) await fs.rm(staging, { recursive: true, force: true });

  process.chdir(SITE_DIR);
  let pages = 0;
  let fetchMs = 0;
  let plan: BuildPlan;
  let manifest: Manifest;
  let loaded: Awaited<ReturnType<typeof loadModel>>;
  let startFrom: Promise<StartedFrom> | null = null;
  const notNeeded = new AbortController();
  const phases = phaseClock();
  let nodesKey: string;
  let early: EarlyRun | null = null;
  /** What Eleventy's plugins left running when its build returned (the search index). */
  let pending: Promise<unknown>[] = [];
  let staged: StagedFile[] = [];
  /** The files of the new output that are links of the previous one's (spare-record.ts); null: not known. */
  let sharedWithPrevious: string[] | null = null;
  try {
    // Made while the content arrives, unless made ahead: a copy of the previous output, which the plan then trims.
    const start = ready ?? (await beginBuild({ cold, sources, snapshot }, notNeeded.signal));
    const { code, previous, kept, indexed, indexedOrder } = start;
    nodesKey = start.nodesKey;
    // A site build with kept content copies once the CMS's answers show a change: one that changes
    // nothing never uses the copy, which would hold up its answers (a prepared build made it
    // already). Without a spare output it does copy, into a new folder, and leaves it as the spare:
    // the next build finds the folders made.
    if (!kept || ready || env.preview || !(await exists(spareOf(env.outputDir)))) startFrom = start.startCopy?.() ?? null;
    if (ready) console.log('[solace] the previous build was read, and its output copied, while this build waited for its go');
    // Without a previous output every page is rendered: Eleventy loads while the content arrives.
    if (!previous.manifest) void loadEleventy();
    // With the previous output at hand, content that is the kept nodes' exactly needs no model
    // (and, when the CMS's answers tell so, no reading of the kept lists either).
    const copyNow = () => (startFrom ??= start.startCopy?.() ?? null);
    loaded = await loadModel(snapshot, kept, { skipIfUnchanged: previous.manifest !== null, whenChanged: copyNow });
    fetchMs = loaded.timings.fetchMs;
    if (!loaded.model) return await keepOutput(previous.manifest!);
    void loadEleventy();
    copyNow();
    const model = loaded.model;
    // Pagefind indexes the likely search index's unchanged pages on the other core while this one
    // works out the plan (each page's fingerprint) and renders.
    const inputs = start.searchInputs;
    // Read by the load already (the same reading): null if it could not be, and the fetch was a full one.
    const keptNodes = kept ? (await kept.read()).nodes : null;
    if (previous.manifest && keptNodes) early = startBeforePlan(env.outputDir, indexed, model, articleStampsOf(keptNodes), inputs, env.searchPartPages);
    const site = siteData(model);
    const items = pageItems(model, site);
    phases.mark('content and model');
    plan = planBuild(items, previous.manifest, previous.manifest ? '' : previous.reason);
    phases.mark('plan');
    if (plan.mode !== 'incremental') {
      await early?.discard();
      early = null;
    }
    console.log(
      plan.mode === 'cold'
        ? `[solace] cold build: ${plan.reason}`
        : `[solace] incremental build: ${plan.render.length} pages to render, ${plan.carry.length} unchanged`,
    );

    const pagesRecord: Manifest['pages'] = {};
    if (plan.mode !== 'unchanged') {
      const images = new Set<string>();
      const files: string[] = [];
      for (const { item, record } of plan.carry) {
        files.push(...record.files);
        for (const image of record.images) images.add(image);
        pagesRecord[item.key] = record;
      }
      if (startFrom) {
        const { intoSpare, pageFiles, trusted } = await startFrom;
        // Pages to render, and pages gone, leave the copy: the build writes no file into a link.
        const carried = new Set(files);
        await removeFiles(staging, pageFiles.filter((file) => !carried.has(file)));
        const into = intoSpare ? `the spare output, ${trusted} of its files known to be links already` : 'a new folder';
        console.log(`[solace] carried ${plan.carry.length} pages into ${into}`);
      } else {
        await fs.mkdir(staging, { recursive: true });
      }
      await carryOverAll(env.outputDir, staging, [...images], 'copy');
      phases.mark('carry');

      const toRender = new Set<object>(plan.render.map((item) => item.view));
      const renderSet = renderSetOf(model, (view) => toRender.has(view));
      // Only an incremental build may reuse the previous search index: a cold one may run other code.
      const previousOutput =
        plan.mode === 'incremental'
          ? { dir: env.outputDir, indexed, indexedOrder, carried: new Set(files.map(slashed)), inputs, early }
          : undefined;
      const { Eleventy, configureSite } = await loadEleventy();
      const config = (eleventyConfig: Parameters<typeof provideModel>[0]) => {
        pending = collectPendingWork(eleventyConfig);
        provideModel(eleventyConfig, { model, renderSet, site, previousOutput });
        configureSite(eleventyConfig);
      };
      // The site's configuration as a function, not a file for Eleventy to import: the build's code
      // may be one bundled module (scripts/run-bundled.mjs), and the plugins must be the build's own.
      const eleventy = new Eleventy('content', staging, { configPath: false, quietMode: true, config });
      const results = (await eleventy.write()) as unknown as [unknown, WriteResult[]] | WriteResult[];
      const written = Array.isArray(results[1]) ? results[1] : (results as WriteResult[]);
      pages = written.filter((r) => r?.outputPath?.endsWith('.html')).length;
      const pageOf = new Map(
        written.filter((r) => r?.url && r.outputPath).map((r) => [r.url!, { file: path.relative(staging, path.resolve(r.outputPath!)), content: r.content }]),
      );
      phases.mark('render');
      const records = new Map<string, PageRecord>();
      const searchOrder = searchOrderOf(model);
      await eachFile(plan.render, async (item) => records.set(item.key, await recordOf(staging, item, pageOf, searchOrder)));
      for (const item of plan.render) pagesRecord[item.key] = records.get(item.key)!;
      // Carried files are links of the previous output's, unless a rendered page wrote one anew (shared ZIP code data).
      if (startFrom) {
        const written = new Set(plan.render.flatMap((item) => records.get(item.key)!.files));
        sharedWithPrevious = files.filter((file) => !written.has(file)).map(slashed);
      }
      phases.mark('records');
    }
    manifest = { kind: 'solace-build-manifest', format: FORMAT_VERSION, codeHash: code, pages: pagesRecord };
    if (plan.mode !== 'unchanged') {
      // Written aside while Pagefind finishes the search index on the other core; put in place with the output.
      staged = [await stageManifest(env.outputDir, manifest)];
      await Promise.all(pending);
      phases.mark('cache files and search index');
    }
  } catch (error) {
    await early?.discard().catch(() => {});
    // Nothing may still be writing into the staging folder when it is kept or removed.
    await Promise.allSettled(pending);
    await Promise.all(staged.map((file) => file.discard())).catch(() => {});
    // A copy of the previous output is still the next build's best start; anything else goes.
    await keepAsSpare().catch(() => fs.rm(staging, { recursive: true, force: true }));
    throw rootCause(error);
  }

  if (plan.mode === 'unchanged') {
    await keepAsSpare({ untouched: true });
    console.log(`[solace] phases: ${phases.summary()}`);
    // Every page's inputs and the code are the previous build's: so is the output, which stays as it is.
    if (loaded.nodes) await writeContentNodes(env.outputDir, nodesKey, loaded.nodes, env.contentOverlapMs);
    return result(0);
  }

  /**
   * The content and the code are the previous build's: so is every page, and the output stays as
   * it is. So do the kept nodes' records, but as of this fetch: the next delta asks from its start
   * (a delta from the kept fetch's would bring back, build after build, whatever was stamped
   * within the safety overlap before it, and past a page of those, read the lists too).
   */
  async function keepOutput(previous: Manifest): Promise<BuildResult> {
    await keepAsSpare({ untouched: true });
    if (loaded.nodes) await keepContent(env.outputDir, nodesKey, loaded.nodes, env.contentOverlapMs);
    else if (loaded.summary) await keepContentAsOf(env.outputDir, nodesKey, loaded.summary).catch((error: Error) => console.log(`[solace] could not note when the kept content was last found current (${error.message})`));
    const carried = Object.keys(previous.pages).length;
    plan = { mode: 'unchanged', render: [], carry: [] };
    console.log(`[solace] incremental build: 0 pages to render, ${carried} unchanged (the content is the previous build's)`);
    return { ...result(0), carried };
  }

  /**
   * Nothing to build, or the build failed: the copy made for it (whatever it holds: the next
   * build sweeps it) is the spare again. The copy stops first: nothing writes into it afterwards.
   * `untouched`: nothing but the copy wrote into it.
   */
  async function keepAsSpare({ untouched = false } = {}) {
    if (!startFrom) return fs.rm(staging, { recursive: true, force: true });
    notNeeded.abort();
    const copy = await startFrom;
    await fs.rm(spareOf(env.outputDir), { recursive: true, force: true });
    await fs.rename(staging, spareOf(env.outputDir));
    // A whole copy that nothing changed since is links of the output's files, every one.
    if (untouched && copy.whole) await writeSpareRecord(env.outputDir, spareOf(env.outputDir), copy.copied.map(slashed)).catch(() => {});
  }

  // The manifest goes first and comes back only with the new output: a crash in between means a
  // cold build next. The kept content goes too, and comes back once the new output is served.
  await dropManifest(env.outputDir);
  if (loaded.nodes) await dropContentNodes(env.outputDir);
  dropSpareRecord(env.outputDir);
  // The previous output becomes the spare the next build starts from.
  const spare = spareOf(env.outputDir);
  const stale = await swapInto(env.outputDir, staging, spare);
  // The manifest: only with the new output (a failed build leaves the last one's).
  for (const file of staged) await file.commit();
  // Only saves the next build some comparing: without it, that build compares every file.
  if (sharedWithPrevious) await writeSpareRecord(env.outputDir, spare, sharedWithPrevious).catch(() => {});
  phases.mark('swap');
  // The content the next build asks for changes since: 24 MB of JSON at corpus scale. Written
  // while Pagefind finished the search index, it held up the swap by a third of a second or more
  // (on 2 cores): it is written once readers have the new output.
  if (loaded.nodes) await keepContent(env.outputDir, nodesKey, loaded.nodes, env.contentOverlapMs);
  phases.mark('content kept');
  // The spare before the last, set aside at the swap, goes once readers have the new output; so do
  // the folders of build processes that were stopped. The build has succeeded: a failure here is
  // only said (the next build sweeps again).
  try {
    if (stale) {
      await fs.rm(stale, { recursive: true, force: true });
      phases.mark('old spare removed');
    }
    const swept = await sweepLeftovers(env.outputDir);
    if (swept.length) console.log(`[solace] removed what stopped builds left: ${swept.join(', ')}`);
  } catch (error) {
    console.log(`[solace] could not remove an old output beside the new one (${(error as Error).message})`);
  }
  console.log(`[solace] phases: ${phases.summary()}`);

  return result(pages);

  function result(pagesWritten: number): BuildResult {
    return {
      outputDir: path.relative(process.cwd(), env.outputDir) || '.',
      pages: pagesWritten,
      mode: plan.mode,
      rendered: plan.render.length,
      carried: plan.carry.length,
      fetchMode: loaded.fetch.mode,
      fetched: loaded.fetch.fetched,
      reused: loaded.fetch.reused,
      fetchMs,
      totalMs: Math.round(performance.now() - started),
    };
  }
}

/** The content's nodes kept for the next build; should that fail, the next one fetches everything (and says so). */
async function keepContent(outputDir: string, key: string, nodes: ContentNodes, overlapMs: number) {
  try {
    await writeContentNodes(outputDir, key, nodes, overlapMs);
  } catch (error) {
    console.log(`[solace] could not keep the content for the next build (${(error as Error).message}): it will fetch everything`);
  }
}

/** The output before the previous one, kept to build the next one in (src/incremental/copy.ts, carryOverInto). */
const spareOf = (outputDir: string) => `${outputDir}.spare`;

/** What a build reads and makes before it asks the CMS anything. */
type BuildStart = {
  code: string;
  /** What the kept content depends on besides the content (contentNodesHash). */
  nodesKey: string;
  previous: ManifestRead;
  /** The content the last build kept: its summary read, its lists read when the load needs them. */
  kept: KeptContent | null;
  /** The previous output's indexed files and their search language (none without a manifest). */
  indexed: ReadonlyMap<string, string>;
  /** The order its search indexes were given those files in (their keys as the previous build had them). */
  indexedOrder: SearchOrder;
  /** Their search input as far as read ahead (search-runs.ts: readSearchInputs); what is not is read when needed. */
  searchInputs: SearchInputs;
  /** Starts the copy of the previous output into the staging folder, once (null: a cold build, no copy). */
  startCopy: (() => Promise<StartedFrom>) | null;
};

async function beginBuild(
  { cold, sources, snapshot }: { cold: boolean; sources?: string; snapshot: ContentSnapshotOptions },
  stop: AbortSignal,
): Promise<BuildStart> {
  const env = readEnv();
  const code = codeHash({ siteUrl: env.siteUrl, cmsUrl: env.strapiUrl, preview: env.preview, searchPartPages: env.searchPartPages }, sources);
  const nodesKey = contentNodesHash({ graphqlUrl: env.graphqlUrl, preview: env.preview });
  const previous: ManifestRead = cold
    ? { manifest: null, reason: 'a cold build was asked for' }
    : (await exists(env.outputDir))
      ? await readManifest(env.outputDir, code)
      : { manifest: null, reason: 'no previous output' };
  const kept = snapshot.readFrom ? null : await previousContent(env.outputDir, nodesKey, cold);
  let copy: Promise<StartedFrom> | null = null;
  const manifest = previous.manifest;
  // Read while the CMS is asked, so that the copy starts the moment its answers show a change.
  const facts = manifest ? copyFacts(env.outputDir) : null;
  facts?.catch(() => {});
  const startCopy = manifest
    ? () => {
        if (!copy) {
          copy = startFromPrevious(env.outputDir, stagingOf(env.outputDir), manifest, facts!, stop);
          // Awaited later; a failure meanwhile is not an unhandled one.
          copy.catch(() => {});
        }
        return copy;
      }
    : null;
  const indexedFiles = Object.values(previous.manifest?.pages ?? {}).flatMap((record) => record.indexed);
  const indexed = new Map(indexedFiles.map((i) => [i.file, i.language] as const));
  const indexedOrder = new Map(indexedFiles.map((i) => [i.file, i.order] as const));
  return { code, nodesKey, previous, kept, indexed, indexedOrder, searchInputs: new Map(), startCopy };
}

/**
 * A build's start made by its process while it waits for its go (src/rebuild-child.ts): the
 * previous build's manifest and content read, and its output copied into this process's staging
 * folder, half a second to a second off a publish; and Pagefind's service warmed up, 0.4 s more.
 * `cold` as the build will be asked.
 */
export type PreparedBuild = BuildStart & { cold: boolean; readFrom: string; giveUp: () => Promise<void> };

export async function prepareBuild(sources: string, stop: AbortSignal, cold = readEnv().coldBuild): Promise<PreparedBuild | null> {
  const prepared = await prepareStart(sources, stop, cold);
  // An incremental build's search index is made quicker by a Pagefind service that made one before.
  if (prepared?.previous.manifest) await warmUpSearch(prepared.indexed, prepared.searchInputs, readEnv().searchPartPages, stop);
  return prepared;
}

async function prepareStart(sources: string, stop: AbortSignal, cold: boolean): Promise<PreparedBuild | null> {
  const env = readEnv();
  const staging = stagingOf(env.outputDir);
  const release = await lockOutput(env.outputDir);
  try {
    await fs.rm(staging, { recursive: true, force: true });
    const readFrom = await previousBuildId(env.outputDir);
    const begun = await beginBuild({ cold, sources, snapshot: {} }, stop);
    // Read and checked now rather than after the go (a build not started ahead reads only what it
    // needs, when it does): the previous output's search input, and the kept content, which the
    // load keeps mostly as it is.
    const [, searchInputs] = await Promise.all([begun.startCopy?.(), readSearchInputs(env.outputDir, [...begun.indexed.keys()])]);
    const keptNodes = begun.kept ? (await begun.kept.read()).nodes : null;
    const keptContent = keptNodes && checkAhead(keptNodes, { cmsOrigin: env.strapiUrl, drafts: env.preview });
    // The previous content's pages, their fingerprints and sitemap entries, worked out now: the
    // build after the go makes, hashes and writes only what its content changed (the values last:
    // @solace/content's lasting.ts). A turn of the event loop before each step lets a go that came
    // meanwhile stop them.
    const model = keptContent && (await nextTurn(stop)) ? buildSiteModel(keptContent) : null;
    if (model && (await nextTurn(stop))) {
      const site = siteData(model);
      pageItems(model, site);
      sitemapXml(model, site.url);
    }
    const giveUp = async () => {
      const unlock = await lockOutput(env.outputDir);
      await giveUpStaging(env.outputDir).finally(unlock);
    };
    return { ...begun, searchInputs, cold, readFrom, giveUp };
  } catch (error) {
    console.log(`[solace] could not prepare the build ahead (${(error as Error).message}): it starts when asked`);
    await giveUpStaging(env.outputDir).catch(() => {});
    return null;
  } finally {
    await release();
  }
}

/**
 * Whether the previous build is still the one a prepared start read: any build that replaces the
 * output writes a new manifest, and one that changes nothing new kept content (it names what it
 * fetched last). No other build touches this process's staging folder.
 */
async function isStillCurrent(prepared: PreparedBuild, cold: boolean) {
  return prepared.cold === cold && prepared.readFrom === (await previousBuildId(readEnv().outputDir));
}

const previousBuildId = (outputDir: string) => cacheFilesId(outputDir, [MANIFEST_FILE, NODES_FILE]);

/** The copy made for a build that will not run is a spare as good as any, unless there is one. */
async function giveUpStaging(outputDir: string) {
  const staging = stagingOf(outputDir);
  if (!(await exists(staging))) return;
  if (await exists(spareOf(outputDir))) await fs.rm(staging, { recursive: true, force: true });
  else await fs.rename(staging, spareOf(outputDir));
}

/** `whole`: the copy was not stopped; then every file it holds (`copied`) is a link of the previous output's. */
type StartedFrom = { intoSpare: boolean; pageFiles: string[]; copied: string[]; whole: boolean; trusted: number };

/** What the copy of the previous output needs to know of it: which of the spare's files are links of it already, and its search index's files. */
type CopyFacts = { linked: Set<string> | null; searchIndex: string[] };
const copyFacts = async (outputDir: string): Promise<CopyFacts> => {
  const [linked, searchIndex] = await Promise.all([readSpareRecord(outputDir, spareOf(outputDir)), searchIndexFiles(outputDir)]);
  return { linked, searchIndex };
};

/**
 * `staging` as a copy of the previous output (hard links): its pages, and its search index when
 * the spare output, which has most of both already, is at hand (the index keeps what it can of
 * it). Without a spare, a new folder with the pages only. Up to the copy's start on its worker
 * thread, nothing here waits for the file system: the build's thread is busy with the content.
 */
async function startFromPrevious(outputDir: string, staging: string, previous: Manifest, facts: Promise<CopyFacts>, stop: AbortSignal): Promise<StartedFrom> {
  // Each find-care page has the ZIP code data among its files.
  const pageFiles = [...new Set(Object.values(previous.pages).flatMap((record) => record.files))];
  const { linked, searchIndex } = await facts;
  dropSpareRecord(outputDir);
  try {
    fsSync.renameSync(spareOf(outputDir), staging);
  } catch {
    await fs.mkdir(staging, { recursive: true });
    await carryOverAll(outputDir, staging, pageFiles, 'link', stop);
    return { intoSpare: false, pageFiles, copied: pageFiles, whole: !stop.aborted, trusted: 0 };
  }
  const files = [...pageFiles, ...searchIndex];
  const trusted = await carryOverInto(outputDir, staging, files, stop, linked ?? undefined);
  return { intoSpare: true, pageFiles, copied: files, whole: !stop.aborted, trusted };
}

/** The content the last build kept, or null (said in the log) for a full fetch. */
async function previousContent(outputDir: string, key: string, cold: boolean) {
  const read = cold ? { kept: null, reason: 'a cold build was asked for' } : await readKeptContent(outputDir, key);
  if (!read.kept) console.log(`[solace] content: full fetch: ${read.reason}`);
  return read.kept;
}

/** Where a build's time went, for its log: "content and model 1.2 s, plan 0.1 s, ...". */
function phaseClock() {
  let last = performance.now();
  const spent: string[] = [];
  return {
    mark(name: string) {
      const now = performance.now();
      spent.push(`${name} ${((now - last) / 1000).toFixed(2)} s`);
      last = now;
    },
    summary: () => spent.join(', '),
  };
}

// `content` is what Eleventy wrote to the file: the build reads the facts it records from it, not from the file.
type WriteResult = { url?: string; outputPath?: string; content?: string | Buffer };
type WrittenPage = { file: string; content: WriteResult['content'] };

async function recordOf(staging: string, { fingerprint, view, dataDirs }: PageItem, pageOf: Map<string, WrittenPage>, searchOrder: SearchOrder): Promise<PageRecord> {
  const page = pageOf.get(view.url);
  if (!page) throw new Error(`The build wrote no file for ${view.url}`);
  if (page.content === undefined) throw new Error(`Eleventy gave no content for ${page.file}`);
  const { images, searchLanguage } = writtenPageFacts(page.content);
  const indexed: IndexedFile[] = [];
  if (searchLanguage) {
    const indexedFile = slashed(page.file);
    indexed.push({ file: indexedFile, language: searchLanguage, order: searchOrder.get(indexedFile) ?? '' });
  }
  const files = [page.file];
  for (const dir of dataDirs) files.push(...(await filesIn(staging, dir)));
  return { fingerprint, files, images, indexed };
}
