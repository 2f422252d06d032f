import fs from 'node:fs/promises';
import path from 'node:path';
import { exists } from './file-exists.js';

/**
 * The folders a build process keeps beside the output, named by its id: where it builds until the
 * whole build succeeded (src/build.ts), and the spare before the last, set aside while it swaps.
 * A process that is stopped leaves them; sweepLeftovers removes them.
 */
const LEFTOVERS = ['building', 'stale'] as const;
const folderOf = (kind: (typeof LEFTOVERS)[number]) => (outputDir: string, pid = process.pid) => `${outputDir}.${kind}-${pid}`;
export const stagingOf = folderOf('building');
export const staleOf = folderOf('stale');

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

/**
 * Removes what build processes that were stopped left beside the output (their staging folders
 * and spares set aside), once no process of that id runs (a process started ahead keeps its
 * staging folder while it waits for its go). Returns the folders removed.
 */
export async function sweepLeftovers(outputDir: string): Promise<string[]> {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}.`;
  const removed: string[] = [];
  for (const name of await fs.readdir(parent).catch(() => [] as string[])) {
    const left = name.startsWith(prefix) ? LEFTOVER_NAME.exec(name.slice(prefix.length)) : null;
    const pid = Number(left?.[1]);
    if (!left || pid === process.pid || isRunning(pid)) continue;
    await fs.rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

const LEFTOVER_NAME = new RegExp(`^(?:${LEFTOVERS.join('|')})-(\\d+)$`);

/** Whether a process of this id runs (one of another user's is there too). */
function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
