// `pnpm bench`: on the reference corpus (`pnpm corpus`), in one run: starts a CMS on a throwaway
// copy of the corpus (free loopback port), measures the fetch, a cold build, incremental rebuilds
// after an editor's changes, publish -> served and draft -> preview through the real site server,
// plain Eleventy on the same number of pages, and a render-only build from a content snapshot with
// the CMS paused (those last three in turns, with the cold build); prints a table and writes it to
// bench-results.json. `--only` / `--skip` measure a subset (scripts/bench-options.ts). A benchmark,
// not a test: a row that cannot measure is reported as failed and the others go on. Every row and
// every child process has a time limit.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@solace/cms/testing';
import { articlesQuery, createContentClient, loadSiteContent, PAGE_SIZE } from '@solace/content';
import { SITE_DIR } from '../src/env.js';
import { newSecret } from '../test/start/run-start.js';
import { startCorpusCms } from './bench-cms.js';
import { parseBenchArgs, selectRows, USAGE } from './bench-options.js';
import { cmsOf, rebuildRows } from './bench-rebuild.js';
import { medianOf, runBuild, runChild, seconds, type BuildRun } from './bench-run.js';
import { servedRows, type ServedContext } from './bench-served.js';
import { atLeast, atMost, formatTable, toResult, type Figure, type Measurement, type Row } from './bench-table.js';

const BUILD_TIMEOUT_MS = 20 * 60_000;
const ROW_TIMEOUT_MS = 25 * 60_000;
const RESULTS_FILE = path.join(SITE_DIR, 'bench-results.json');
const log = (line: string) => console.log(`[bench] ${line}`);

type FloorRun = { pages: number; totalMs: number; cpuMs: number };
type Median<R> = R & { times: string; runs: R[] };

type Context = ServedContext & {
  snapshotFile: string;
  /** The ids of the rows this run measures. */
  selected: ReadonlySet<string>;
  /** Measured with the cold build (measureBuildsInTurn), or why not. */
  renderOnly?: Median<BuildRun> | Error;
  floor?: Median<FloorRun> | Error;
};

const LOCALES = '{ i18NLocales { code } }';

const value = (figure: number | undefined | null) => figure ?? null;
/** A figure measured with the cold build, unless its runs failed. */
const measured = <R>(figure: R | Error | undefined) => (figure instanceof Error ? undefined : figure);

/**
 * A fetch's rate as a running CMS serves it: the first pass after the CMS started (its code not
 * yet optimised by the JIT, its caches cold) is reported in the note; the figure is the median of
 * the three passes after it.
 */
async function steadyRate(fetchAll: () => Promise<number>, what: string): Promise<Figure> {
  const passes: { records: number; ms: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const records = await fetchAll();
    passes.push({ records, ms: performance.now() - started });
  }
  const [first, ...steady] = passes.map((p) => ({ ...p, rate: perSecond(p.records, p.ms) }));
  const median = [...steady].sort((a, b) => a.rate - b.rate)[1]!;
  return {
    value: median.rate,
    unit: 'records/s',
    note:
      `${median.records} ${what} in ${seconds(median.ms)} s (median of 3 passes: ${steady.map((p) => p.rate).join(', ')} records/s); ` +
      `the first pass after the CMS started: ${first!.rate} records/s (${seconds(first!.ms)} s)`,
  };
}
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

/** The median (by time) of a whole build's runs, with their times for the note. */
function medianRun<R extends { totalMs: number }>(runs: R[]): Median<R> {
  return { ...medianOf(runs, (r) => r.totalMs), runs, times: `median of ${runs.length} runs: ${runs.map((r) => seconds(r.totalMs)).join(', ')} s` };
}

/**
 * The cold build, render-only and the floor (those of them selected) in turns: three rounds of one
 * of each. This machine's speed moves by a third within minutes, and their ratios (the cold build
 * against render-only, render-only against the floor) must compare runs of the same minutes: with
 * each row's three runs ten minutes apart, one run had the cold build 1.6x render-only and a rerun
 * of those rows 1.24x. Render-only reads the snapshot the cold build before it wrote, with the CMS
 * paused: it takes no CPU from the build, and a build that asked it anything would wait out its
 * timeout and fail.
 */
