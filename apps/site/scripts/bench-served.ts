// The publish rows of `pnpm bench`, on the real path: the site server of `pnpm start`
// (scripts/start.ts: src/serve.ts + src/rebuild-queue.ts) serves the bench's output and its
// preview, the CMS's rebuild webhook calls it, an editor publishes (or saves a draft) in the admin,
// and the clock runs until the change is served over HTTP.
import os from 'node:os';
import path from 'node:path';
import { articleUrl } from '@solace/routes';
import { request, startSite, type RunningSite } from '../test/start/run-start.js';
import { cmsOf, editorFor, marker, type RebuildContext } from './bench-rebuild.js';
import { BENCH_PREVIEW_URL, BENCH_SITE_URL, medianOfThree, runBuild, seconds } from './bench-run.js';
import { atMost, type Figure, type Row } from './bench-table.js';

export type ServedContext = RebuildContext & {
  tempDir: string;
  /** Where the site server listens; the CMS's webhook was pointed at sitePort when it started. */
  server: { sitePort: number; previewPort: number; secret: string };
  site?: RunningSite;
  /** How the site server got going, for the first publish row's note. */
  siteStartup?: string;
};

const PREVIEW_BUILD_TIMEOUT_MS = 15 * 60_000;
const STARTUP_TIMEOUT_MS = 12 * 60_000;
const SERVED_TIMEOUT_MS = 6 * 60_000;
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

type Target = 'site' | 'preview';
/** The site server's line saying a build of `target` started, went live or failed (`states`: which). */
const buildLine = (target: Target, states = 'started|is live|failed') => new RegExp(`^\\[${target}\\] build \\S+ (${states})`);
function buildLines(site: RunningSite, target: Target) {
  const pattern = buildLine(target);
  return site.output().split('\n').filter((line) => pattern.test(line));
}
const count = (site: RunningSite, target: Target, state: string) => buildLines(site, target).filter((line) => line.includes(` ${state}`)).length;
const idle = (site: RunningSite, target: Target) => !/ started/.test(buildLines(site, target).at(-1) ?? '');
/** Whether the process waiting for the next build of `target` has prepared its start since the last build ended. */
function prepared(site: RunningSite, target: Target) {
  const lines = site.output().split('\n');
  const pattern = buildLine(target, 'is live|failed');
  const ended = lines.findLastIndex((line) => pattern.test(line));
  return lines.slice(ended + 1).includes(`[${target}] next build prepared`);
}

async function until(site: RunningSite, what: string, timeoutMs: number, check: () => Promise<boolean> | boolean) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (site.exited()) throw new Error(`the site server exited while waiting for ${what}:\n${site.output().slice(-3000)}`);
    if (await check()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; the site server's last output:\n${site.output().slice(-3000)}`);
}

/** The site server on the bench's outputs: the preview built first (cold, by the bench), so that both start incrementally. */
async function siteServer(c: ServedContext) {
  if (c.site && !c.site.exited()) return c.site;
  const cms = cmsOf(c);
  const previewDir = path.join(c.tempDir, 'preview');
  const preview = await runBuild({ cmsUrl: c.cmsUrl, token: cms.token, outputDir: previewDir, cold: true, preview: { siteUrl: BENCH_PREVIEW_URL }, timeoutMs: PREVIEW_BUILD_TIMEOUT_MS });
  const started = performance.now();
  const site = startSite({
    STRAPI_URL: c.cmsUrl,
    STRAPI_TOKEN: cms.token,
    SITE_PORT: String(c.server.sitePort),
    SITE_PREVIEW_PORT: String(c.server.previewPort),
    SITE_URL: BENCH_SITE_URL,
    SITE_PREVIEW_URL: BENCH_PREVIEW_URL,
    SITE_OUTPUT_DIR: c.siteDir,
    SITE_PREVIEW_OUTPUT_DIR: previewDir,
    SITE_REBUILD_SECRET: c.server.secret,
  });
  c.site = site;
  await until(site, 'the first builds of the site and the preview', STARTUP_TIMEOUT_MS, () => count(site, 'site', 'is live') > 0 && count(site, 'preview', 'is live') > 0);
  c.siteStartup = `site server: preview's first build (cold, by the bench) ${seconds(preview.totalMs)} s, then both start-up builds live after ${seconds(performance.now() - started)} s`;
  return site;
}

/** What the site server's build of `target` said after `from` in its output (plan and time). */
function buildAccount(output: string, target: Target) {
  const lines = output.split('\n').filter((line) => line.startsWith(`[${target}] [solace] `)).map((line) => line.slice(`[${target}] [solace] `.length));
  const plan = lines.find((line) => /^(cold|incremental) build/.test(line));
  const built = lines.find((line) => line.startsWith('built '));
  return [plan, built].filter(Boolean).join('; ') || 'no build output';
}

async function article(c: ServedContext) {
  if (c.edited) return c.edited;
  const found = await (await editorFor(c)).nth('articles', 0);
  return (c.edited = { documentId: found.documentId, slug: String(found.slug) });
}

