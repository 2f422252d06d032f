// `pnpm bench`: on the reference corpus (`pnpm corpus`), in one run: starts a CMS on the corpus's
// own database (free loopback port), measures the fetch, a cold build, a render-only build from a
// content snapshot with the CMS stopped, and plain Eleventy on the same number of pages; prints a
// table and writes it to bench-results.json. A benchmark, not a test: it fails only when it
// cannot measure. Every child process has a time limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createContentClient, loadSiteContent } from '@solace/content';
import { childEnv, SITE_DIR } from '../src/env.js';
import { startCorpusCms, type BenchCms } from './bench-cms.js';
import { atLeast, atMost, formatTable, toResult, type Figure, type Row, type RowResult } from './bench-table.js';

const STEP_TIMEOUT_MS = 20 * 60_000;
const RESULTS_FILE = path.join(SITE_DIR, 'bench-results.json');
const log = (line: string) => console.log(`[bench] ${line}`);

type BuildRun = { pages: number; fetchMs: number; totalMs: number; peakRssMb: number; cpuMs: number };
type Context = {
  tempDir: string;
  cms: BenchCms | null;
  /** The CMS's address, kept after it stops so that both builds render the same pages. */
  cmsUrl: string;
  snapshotFile: string;
  cold?: BuildRun;
  renderOnly?: BuildRun;
  floor?: { pages: number; totalMs: number; cpuMs: number };
};

// The site's own article selection, relations included (as packages/content asks for it).
const ARTICLES_WITH_RELATIONS = `query BenchArticles($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
  articles_connection(locale: $locale, sort: ["date:desc", "publishedAt:desc", "documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
    nodes {
      documentId locale title slug summary body date publishedAt updatedAt coverAlt
      cover { url alternativeText width height }
      author { documentId }
      topics(pagination: { pageSize: 100 }) { documentId }
      seo { metaTitle metaDescription canonicalUrl }
    }
    pageInfo { pageCount total }
  }
}`;
const LOCALES = '{ i18NLocales { code } }';

const value = (figure: number | undefined | null) => figure ?? null;
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const cmsOf = (context: Context) => {
  if (!context.cms) throw new Error('the CMS is not running');
  return context.cms;
};

let context: Context;

// In the order they are measured; ratios are worked out once everything is measured.
const rows: Row<Context>[] = [
  {
    id: 'fetch-articles',
    label: 'fetch: articles with author + topics',
    target: atLeast(() => 3000, 1, '>= 3000 records/s'),
    measure: async (c) => {
      const cms = cmsOf(c);
      const client = createContentClient({ url: `${cms.url}/graphql`, token: cms.token });
      const { i18NLocales } = await client.request<{ i18NLocales: { code: string }[] }>(LOCALES);
      type Page = { articles_connection: { nodes: unknown[]; pageInfo: { pageCount: number; total: number } } };
      const fetchAll = () =>
        Promise.all(
          i18NLocales.map(({ code }) =>
            client.fetchAllPages<Page, { locale: string; page?: number; pageSize?: number }, unknown>(
              ARTICLES_WITH_RELATIONS, { locale: code }, (d) => d.articles_connection, 100,
            ),
          ),
        );
      await client.request(ARTICLES_WITH_RELATIONS, { locale: 'en', page: 1, pageSize: 10 }); // warm-up
      const started = performance.now();
      const records = (await fetchAll()).flat().length;
      const ms = performance.now() - started;
      return { value: perSecond(records, ms), unit: 'records/s', note: `${records} articles in ${seconds(ms)} s` };
    },
  },
  {
    id: 'fetch-site',
    label: "fetch: all the site's content",
    target: atLeast(() => 3000, 1, '>= 3000 records/s'),
    measure: async (c) => {
      const cms = cmsOf(c);
      const client = createContentClient({ url: `${cms.url}/graphql`, token: cms.token });
      const started = performance.now();
      const content = await loadSiteContent(client, { cmsOrigin: cms.url });
      const ms = performance.now() - started;
      const records = Object.values(content.byLocale).reduce(
        (sum, l) => sum + l.articles.length + l.authors.length + l.topics.length + l.providers.length,
        0,
      );
      return { value: perSecond(records, ms), unit: 'records/s', note: `${records} records (articles, authors, topics, providers) in ${seconds(ms)} s` };
    },
  },
  {
    id: 'cold-build',
    label: 'cold build (fetch + render)',
    target: atMost(() => value(context.renderOnly && seconds(context.renderOnly.totalMs)), 1.3, '<= 1.3x render-only'),
    measure: async (c) => {
      c.cold = await runBuild(c, ['--write-snapshot', c.snapshotFile]);
      return {
        value: seconds(c.cold.totalMs),
        unit: 's',
        note: `${c.cold.pages} pages; fetch ${seconds(c.cold.fetchMs)} s, render ${seconds(c.cold.totalMs - c.cold.fetchMs)} s; build CPU ${seconds(c.cold.cpuMs)} s`,
      };
    },
  },
  {
    id: 'peak-rss',
    label: 'peak RSS of the cold build',
    target: atMost(() => 1024, 1, '<= 1024 MB'),
    measure: async (c) => ({ value: c.cold!.peakRssMb, unit: 'MB', note: 'the build process (Pagefind runs in a process of its own)' }),
  },
  // Incremental builds (issue 12, section 4) add their measurements here.
  { id: 'rebuild-no-change', label: 'rebuild, nothing changed', target: atMost(() => value(context.cold && seconds(context.cold.totalMs)), 0.05, '<= 5% of cold') },
  { id: 'rebuild-article-edit', label: 'rebuild after one article edited', target: atMost(() => value(context.cold && seconds(context.cold.totalMs)), 0.1, '<= 10% of cold') },
  { id: 'rebuild-new-provider', label: 'rebuild after one new provider', target: atMost(() => value(context.cold && seconds(context.cold.totalMs)), 0.1, '<= 10% of cold') },
  { id: 'rebuild-unpublish', label: 'rebuild after one article unpublished', target: atMost(() => value(context.cold && seconds(context.cold.totalMs)), 0.1, '<= 10% of cold') },
  { id: 'rebuild-author-rename', label: 'rebuild after one author renamed', target: atMost(() => value(context.cold && seconds(context.cold.totalMs)), 0.1, '<= 10% of cold') },
  { id: 'publish-to-served', label: 'publish -> served on the site', target: atMost(() => 5, 1, '<= 5 s') },
  { id: 'draft-to-preview', label: 'draft saved -> shown in the preview', target: atMost(() => 5, 1, '<= 5 s') },
  {
    id: 'eleventy-floor',
    label: 'plain Eleventy floor (same page count)',
    target: null,
    measure: async (c) => {
      const dir = path.join(c.tempDir, 'floor');
      await fs.mkdir(dir);
      const result = await runChild(['scripts/bench-floor.ts', '--pages', String(c.cold!.pages)], { cwd: dir });
      c.floor = result as Context['floor'];
      return {
        value: perSecond(c.floor!.pages, c.floor!.totalMs),
        unit: 'pages/s',
        note: `${c.floor!.pages} pages in ${seconds(c.floor!.totalMs)} s; CPU ${seconds(c.floor!.cpuMs)} s = ${perSecond(c.floor!.pages, c.floor!.cpuMs)} pages per CPU-s`,
      };
    },
  },
  {
    id: 'render-only',
    label: 'render-only (content snapshot, no CMS)',
    target: atLeast(() => value(context.floor && perSecond(context.floor.pages, context.floor.totalMs)), 0.8, '>= 0.8x the Eleventy floor'),
    measure: async (c) => {
      // Stopped, so a build that still asked the CMS for anything would fail.
      await c.cms?.stop();
      c.cms = null;
      c.renderOnly = await runBuild(c, ['--read-snapshot', c.snapshotFile]);
      return {
        value: perSecond(c.renderOnly.pages, c.renderOnly.totalMs),
        unit: 'pages/s',
        note:
          `${c.renderOnly.pages} pages in ${seconds(c.renderOnly.totalMs)} s, peak RSS ${c.renderOnly.peakRssMb} MB; ` +
          `CPU ${seconds(c.renderOnly.cpuMs)} s = ${perSecond(c.renderOnly.pages, c.renderOnly.cpuMs)} pages per CPU-s (the build process; Pagefind's own process not counted)`,
      };
    },
  },
];