async function measureBuildsInTurn(c: Context) {
  const cms = cmsOf(c);
  const renderOnlyDir = path.join(c.tempDir, 'render-only');
  const floorDir = path.join(c.tempDir, 'floor');
  await fs.mkdir(floorDir);
  const runs = { cold: [] as BuildRun[], renderOnly: [] as BuildRun[], floor: [] as FloorRun[] };
  // A render-only or floor run that fails fails its own row, not the cold build's (the rebuild rows need that one).
  const failed: { renderOnly?: Error; floor?: Error } = {};
  const attempt = async <R>(kind: keyof typeof failed, run: () => Promise<R>, into: R[]) => {
    if (failed[kind]) return;
    try {
      into.push(await run());
    } catch (error) {
      failed[kind] = error as Error;
    }
  };
  for (let round = 0; round < 3; round++) {
    // Each run writes the whole output again: the rebuild rows start from the last one's.
    const cold = await runBuild({ cmsUrl: c.cmsUrl, token: cms.token, outputDir: c.siteDir, cold: true, args: ['--write-snapshot', c.snapshotFile], timeoutMs: BUILD_TIMEOUT_MS });
    runs.cold.push(cold);
    if (c.selected.has('render-only')) {
      cms.pause();
      // Cold, in a folder of its own: an incremental build would carry the last run's pages instead of rendering.
      await attempt('renderOnly', () => runBuild({ cmsUrl: c.cmsUrl, token: undefined, outputDir: renderOnlyDir, cold: true, args: ['--read-snapshot', c.snapshotFile], timeoutMs: BUILD_TIMEOUT_MS }), runs.renderOnly);
      cms.resume();
    }
    if (c.selected.has('eleventy-floor')) {
      const floor = async () => (await runChild(['scripts/bench-floor.ts', '--pages', String(cold.pages)], { cwd: floorDir, timeoutMs: BUILD_TIMEOUT_MS })).result as FloorRun;
      await attempt('floor', floor, runs.floor);
    }
  }
  // The peak RSS row reports the highest of the three.
  const cold = { ...medianRun(runs.cold), peakRssMb: Math.max(...runs.cold.map((r) => r.peakRssMb)) };
  c.cold = cold;
  c.renderOnly = failed.renderOnly ?? (runs.renderOnly.length > 0 ? medianRun(runs.renderOnly) : undefined);
  c.floor = failed.floor ?? (runs.floor.length > 0 ? medianRun(runs.floor) : undefined);
  return cold;
}

/** What measureBuildsInTurn measured for a row that needs the cold build's; its failure, thrown again. */
function measuredInTurn<R>(figure: R | Error | undefined, what: string): R {
  if (figure instanceof Error) throw figure;
  if (!figure) throw new Error(`${what} was not measured with the cold build`);
  return figure;
}

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
      // The build's own query and page size: every field and relation a build asks for.
      const fetchAll = async () =>
        (
          await Promise.all(
            i18NLocales.map(({ code }) =>
              client.fetchAllPages(articlesQuery, { locale: code }, (d) => d.articles_connection ?? { nodes: [] }, PAGE_SIZE),
            ),
          )
        ).flat().length;
      return steadyRate(fetchAll, 'articles');
    },
  },
  {
    id: 'fetch-site',
    label: "fetch: all the site's content",
    target: atLeast(() => 3000, 1, '>= 3000 records/s'),
    measure: async (c) => {
      const cms = cmsOf(c);
      const client = createContentClient({ url: `${cms.url}/graphql`, token: cms.token });
      const fetchAll = async () => {
        const content = await loadSiteContent(client, { cmsOrigin: cms.url });
        return Object.values(content.byLocale).reduce(
          (sum, l) => sum + l.articles.length + l.authors.length + l.topics.length + l.providers.length,
          0,
        );
      };
      return steadyRate(fetchAll, 'records (articles, authors, topics, providers)');
    },
  },
  {
    id: 'cold-build',
    label: 'cold build (fetch + render)',
    target: atMost(() => {
      const renderOnly = measured(context.renderOnly);
      return renderOnly ? seconds(renderOnly.totalMs) : null;
    }, 1.3, '<= 1.3x render-only'),
    measure: async (c) => {
      const cold = await measureBuildsInTurn(c);
      return {
        value: seconds(cold.totalMs),
        unit: 's',
        note: `${cold.pages} pages (${cold.times}); process start and code loading ${seconds(cold.totalMs - cold.buildMs)} s, fetch ${seconds(cold.fetchMs)} s, render ${seconds(cold.buildMs - cold.fetchMs)} s; build CPU ${seconds(cold.cpuMs)} s`,
      };
    },
  },
  {
    id: 'peak-rss',
    label: 'peak RSS of the cold build',
    target: atMost(() => 1024, 1, '<= 1024 MB'),
    needs: ['cold-build'],
    measure: async (c) => ({ value: c.cold!.peakRssMb, unit: 'MB', note: 'the highest of the three cold builds, the build process (Pagefind runs two services, in processes of their own)' }),
  },
  // In the cold build's output, with the CMS running: incremental rebuilds, then the site server.
  ...rebuildRows(() => value(context.cold && seconds(context.cold.totalMs))),
  ...servedRows(),
  {
    id: 'eleventy-floor',
    label: 'plain Eleventy floor (same page count)',
    target: null,
    needs: ['cold-build'],
    measure: async (c) => {
      const floor = measuredInTurn(c.floor, 'the floor');
      return {
        value: perSecond(floor.pages, floor.totalMs),
        unit: 'pages/s',
        note: `${floor.pages} pages in ${seconds(floor.totalMs)} s (${floor.times}); CPU ${seconds(floor.cpuMs)} s = ${perSecond(floor.pages, floor.cpuMs)} pages per CPU-s`,
      };
    },
  },
  {
    id: 'render-only',
    label: 'render-only (content snapshot, no CMS)',
    target: atLeast(() => {
      const floor = measured(context.floor);
      return floor ? perSecond(floor.pages, floor.totalMs) : null;
    }, 0.8, '>= 0.8x the Eleventy floor'),
    needs: ['cold-build'],
    measure: async (c) => {
      const renderOnly = measuredInTurn(c.renderOnly, 'render-only');
      return {
        value: perSecond(renderOnly.pages, renderOnly.totalMs),
        unit: 'pages/s',
        note:
          `${renderOnly.pages} pages in ${seconds(renderOnly.totalMs)} s (${renderOnly.times}), peak RSS ${renderOnly.peakRssMb} MB; ` +
          `CPU ${seconds(renderOnly.cpuMs)} s = ${perSecond(renderOnly.pages, renderOnly.cpuMs)} pages per CPU-s (the build process; Pagefind's two processes not counted)`,
      };
    },
  },
];

