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
    retries: { retries: 600, minTimeout: 200, maxTimeout: 1_000 },
  });
}
