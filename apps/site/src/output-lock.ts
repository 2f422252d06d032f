import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Holds `<outputDir>.lock` until the returned release is called, waiting (up to ~10 minutes) while
 * another build holds it. A lock whose process died is taken over after 30 s.
 */
export async function lockOutput(outputDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(path.dirname(outputDir), { recursive: true });
  return lockfile.lock(outputDir, {
    realpath: false,
    lockfilePath: `${outputDir}.lock`,
    stale: 30_000,
    // Polled often: the next build's process waits on it to prepare as soon as a build ends (src/rebuild-runner.ts).
    retries: { retries: 2_400, minTimeout: 50, maxTimeout: 250 },
  });
}