/** The row's own promise, or a failure when it has not settled within ms. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => {}); // settles later, after the row has been reported as failed
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result within ${ms / 60_000} min (the row's time limit)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

async function measureRow(row: Row<Context>, measurements: Map<string, Measurement>): Promise<Measurement> {
  const unmet = (row.needs ?? []).filter((id) => measurements.get(id)?.status !== 'measured');
  if (unmet.length > 0) return { figure: null, status: 'failed', note: `needs ${unmet.join(', ')}, which ${unmet.length > 1 ? 'were' : 'was'} not measured` };
  log(`measuring: ${row.label}`);
  const before = loadAverage();
  const started = performance.now();
  const done = (m: Measurement): Measurement => ({ ...m, durationS: seconds(performance.now() - started), loadAverage: { before, after: loadAverage() } });
  try {
    const figure = await withTimeout(row.measure!(context), row.timeoutMs ?? ROW_TIMEOUT_MS);
    log(`  ${figure.value} ${figure.unit}${figure.note ? ` (${figure.note})` : ''}`);
    return done({ figure, status: 'measured' });
  } catch (error) {
    log(`  failed: ${(error as Error).message}`);
    return done({ figure: null, status: 'failed', note: (error as Error).message.split('\n')[0] });
  }
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(`${USAGE}\nrows: ${rows.map((r) => r.id).join(', ')}`);
    return;
  }
  const selected = selectRows(rows, args);
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-bench-'));
  const sitePort = await freePort();
  const server = { sitePort, previewPort: await freePort([sitePort]), secret: newSecret() };
  context = { tempDir, cms: null, cmsUrl: '', siteDir: path.join(tempDir, 'site'), snapshotFile: path.join(tempDir, 'content-snapshot.json'), server, selected };
  const measurements = new Map<string, Measurement>();
  const loadBefore = loadAverage();
  const started = performance.now();
  log(`load average ${loadBefore.join(' ')} (${os.cpus().length} CPUs); measuring ${rows.filter((r) => selected.has(r.id)).map((r) => r.id).join(', ')}`);
  try {
    if (selected.size > 0) {
      // Its webhook calls the site server of the publish rows (nothing listens before them: those calls fail, harmlessly).
      context.cms = await startCorpusCms(tempDir, log, {
        rebuild: { url: `http://127.0.0.1:${server.sitePort}/__rebuild`, secret: server.secret },
        takenPorts: [server.sitePort, server.previewPort],
      });
      context.cmsUrl = context.cms.url;
    }
    for (const row of rows) {
      if (!selected.has(row.id)) measurements.set(row.id, { figure: null, status: 'skipped' });
      else if (!row.measure) measurements.set(row.id, { figure: null, status: 'not measured yet' });
      else measurements.set(row.id, await measureRow(row, measurements));
    }
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
  } finally {
    await context.site?.stop();
    await context.cms?.stop();
    await fs.rm(tempDir, { recursive: true, force: true });
  }

  const results = rows.map((row) => toResult(row, measurements.get(row.id) ?? { figure: null, status: 'failed', note: 'not reached' }));
  const loadAfter = loadAverage();
  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    /** 1, 5 and 15 minute load averages when the run started and ended (each row has its own). */
    loadAverage: { before: loadBefore, after: loadAfter },
    selection: { only: args.only, skip: args.skip },
    node: process.version,
    durationS: seconds(performance.now() - started),
    rows: results,
  };
  await fs.writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatTable(results)}\n`);
  console.log(
    `[bench] ${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ` +
      `${loadAfter.map((l) => l.toFixed(1)).join(' ')} after; written to ${path.relative(process.cwd(), RESULTS_FILE)}`,
  );
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

await main();
