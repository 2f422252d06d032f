// Runs one build of the rebuild queue as a child process (src/rebuild-child.ts), killed with
// everything it started (pagefind) when the queue's deadline aborts it. The next build's process
// is started as soon as one starts, waits with the code loaded, and prepares its start once that
// build is done (see rebuild-child.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { bundledArgs } from './bundled.js';
import { childEnv, SITE_DIR, STARTED_AHEAD } from './env.js';
import type { ChildResult } from './rebuild-child.js';
import { sweepLeftovers } from './output-swap.js';
import type { BuildJob, BuildOutcome } from './rebuild-queue.js';

const KILL_GRACE_MS = 5_000;
const KEPT_LINES = 20;

export type BuildSettings = { outputDir: string; siteUrl: string; preview: boolean };

/** A build's process; one started ahead says when it has loaded the code (false: it ended first). */
type BuildProcess = { child: ChildProcess; loaded: Promise<boolean> | null };

/** Processes started ahead, waiting for their build, by output folder. */
const ready = new Map<string, BuildProcess>();
let stopped = false;

function startProcess(settings: BuildSettings, ahead: boolean): BuildProcess {
  const child = spawn(process.execPath, bundledArgs('src/rebuild-child.ts'), {
    cwd: SITE_DIR,
    env: childEnv({
      SITE_PREVIEW: String(settings.preview),
      SITE_OUTPUT_DIR: settings.outputDir,
      SITE_URL: settings.siteUrl,
      [STARTED_AHEAD]: ahead ? '1' : '',
    }),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group, so that a kill reaches what it started too.
    detached: true,
  });
  const loaded = ahead
    ? new Promise<boolean>((resolve) => {
        child.on('message', (message) => message === 'loaded' && resolve(true));
        child.once('close', () => resolve(false));
      })
    : null;
  return { child, loaded };
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null && child.connected;

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/**
 * Stops the processes waiting for a build (when the server stops), and resolves once they have
 * ended: each leaves the copy it made as the spare output first, which should be done before
 * whatever stopped the server goes on (and, say, removes the folders).
 */
export async function stopWaitingBuilds() {
  stopped = true;
  const waiting = [...ready.values()].map(({ child }) => child);
  ready.clear();
  await Promise.all(waiting.map(stopProcess));
}

/** SIGTERM to its process group, SIGKILL if it has not ended after KILL_GRACE_MS; resolves once it has. */
async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('close', resolve));
  killGroup(child, 'SIGTERM');
  const forceKill = setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS);
  await ended;
  clearTimeout(forceKill);
}

/** A build of `outputDir` (the site, or the preview with drafts when `preview`), its output prefixed with the target. */
export async function runBuildProcess(job: BuildJob, settings: BuildSettings): Promise<BuildOutcome> {
  const waiting = ready.get(settings.outputDir);
  ready.delete(settings.outputDir);
  const usable = waiting && alive(waiting.child) ? waiting : null;
  if (waiting && !usable) killGroup(waiting.child, 'SIGTERM');
  const running = runIn(usable ?? startProcess(settings, false), job, settings);
  // The next build's process loads the code while this one builds (a change saved right after
  // this one's is then built without waiting for that), and is told to prepare once it is done.
  const next = stopped ? null : startProcess(settings, true);
  if (next) ready.set(settings.outputDir, next);
  let outcome = await running;
  // Code changed since the waiting process loaded it: the build runs in a fresh one (which, not
  // started ahead, never says stale).
  if (outcome === 'stale') outcome = (await runIn(startProcess(settings, false), job, settings)) as BuildOutcome;
  if (next) {
    // Said for whoever watches the log (the bench waits for it: a publish then finds the site at rest).
    next.child.on('message', (message) => message === 'prepared' && console.log(`[${job.target}] next build prepared`));
    void next.loaded?.then((loaded) => loaded && alive(next.child) && next.child.send('prepare'));
  }
  return outcome;
}

function runIn({ child, loaded }: BuildProcess, job: BuildJob, settings: BuildSettings) {
  return new Promise<BuildOutcome | 'stale'>((resolve) => {
    const lastLines: string[] = [];
    // Whatever a process started ahead printed while it waited was kept by its streams: shown now.
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => {
        console.log(`[${job.target}] ${line}`);
        lastLines.push(line);
        if (lastLines.length > KEPT_LINES) lastLines.shift();
      });
    }
    let result: ChildResult | undefined;
    child.on('message', (message) => {
      // Besides its result, a process started ahead says "loaded" and "prepared".
      if (typeof message === 'object' && message !== null) result = message as ChildResult;
    });

    const onAbort = () => void stopProcess(child);
    job.signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      job.signal.removeEventListener('abort', onAbort);
      resolve({ ok: false, error: { message: `Could not start the build: ${error.message}`, entry: null } });
    });
    child.on('close', async (code, signal) => {
      job.signal.removeEventListener('abort', onAbort);
      if (job.signal.aborted) {
        killGroup(child, 'SIGKILL');
        // A killed build leaves its folders behind (its staging folder, perhaps a spare set aside).
        await sweepLeftovers(settings.outputDir);
      }
      if (result && 'stale' in result && !job.signal.aborted) {
        console.log(`[${job.target}] [solace] the code changed since the build's process started: building in a fresh one`);
        resolve('stale');
      } else if (result && 'ok' in result) {
        resolve(result.ok ? { ok: true } : { ok: false, error: result.error });
      } else {
        const how = signal ? `was stopped (${signal})` : `exited with code ${code}`;
        resolve({ ok: false, error: { message: `The build process ${how}. Last output:\n${lastLines.join('\n')}`, entry: null } });
      }
    });
    if (job.signal.aborted) onAbort();
    // Sent once it has loaded the code (a message before it listens would be lost); if it ended
    // instead, 'close' above has said so.
    else void loaded?.then((ok) => ok && alive(child) && child.send('go'));
  });
}
