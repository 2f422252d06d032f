import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { searchLanguageOf } from '../indexed-pages.js';

/**
 * Puts files of the previous output into the new one, a few at a time (one by one, a build of
 * 14,000 pages mostly waited on the file system), creating each folder once. Pages are
 * hard-linked: the build never writes to them (Eleventy renders only the other pages). Anything a
 * build may write again (images) is copied, so the published output is never touched.
 */
export async function carryOverAll(from: string, to: string, files: string[], mode: 'link' | 'copy') {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    return made;
  };
  await eachFile(files, async (file) => {
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
 */
export async function carryOverInto(from: string, spare: string, files: string[]) {
  const wanted = new Set(files.map((file) => file.split(path.sep).join('/')));
  const missing = new Set(wanted);
  const sweep = (dir: string): boolean => {
    let left = 0;
    for (const entry of fsSync.readdirSync(path.join(spare, dir), { withFileTypes: true })) {
      const file = dir ? `${dir}/${entry.name}` : entry.name;
      const target = path.join(spare, file);
      if (entry.isDirectory()) {
        if (sweep(file)) left++;
        else fsSync.rmdirSync(target);
      } else if (wanted.has(file)) {
        // Another version of a carried page: replaced by a link of the live one, in the folder it has.
        const source = path.join(from, file);
        if (!sameFile(target, source)) {
          fsSync.unlinkSync(target);
          fsSync.linkSync(source, target);
        }
        missing.delete(file);
        left++;
      } else {
        fsSync.unlinkSync(target);
      }
    }
    return left > 0;
  };
  sweep('');
  await carryOverAll(from, spare, [...missing], 'link');
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

/** The /img/ files a written page uses, and the search index's language that takes it (null: none). */
export async function readWrittenPage(file: string): Promise<{ images: string[]; searchLanguage: string | null }> {
  const text = await fs.readFile(file, 'utf8');
  return {
    images: [...new Set([...text.matchAll(/\/img\/([A-Za-z0-9._-]+)/g)].map((m) => `img/${m[1]}`))],
    searchLanguage: searchLanguageOf(text),
  };
}
