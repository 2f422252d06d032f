// One build for `pnpm start`'s rebuild queue, in a process of its own (each starts from a clean
// slate, and can be killed at its deadline). Tells the parent how it went over the IPC channel,
// with the entry a content error is about, so the CMS can link editors to it.
//
// Started ahead of its build (src/rebuild-runner.ts), it loads the code (the build's modules and
// Eleventy's config), says "loaded" and waits for "go". Told "prepare" meanwhile (the build before
// it is done), it prepares the build's start (the previous build read, its output copied:
// prepareBuild) and says "prepared": a second or more off a publish. A "go" that comes while it
// prepares stops that and builds as any build does. Should the code have changed since it loaded
// it, it builds nothing and says it is stale, so the parent starts a fresh one: a build never runs
// older code than it hashes.
import { buildSite, loadEleventy, prepareBuild, type PreparedBuild } from './build.js';
import { startedAhead } from './env.js';
import { sourcesHash } from './incremental/code-hash.js';
import { describeBuildError } from './rebuild-error.js';
import type { BuildError } from './rebuild-report.js';

export type ChildResult = { ok: true; pages: number; totalMs: number } | { ok: false; error: BuildError } | { stale: true };

/**
 * Says the code is loaded and waits for "go", preparing the build's start if told "prepare"
 * first; `go` is false if the parent went away, or the process is being stopped (`stop`).
 */
function waitForGo(loadedFrom: string, stop: AbortController) {
  return new Promise<{ go: boolean; prepared: Promise<PreparedBuild | null> | null }>((resolve) => {
    let preparing: Promise<PreparedBuild | null> | null = null;
    let prepared = false;
    const overtaken = new AbortController();
    process.on('message', (message) => {
      if (message === 'prepare' && !preparing) {
        preparing = prepareBuild(loadedFrom, AbortSignal.any([stop.signal, overtaken.signal]));
        void preparing.then(() => {
          prepared = true;
          if (process.connected && !stop.signal.aborted) process.send!('prepared');
        });
      } else if (message === 'go') {
        // Half a copy is no start: stopped, it becomes the spare, which the build sweeps while the content arrives.
        if (preparing && !prepared) {
          overtaken.abort();
          preparing = preparing.then(async (made) => (await made?.giveUp(), null));
        }
        resolve({ go: true, prepared: preparing });
      }
    });
    process.once('disconnect', () => resolve({ go: false, prepared: preparing }));
    stop.signal.addEventListener('abort', () => resolve({ go: false, prepared: preparing }), { once: true });
    process.send!('loaded');
  });
}

async function run(): Promise<ChildResult | null> {
  let sources: string | undefined;
  let prepared: PreparedBuild | null = null;
  if (startedAhead() && process.send) {
    const stop = new AbortController();
    let waited: Promise<{ go: boolean; prepared: Promise<PreparedBuild | null> | null }> | null = null;
    // Stopped while it waits (the server stops): the copy it made, or was making, is left as the spare.
    const onStop = () => {
      stop.abort();
      void (waited ?? Promise.resolve(null))
        .then(async (w) => (await w?.prepared)?.giveUp())
        .finally(() => process.exit(143));
    };
    process.once('SIGTERM', onStop);
    const loadedFrom = sourcesHash();
    await loadEleventy();
    if (stop.signal.aborted) return null;
    const { go, prepared: preparing } = await (waited = waitForGo(loadedFrom, stop));
    // Stopped meanwhile: onStop gives the copy up and ends the process.
    if (stop.signal.aborted) return null;
    process.off('SIGTERM', onStop);
    prepared = await preparing;
    if (go) sources = sourcesHash();
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
