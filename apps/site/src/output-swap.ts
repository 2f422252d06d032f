import fs from 'node:fs/promises';
import { exists } from './file-exists.js';

/** Where a build puts the spare before the last while it swaps (src/rebuild-runner.ts removes it after a kill). */
export const staleOf = (outputDir: string, pid = process.pid) => `${outputDir}.stale-${pid}`;

/**
 * Puts a finished build (`staging`) in place of the output, which becomes the spare the next
 * build starts from. A spare already there (a cold build's: nothing took it) is renamed aside
 * first and returned, to be removed once readers have the new output: removing 14,000 files takes
 * seconds on this disk, and the three renames none.
 */
export async function swapInto(outputDir: string, staging: string, spare: string): Promise<string | null> {
  const stale = staleOf(outputDir);
  // Left by an earlier process of this id that was stopped while it removed it.
  await fs.rm(stale, { recursive: true, force: true });
  let aside: string | null = null;
  if (await exists(spare)) {
    await fs.rename(spare, stale);
    aside = stale;
  }
  if (await exists(outputDir)) await fs.rename(outputDir, spare);
  await fs.rename(staging, outputDir);
  return aside;
}
