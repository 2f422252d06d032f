// Child processes of `pnpm bench`: a script of this package, run bundled as `pnpm build` runs its
// own, answering with its last `BENCH_RESULT {json}` line and killed at its time limit; and a site
// build (scripts/bench-build.ts).
import { spawn } from 'node:child_process';
import { bundledArgs } from '../src/bundled.js';
import { childEnv, SITE_DIR } from '../src/env.js';

/** What scripts/bench-build.ts prints: src/build.ts's BuildResult plus its process's peak memory and CPU. */
export type BuildRun = {
  pages: number;
  mode?: string;
  rendered?: number;
  carried?: number;
  fetchMs: number;
  /** From the build process's start (loading its code included) to the build's end. */
  totalMs: number;
  /** The build's own time (BuildResult.totalMs): from buildSite() to its end. */
  buildMs: number;
  peakRssMb: number;
  cpuMs: number;
  /** The build's log line saying whether it was cold (and why) or incremental. */
  plan?: string;
  /** Whatever else BuildResult carries (e.g. records fetched and reused, the fetch's mode). */
  [other: string]: unknown;
};

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * Three runs of a measurement, one after the other, and the median by `by`: one build on this
 * machine varies by 20-30% from run to run (the disk, mostly), more than the ratios between rows.
 */
export async function medianOfThree<R>(run: () => Promise<R>, by: (result: R) => number): Promise<{ median: R; runs: R[] }> {
  const runs: R[] = [];
  for (let i = 0; i < 3; i++) runs.push(await run());
  return { median: medianOf(runs, by), runs };
}

/** The middle one of runs (an odd number of them) by `by`. */
export const medianOf = <R>(runs: R[], by: (result: R) => number): R => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;

/** Runs a script of this package in a child process, as `pnpm build` runs its own; its last `BENCH_RESULT {json}` line is the answer. */
export function runChild([script, ...args]: [string, ...string[]], options: { cwd?: string; env?: Record<string, string>; timeoutMs: number }) {
  return new Promise<{ result: unknown; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, bundledArgs(script, ...args), {
      cwd: options.cwd ?? SITE_DIR,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = output.split('\n').reverse().find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) resolve({ result: JSON.parse(line.slice('BENCH_RESULT '.length)), output });
      else {
        const how = signal ? `was killed (${signal}${signal === 'SIGKILL' ? `, after its limit of ${options.timeoutMs / 1000} s?` : ''})` : `exited ${code}`;
        reject(new Error(`${script} ${how}:\n${output.slice(-3000)}`));
      }
    });
  });
}

export type BuildSettings = {
  cmsUrl: string;
  /** The CMS's read-only token; render-only has none (its CMS is stopped). */
  token: string | undefined;
  outputDir: string;
  /** SITE_BUILD_COLD=1: render every page; otherwise incremental on the previous build in outputDir. */
  cold: boolean;
  /** A preview build (drafts) at its public address, instead of the site at BENCH_SITE_URL. */
  preview?: { siteUrl: string };
  args?: string[];
  timeoutMs: number;
};

/** One site build in a process of its own (scripts/bench-build.ts), as `pnpm build` would run it. */
export async function runBuild({ cmsUrl, token, outputDir, cold, preview, args = [], timeoutMs }: BuildSettings): Promise<BuildRun> {
  const { result, output } = await runChild(['scripts/bench-build.ts', ...args], {
    env: {
      STRAPI_URL: cmsUrl,
      STRAPI_TOKEN: token ?? 'benchRenderOnlyNoCmsTokenNeeded0000',
      SITE_URL: preview?.siteUrl ?? BENCH_SITE_URL,
      SITE_OUTPUT_DIR: outputDir,
      SITE_PREVIEW: preview ? '1' : '',
      SITE_BUILD_COLD: cold ? '1' : '',
    },
    timeoutMs,
  });
  // The build's own account of what it did ("[solace] cold build: <why>" or "incremental build: ...").
  const plan = logLine(output, /^\[solace\] (cold|incremental) build/);
  return { ...(result as BuildRun), plan };
}

/** The first line of a build's log that `pattern` finds. */
export const logLine = (output: string, pattern: RegExp) => output.split('\n').find((line) => pattern.test(line));

/** The public addresses of the bench's site and preview builds (part of the incremental build's code
 * hash, so the site server's builds go on from the bench's). */
export const BENCH_SITE_URL = 'http://localhost:8080';
export const BENCH_PREVIEW_URL = 'http://localhost:8081';

const KNOWN = new Set(['outputDir', 'pages', 'mode', 'rendered', 'carried', 'fetchMs', 'totalMs', 'buildMs', 'peakRssMb', 'cpuMs', 'plan']);

/** "incremental: 12 rendered, 14324 carried; fetch 80.1 s; ..." with whatever else the build reported. */
export function describeBuild(run: BuildRun) {
  const extra = Object.entries(run)
    .filter(([key, value]) => !KNOWN.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [
    `${run.mode ?? 'mode not reported'}: ${run.rendered ?? '?'} pages rendered, ${run.carried ?? '?'} carried (${run.pages} HTML files written)`,
    `process start and code loading ${run.totalMs - run.buildMs} ms`,
    `fetch ${run.fetchMs} ms`,
    `the rest (plan, render, carry, search index) ${run.buildMs - run.fetchMs} ms`,
    `total ${run.totalMs} ms`,
    `build CPU ${seconds(run.cpuMs)} s`,
    ...extra,
  ].join('; ');
}
