import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isIndexedPage, searchLanguageOf } from '../indexed-pages.js';

/**
 * Puts files of the previous output into the new one, a few at a time (one by one, a build of
 * 14,000 pages mostly waited on the file system), creating each folder once. Pages are
 * hard-linked: the build never writes to them (Eleventy renders only the other pages). Anything a
 * build may write again (images) is copied, so the published output is never touched.
 */
export async function carryOverAll(from: string, to: string, files: string[], mode: 'link' | 'copy', stop?: AbortSignal) {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    return made;
  };
  await eachFile(files, async (file) => {
    if (stop?.aborted) return;
    const target = path.join(to, file);
    await folder(path.dirname(target));
    await placeFile(path.join(from, file), target, mode);
  });
}

/** Does `work` for every item, a few at a time: one by one, a build mostly waits on the file system. */
export async function eachFile<T>(items: T[], work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FILES, items.length) }, worker));
}

const CONCURRENT_FILES = 32;

/**
 * Makes a spare output (the one before the previous, which nothing serves) into the start of a
 * new one: afterwards it holds exactly the carried files, each a hard link of the previous
 * output's, and nothing else. Creating 14,000 page folders costs seconds on this file system,
 * and the spare has most of them already; a carried file already linked to the previous
 * output's is kept, another version of it replaced by a link, any other file removed (so the
 * build writes only new files, never into a linked one), and so is a folder left empty.
 * On a worker thread (carry-worker.mjs; 0.6 s of file system calls at corpus scale, which held up
 * the build's own work on its thread), in short steps: stopped (`stop`), it leaves a folder still
 * fit to be a spare, and the next build sweeps whatever it holds. `linked`: files known to be
 * links of the previous output's already (spare-record.ts), not compared. Returns how many of the
 * spare's files were taken as such.
 */
export async function carryOverInto(from: string, spare: string, files: string[], stop?: AbortSignal, linked?: ReadonlySet<string>) {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const onStop = () => Atomics.store(stopFlag, 0, 1);
  if (stop?.aborted) onStop();
  stop?.addEventListener('abort', onStop);
  const worker = new Worker(CARRY_WORKER, {
    workerData: { from, spare, files: files.map(slashed), linked: linked ? [...linked] : null, stop: stopFlag.buffer },
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.once('message', (result: { trusted: number }) => resolve(result.trusted));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`carrying the previous output over stopped (worker exit code ${code})`)));
    });
  } finally {
    stop?.removeEventListener('abort', onStop);
  }
}

const CARRY_WORKER = new URL('./carry-worker.mjs', import.meta.url);

/** A path relative to an output, with `/` between its parts (as the manifest's indexed files and spare-record.ts name them). */
export const slashed = (file: string) => file.split(path.sep).join('/');
/** Lets other work run; false when `stop` says to go no further. */
export const nextTurn = (stop?: AbortSignal) => new Promise<boolean>((resolve) => setImmediate(() => resolve(!stop?.aborted)));

/** Removes files from a folder, and the folders they leave empty (a cold build would not have them). */
export async function removeFiles(dir: string, files: string[]) {
  const folders = new Set<string>();
  await eachFile(files, async (file) => {
    await fs.rm(path.join(dir, file), { force: true });
    folders.add(path.dirname(file));
  });
  // Deepest first, so that a folder whose only content was an emptied folder goes too.
  const byDepth = [...folders].sort((a, b) => b.split(path.sep).length - a.split(path.sep).length);
  for (const folder of byDepth) {
    for (let current = folder; current !== '.' && current !== ''; current = path.dirname(current)) {
      const left = await fs.readdir(path.join(dir, current)).catch(() => null);
      if (left === null || left.length > 0) break;
      await fs.rmdir(path.join(dir, current));
    }
  }
}

/** The files of a folder, sub-folders included, as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The files under `root`/`dir`, as paths relative to `root` (none when there is no such folder). */
export async function filesIn(root: string, dir: string): Promise<string[]> {
  return (await filesUnder(path.join(root, dir)).catch(() => [] as string[])).map((file) => path.join(dir, file));
}

/** Removes the folders under `dir` that hold no file; whether `dir` holds any. */
export async function removeEmptyFolders(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const kept = await Promise.all(
    entries.map(async (entry) => {
      if (!entry.isDirectory()) return true;
      const target = path.join(dir, entry.name);
      if (await removeEmptyFolders(target)) return true;
      await fs.rmdir(target);
      return false;
    }),
  );
  return kept.includes(true);
}

/** Whether two paths are the same file (hard links of one another). */
export function sameFile(a: string, b: string) {
  const sa = fsSync.statSync(a, { throwIfNoEntry: false });
  const sb = fsSync.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.ino === sb.ino && sa.dev === sb.dev;
}

/** A hard link of `source` at `target` (a copy across file systems), or a copy. */
export async function placeFile(source: string, target: string, mode: 'link' | 'copy') {
  if (mode === 'link') {
    try {
      await fs.link(source, target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  await fs.copyFile(source, target);
}

/**
 * The /img/ files a written page uses, and the search index's language that takes it (null: none).
 * A page Eleventy hands back as UTF-8 bytes is read as bytes: decoding all 14,000 pages again cost
 * a cold build half a second, and only the indexed ones need their text (for `<html lang>`).
 */
export function writtenPageFacts(page: string | Buffer): { images: string[]; searchLanguage: string | null } {
  if (typeof page === 'string') return { images: [...new Set([...page.matchAll(IMAGE_REF)].map((m) => `img/${m[1]}`))], searchLanguage: searchLanguageOf(page) };
  return { images: imagesInBytes(page), searchLanguage: isIndexedPage(page) ? searchLanguageOf(page.toString('utf8')) : null };
}

const IMAGE_DIR = '/img/';
const IMAGE_REF = /\/img\/([A-Za-z0-9._-]+)/g;
const isImageNameByte = (byte: number) =>
  (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2e || byte === 0x5f || byte === 0x2d;

/** IMAGE_REF's matches, in order, found in UTF-8 bytes: its characters are ASCII, which UTF-8 writes as themselves. */
function imagesInBytes(bytes: Buffer): string[] {
  const images = new Set<string>();
  let at = bytes.indexOf(IMAGE_DIR);
  while (at >= 0) {
    const name = at + IMAGE_DIR.length;
    let end = name;
    while (end < bytes.length && isImageNameByte(bytes[end]!)) end++;
    if (end > name) images.add(`img/${bytes.toString('latin1', name, end)}`);
    at = bytes.indexOf(IMAGE_DIR, end > name ? end : at + 1);
  }
  return [...images];
}
