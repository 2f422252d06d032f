// One build for `pnpm start`'s rebuild queue, in a process of its own (each starts from a clean
// slate, and can be killed at its deadline). Tells the parent how it went over the IPC channel,
// with the entry a content error is about, so the CMS can link editors to it.
//
// Started ahead of its build (src/rebuild-runner.ts), it loads the code (the build's modules and
// Eleventy's config) and prepares the build's start (the previous build read, its output copied:
// prepareBuild), says "loaded" and waits for "go": a second or more off every publish. Should the
// code have changed since it loaded it, it builds nothing and says it is stale, so the parent
// starts a fresh one: a build never runs older code than it hashes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSite, prepareBuild, type PreparedBuild } from './build.js';
import { SITE_DIR, startedAhead } from './env.js';
import { sourcesHash } from './incremental/code-hash.js';
import { describeBuildError } from './rebuild-error.js';
import type { BuildError } from './rebuild-report.js';

export type ChildResult = { ok: true; pages: number; totalMs: number } | { ok: false; error: BuildError } | { stale: true };

/** Tells the parent the code is loaded and waits for its "go"; false if the parent went away first. */
function goAhead() {
  return new Promise<boolean>((resolve) => {
    process.once('message', (message) => resolve(message === 'go'));
    process.once('disconnect', () => resolve(false));
    process.send!('loaded');
  });
}

async function run(): Promise<ChildResult | null> {
  let sources: string | undefined;
  let prepared: PreparedBuild | null = null;
  if (startedAhead() && process.send) {
    // Stopped while it waits (the server stops): the copy it made, or was making, is left as the spare.
    const stop = new AbortController();
    let preparing: Promise<PreparedBuild | null> | null = null;
    const onStop = () => {
      stop.abort();
      void (preparing ?? Promise.resolve(null)).then((made) => made?.giveUp()).finally(() => process.exit(143));
    };
    process.once('SIGTERM', onStop);
    const loadedFrom = await sourcesHash();
    // Eleventy imports its config by the same URL: this import is the one it finds.
    await import(pathToFileURL(path.join(SITE_DIR, 'eleventy.config.ts')).href);
    prepared = await (preparing = prepareBuild(loadedFrom, stop.signal));
    // Stopped meanwhile: onStop gives the copy up and ends the process.
    if (stop.signal.aborted) return null;
    const go = await goAhead();
    process.off('SIGTERM', onStop);
    if (go) sources = await sourcesHash();
    if (!go || sources !== loadedFrom) {
      await prepared?.giveUp();
      return go ? { stale: true } : null;
    }
    console.log('[solace] the code was loaded ahead of this build');
  }
  try {
    const built = await buildSite({ sources, prepared });
    console.log(`[solace] built ${built.pages} pages into ${built.outputDir} in ${built.totalMs} ms (fetch ${built.fetchMs} ms)`);
    return { ok: true, pages: built.pages, totalMs: built.totalMs };
  } catch (error) {
    const result: ChildResult = { ok: false, error: describeBuildError(error) };
    console.error(`[solace] The build failed: ${result.error.message}`);
    console.error('[solace] The previously built output, if any, is still served.');
    return result;
  }
}

const result = await run();
if (result && process.send && process.connected) {
  await new Promise<void>((resolve) => process.send!(result, () => resolve()));
  process.disconnect();
}
process.exitCode = result && 'ok' in result && !result.ok ? 1 : 0;
