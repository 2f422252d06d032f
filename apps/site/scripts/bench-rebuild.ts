// The incremental rows of `pnpm bench`: an editor changes one thing in the CMS (or nothing), then
// the site builds again, incrementally, into the output of the cold build. Each row checks that the
// change reached the output, and fails if the build fell back to a cold one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { articleUrl, authorUrl, providerUrl } from '@solace/routes';
import { exists } from '../src/file-exists.js';
import type { BenchCms } from './bench-cms.js';
import { createEditor, type Editor } from './bench-editor.js';
import { startBuildAhead } from '../test/e2e/run-build.js';
import { BENCH_SITE_URL, describeBuild, logLine, medianOfThree, runBuild, seconds, type BuildRun } from './bench-run.js';
import { atMost, type Figure, type Row } from './bench-table.js';

export type RebuildContext = {
  cms: BenchCms | null;
  cmsUrl: string;
  /** The site's output folder: the cold build's, then every rebuild's. */
  siteDir: string;
  cold?: BuildRun;
  editor?: Editor;
  /** The article the edit row changed (the publish row changes it again). */
  edited?: { documentId: string; slug: string };
};

const BUILD_TIMEOUT_MS = 10 * 60_000;
const ROW_TIMEOUT_MS = 12 * 60_000;

export const cmsOf = (c: { cms: BenchCms | null }) => {
  if (!c.cms) throw new Error('the CMS is not running');
  return c.cms;
};

export async function editorFor(c: RebuildContext) {
  return (c.editor ??= await createEditor(cmsOf(c).connection));
}

/** A unique text for a change, plain letters and digits so that it shows in HTML as it is. */
export const marker = (what: string) => `${what} ${Date.now().toString(36)}`;

const pageFile = (siteDir: string, url: string) => path.join(siteDir, url, 'index.html');

async function pageShows(siteDir: string, url: string, text: string) {
  const html = await fs.readFile(pageFile(siteDir, url), 'utf8').catch(() => {
    throw new Error(`the rebuilt output has no page ${url}`);
  });
  if (!html.includes(text)) throw new Error(`the rebuilt page ${url} does not show "${text}": the change did not reach the output`);
}

async function rebuild(c: RebuildContext, check: () => Promise<void>): Promise<Figure> {
  if (!c.cold) throw new Error('needs the cold build');
  const run = await runBuild({ cmsUrl: c.cmsUrl, token: cmsOf(c).token, outputDir: c.siteDir, cold: false, timeoutMs: BUILD_TIMEOUT_MS });
  if (run.mode === 'cold') throw new Error(`the build was a cold one, not incremental: ${run.plan ?? describeBuild(run)}`);
  await check();
  return { value: seconds(run.totalMs), unit: 's', note: describeBuild(run) };
}

/**
 * Three rebuilds, each after a change of its own (`change` makes it and returns the check that it
 * reached the output); the figure is the median. The first rebuild after the cold builds also
 * relinks every page of the spare output (an older, unrelated generation), which a newsroom's
 * steady stream of rebuilds does not: the note gives all three.
 */
function threeRebuilds(c: RebuildContext, change: () => Promise<() => Promise<void>>): Promise<Figure> {
  return medianRebuild(async () => rebuild(c, await change()));
}

/** The median of three rebuilds, with all three in the note. */
async function medianRebuild(run: () => Promise<Figure>): Promise<Figure> {
  const { median, runs } = await medianOfThree(run, (figure) => figure.value);
  return { ...median, note: `median of 3 rebuilds: ${runs.map((r) => r.value).join(', ')} s; the median: ${median.note}` };
}

/** An editor publishes a new title for the first English article; returns the check that it was built. */
async function editOneArticle(c: RebuildContext) {
  const editor = await editorFor(c);
  const article = await editor.nth('articles', 0);
  const title = marker('Bench edited title');
  await editor.api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title });
  c.edited = { documentId: article.documentId, slug: String(article.slug) };
  return () => pageShows(c.siteDir, articleUrl('en', String(article.slug)), title);
}

/**
 * A rebuild as the site server of `pnpm start` runs one: by a build process started ahead, which
 * loaded the code and prepared the build's start (src/rebuild-child.ts) before the change; the
 * figure is from its go to its exit, as the server waits for it.
 */
