import fs from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { ContentFetchError, ContentValidationError } from '@solace/content';
import { provideModel } from '../_config/data.js';
import { loadModel, type ContentSnapshotOptions } from '../_data/model.js';
import { EnvError, readEnv, SITE_DIR } from './env.js';
import { lockOutput } from './output-lock.js';

export type BuildResult = { outputDir: string; pages: number; fetchMs: number; totalMs: number };

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
 */
export async function buildSite(options: { snapshot?: ContentSnapshotOptions } = {}): Promise<BuildResult> {
  const release = await lockOutput(readEnv().outputDir);
  try {
    return await buildIntoStaging(options.snapshot);
  } finally {
    await release();
  }
}

async function buildIntoStaging(snapshot: ContentSnapshotOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const env = readEnv();
  const staging = `${env.outputDir}.building-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });

  process.chdir(SITE_DIR);
  let pages = 0;
  let fetchMs = 0;
  try {
    const { model, timings } = await loadModel(snapshot);
    fetchMs = timings.fetchMs;
    const config = (eleventyConfig: Parameters<typeof provideModel>[0]) => provideModel(eleventyConfig, model);
    const eleventy = new Eleventy('content', staging, { configPath: 'eleventy.config.ts', quietMode: true, config });
    const results = (await eleventy.write()) as unknown as [unknown, { outputPath?: string }[]] | { outputPath?: string }[];
    const written = Array.isArray(results[1]) ? results[1] : (results as { outputPath?: string }[]);
    pages = written.filter((r) => r?.outputPath?.endsWith('.html')).length;
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw rootCause(error);
  }

  const previous = `${env.outputDir}.previous-${process.pid}`;
  const hadOutput = await exists(env.outputDir);
  if (hadOutput) await fs.rename(env.outputDir, previous);
  await fs.rename(staging, env.outputDir);
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });

  return { outputDir: path.relative(process.cwd(), env.outputDir) || '.', pages, fetchMs, totalMs: Math.round(performance.now() - started) };
}

async function exists(p: string) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