/** Runs a script of this package under tsx in a child process; its last `BENCH_RESULT {json}` line is the answer. */
function runChild(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const tsx = path.join(SITE_DIR, 'node_modules/tsx/dist/cli.mjs');
  return new Promise<unknown>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, ...args.map((a, i) => (i === 0 ? path.join(SITE_DIR, a) : a))], {
      cwd: options.cwd ?? SITE_DIR,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = output.split('\n').reverse().find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('BENCH_RESULT '.length)));
      else reject(new Error(`${args[0]} ${signal ? `was killed (${signal})` : `exited ${code}`}:\n${output.slice(-3000)}`));
    });
  });
}

async function runBuild(c: Context, args: string[]): Promise<BuildRun> {
  // Render-only gets the stopped CMS's address (nothing listens there any more) and a dummy token.
  return (await runChild(['scripts/bench-build.ts', ...args], {
    env: {
      STRAPI_URL: c.cmsUrl,
      STRAPI_TOKEN: c.cms?.token ?? 'benchRenderOnlyNoCmsTokenNeeded0000',
      SITE_URL: 'http://localhost:8080',
      SITE_OUTPUT_DIR: path.join(c.tempDir, 'site'),
      SITE_PREVIEW: '',
    },
  })) as BuildRun;
}

async function main() {
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-bench-'));
  context = { tempDir, cms: null, cmsUrl: '', snapshotFile: path.join(tempDir, 'content-snapshot.json') };
  const figures = new Map<string, { figure: Figure | null; status: RowResult['status']; note?: string }>();
  const started = performance.now();
  try {
    context.cms = await startCorpusCms(tempDir, log);
    context.cmsUrl = context.cms.url;
    for (const row of rows) {
      if (!row.measure) {
        figures.set(row.id, { figure: null, status: 'not measured yet' });
        continue;
      }
      log(`measuring: ${row.label}`);
      try {
        const figure = await row.measure(context);
        figures.set(row.id, { figure, status: 'measured' });
        log(`  ${figure.value} ${figure.unit}${figure.note ? ` (${figure.note})` : ''}`);
      } catch (error) {
        figures.set(row.id, { figure: null, status: 'failed', note: (error as Error).message.split('\n')[0] });
        log(`  failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await context.cms?.stop();
    await fs.rm(tempDir, { recursive: true, force: true });
  }

  const results = rows.map((row) => {
    const { figure, status, note } = figures.get(row.id) ?? { figure: null, status: 'failed' as const, note: 'not reached' };
    return toResult(row, figure, status, note);
  });
  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() },
    node: process.version,
    durationS: seconds(performance.now() - started),
    rows: results,
  };
  await fs.writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatTable(results)}\n`);
  console.log(`[bench] ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

await main();