/**
 * Makes a change, then polls `port` for `url` until it shows `text`; the figure is the time from
 * the editor's request to the page served with the change.
 */
async function changeToServed(c: ServedContext, target: Target, change: (title: string) => Promise<unknown>, what: string): Promise<Figure> {
  const site = await siteServer(c);
  // Whatever an earlier change set off must be done, so this change waits for nothing else, and the
  // processes waiting for the next builds prepared, as they are between an editor's changes.
  await until(site, 'the site server to be idle', SERVED_TIMEOUT_MS, () => idle(site, 'site') && idle(site, 'preview'));
  const settling = performance.now();
  const settled = await until(site, 'the next builds to be prepared', SETTLE_TIMEOUT_MS, () => prepared(site, 'site') && prepared(site, 'preview')).then(
    () => `the next builds were prepared ${seconds(performance.now() - settling)} s after the server was idle`,
    () => `the next builds were not prepared ${SETTLE_TIMEOUT_MS / 1000} s after the server was idle: sent anyway`,
  );
  const { slug } = await article(c);
  const url = articleUrl('en', slug);
  const port = target === 'site' ? c.server.sitePort : c.server.previewPort;
  const title = marker(what);
  const outputFrom = site.output().length;
  const buildsBefore = count(site, target, 'started');
  const livesBefore = count(site, target, 'is live');
  const loadWhenSent = os.loadavg()[0]!;
  const sent = performance.now();
  await change(title);
  const answered = performance.now();
  let buildStarted: number | undefined;
  const shown = await until(site, `"${title}" on ${url} (port ${port})`, SERVED_TIMEOUT_MS, async () => {
    if (buildStarted === undefined && count(site, target, 'started') > buildsBefore) buildStarted = performance.now();
    return (await request(port, { path: url })).body.includes(title);
  });
  // The page is served as soon as the new output is swapped in; the build logs its figures just after.
  await until(site, `the ${target} build to finish`, 60_000, () => count(site, target, 'is live') > livesBefore).catch(() => undefined);
  const since = (at: number | undefined) => (at === undefined ? '?' : `${seconds(at - sent)} s`);
  const note = [
    `request answered after ${Math.round(answered - sent)} ms`,
    `${target} build started after ${since(buildStarted)}`,
    `served after ${since(shown)}`,
    `the build: ${buildAccount(site.output().slice(outputFrom), target)}`,
    `load ${loadWhenSent.toFixed(1)} when sent`,
    settled,
  ].join('; ');
  return { value: seconds(shown - sent), unit: 's', note };
}

/**
 * Three changes, each once the server is at rest again; the figure is the median. The first comes
 * right after the site server's start-up builds: the note gives all three.
 */
async function threeServed(c: ServedContext, target: Target, change: (title: string) => Promise<unknown>, what: string): Promise<Figure> {
  const { median, runs } = await medianOfThree(() => changeToServed(c, target, change, what), (figure) => figure.value);
  // Said by the row that started the server only.
  const startup = c.siteStartup;
  c.siteStartup = undefined;
  const notes = [`median of 3 changes: ${runs.map((r) => r.value).join(', ')} s`, `the median: ${median.note}`, ...(startup ? [startup] : [])];
  return { ...median, note: notes.join('; ') };
}

export function servedRows(): Row<ServedContext>[] {
  const needs = ['cold-build'];
  return [
    {
      id: 'publish-to-served',
      label: 'publish -> served on the site',
      target: atMost(() => 5, 1, '<= 5 s'),
      needs,
      timeoutMs: PREVIEW_BUILD_TIMEOUT_MS + STARTUP_TIMEOUT_MS + 3 * (2 * SERVED_TIMEOUT_MS + SETTLE_TIMEOUT_MS),
      measure: async (c) => {
        const editor = await editorFor(c);
        const { documentId } = await article(c);
        return threeServed(c, 'site', (title) => editor.publishArticle(documentId, { title }), 'Bench published title');
      },
    },
    {
      id: 'draft-to-preview',
      label: 'draft saved -> shown in the preview',
      target: atMost(() => 5, 1, '<= 5 s'),
      needs,
      timeoutMs: PREVIEW_BUILD_TIMEOUT_MS + STARTUP_TIMEOUT_MS + 3 * (2 * SERVED_TIMEOUT_MS + SETTLE_TIMEOUT_MS),
      measure: async (c) => {
        const editor = await editorFor(c);
        const { documentId, slug } = await article(c);
        let draftTitle = '';
        const figure = await threeServed(c, 'preview', (title) => editor.saveArticleDraft(documentId, { title: (draftTitle = title) }), 'Bench draft title');
        // A draft is for the preview only.
        const url = articleUrl('en', slug);
        if ((await request(c.server.sitePort, { path: url })).body.includes(draftTitle)) throw new Error(`the public site shows the draft title on ${url}`);
        return figure;
      },
    },
  ];
}