async function preparedRebuild(c: RebuildContext, change: () => Promise<() => Promise<void>>): Promise<Figure> {
  if (!c.cold) throw new Error('needs the cold build');
  const build = await startBuildAhead({ STRAPI_URL: c.cmsUrl, STRAPI_TOKEN: cmsOf(c).token, SITE_OUTPUT_DIR: c.siteDir, SITE_URL: BENCH_SITE_URL });
  let check: () => Promise<void>;
  try {
    await build.prepare();
    check = await change();
  } catch (error) {
    await build.stop();
    throw error;
  }
  const run = await build.go();
  const said = (pattern: RegExp) => logLine(run.output, pattern)?.replace(/^\[solace\] /, '');
  if (run.code !== 0) throw new Error(`the build failed:\n${run.output.slice(-3000)}`);
  if (!said(/waited for its go/)) throw new Error(`the build did not start from what its process prepared:\n${run.output.slice(-3000)}`);
  const plan = said(/^\[solace\] (cold|incremental) build/);
  if (!plan?.startsWith('incremental')) throw new Error(`the build was not an incremental one: ${plan}`);
  await check();
  return { value: seconds(run.ms), unit: 's', note: [plan, said(/^\[solace\] phases: /), said(/^\[solace\] built /)].join('; ') };
}

/** Three prepared rebuilds (see preparedRebuild), each after a change of its own; the figure is the median. */
function threePreparedRebuilds(c: RebuildContext, change: () => Promise<() => Promise<void>>): Promise<Figure> {
  return medianRebuild(() => preparedRebuild(c, change));
}

const PROVIDER_FIELDS = [
  'organizationType', 'streetAddress', 'city', 'state', 'zip', 'latitude', 'longitude', 'phone', 'website', 'email',
  'careHospital', 'careOfficeClinic', 'careHome', 'careNursingHome', 'agesAdults', 'agesChildren', 'languagesSpoken',
  'acceptingNewPatients', 'description', 'services',
];

type Change = (c: RebuildContext) => Promise<() => Promise<void>>;

/** A copy of an existing provider under a new name: valid by construction. */
const addOneProvider: Change = async (c) => {
  const editor = await editorFor(c);
  const model = await editor.nth('providers', 0);
  const name = marker('Bench Provider');
  const slug = name.toLowerCase().replace(/ /g, '-');
  const fields = Object.fromEntries(PROVIDER_FIELDS.filter((f) => model[f] !== null && model[f] !== undefined).map((f) => [f, model[f]]));
  await editor.api('POST', 'providers?locale=en', { ...fields, name, slug });
  return () => pageShows(c.siteDir, providerUrl('en', String(model.state), slug), name);
};

/** Another article each time: the one unpublished before is no longer listed. */
const unpublishOneArticle: Change = async (c) => {
  const editor = await editorFor(c);
  const article = await editor.nth('articles', 1);
  await editor.unpublishArticle(article.documentId);
  const url = articleUrl('en', String(article.slug));
  return async () => {
    const left = await exists(pageFile(c.siteDir, url));
    if (left) throw new Error(`the unpublished article's page ${url} is still in the rebuilt output`);
  };
};

/** Author names are not translated: the byline changes in every language. */
const renameOneAuthor: Change = async (c) => {
  const editor = await editorFor(c);
  const author = await editor.nth('authors', 0);
  const name = marker('Bench Author');
  await editor.api('PUT', `authors/${author.documentId}?locale=en&status=published`, { name });
  return () => pageShows(c.siteDir, authorUrl('en', String(author.slug)), name);
};

/**
 * The rebuild rows, each change twice: built by `pnpm build` (a fresh process), and as `pnpm
 * start` builds it (a process that prepared while it waited); `coldSeconds` is the cold build's
 * time once measured (their targets are fractions of it).
 */
export function rebuildRows(coldSeconds: () => number | null): Row<RebuildContext>[] {
  const kinds: { id: string; label: string; share: number; change: Change }[] = [
    { id: 'rebuild-no-change', label: 'rebuild, nothing changed', share: 0.05, change: async () => async () => {} },
    { id: 'rebuild-article-edit', label: 'rebuild after one article edited', share: 0.1, change: editOneArticle },
    { id: 'rebuild-new-provider', label: 'rebuild after one new provider', share: 0.1, change: addOneProvider },
    { id: 'rebuild-unpublish', label: 'rebuild after one article unpublished', share: 0.1, change: unpublishOneArticle },
    { id: 'rebuild-author-rename', label: 'rebuild after one author renamed', share: 0.1, change: renameOneAuthor },
  ];
  return kinds.flatMap(({ id, label, share, change }) => {
    const target = atMost(coldSeconds, share, `<= ${share * 100}% of cold`);
    const row = { target, needs: ['cold-build'], timeoutMs: ROW_TIMEOUT_MS };
    return [
      { ...row, id, label, measure: (c: RebuildContext) => threeRebuilds(c, () => change(c)) },
      {
        ...row,
        id: `${id}-prepared`,
        label: 'the same, by a build process that prepared while it waited (pnpm start)',
        measure: (c: RebuildContext) => threePreparedRebuilds(c, () => change(c)),
      },
    ];
  });
}
