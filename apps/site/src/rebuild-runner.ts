// Runs one build of the rebuild queue as a child process (src/rebuild-child.ts), killed with
// everything it started (pagefind) when the queue's deadline aborts it.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import readline from 'node:readline';
import { childEnv, SITE_DIR } from './env.js';
import type { ChildResult } from './rebuild-child.js';
import type { BuildJob, BuildOutcome } from './rebuild-queue.js';

const KILL_GRACE_MS = 5_000;
const KEPT_LINES = 20;

/** A build of `outputDir` (the site, or the preview with drafts when `preview`), its output prefixed with the target. */
export function runBuildProcess(job: BuildJob, settings: { outputDir: string; siteUrl: string; preview: boolean }): Promise<BuildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/rebuild-child.ts'], {
      cwd: SITE_DIR,
      env: childEnv({ SITE_PREVIEW: String(settings.preview), SITE_OUTPUT_DIR: settings.outputDir, SITE_URL: settings.siteUrl }),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Its own process group, so that a kill reaches what it started too.
      detached: true,
    });
    const lastLines: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => {
        console.log(`[${job.target}] ${line}`);
        lastLines.push(line);
        if (lastLines.length > KEPT_LINES) lastLines.shift();
      });
    }
    let result: ChildResult | undefined;
    child.on('message', (message) => (result = message as ChildResult));

    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    let forceKill: NodeJS.Timeout | undefined;
    const onAbort = () => {
      killGroup('SIGTERM');
      forceKill = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
    };
    job.signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      job.signal.removeEventListener('abort', onAbort);
      resolve({ ok: false, error: { message: `Could not start the build: ${error.message}`, entry: null } });
    });
    child.on('close', async (code, signal) => {
      job.signal.removeEventListener('abort', onAbort);
      clearTimeout(forceKill);
      if (job.signal.aborted) {
        killGroup('SIGKILL');
        // A killed build leaves its staging folder behind (src/build.ts names it by process id).
        await fs.rm(`${settings.outputDir}.building-${child.pid}`, { recursive: true, force: true });
      }
      if (result) {
        resolve(result.ok ? { ok: true } : { ok: false, error: result.error });
      } else {
        const how = signal ? `was stopped (${signal})` : `exited with code ${code}`;
        resolve({ ok: false, error: { message: `The build process ${how}. Last output:\n${lastLines.join('\n')}`, entry: null } });
      }
    });
  });
}
