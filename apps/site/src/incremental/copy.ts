import fs from 'node:fs/promises';
import path from 'node:path';
import { isIndexedPage } from '../indexed-pages.js';

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
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = path.join(to, file);
      await folder(path.dirname(target));
      await placeFile(path.join(from, file), target, mode);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FILES, files.length) }, worker));
}

const CONCURRENT_FILES = 32;

async function placeFile(source: string, target: string, mode: 'link' | 'copy') {
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

/** The /img/ files a written page uses, and whether the search index takes it. */
export async function readWrittenPage(file: string): Promise<{ images: string[]; indexed: boolean }> {
  const text = await fs.readFile(file, 'utf8');
  return {
    images: [...new Set([...text.matchAll(/\/img\/([A-Za-z0-9._-]+)/g)].map((m) => `img/${m[1]}`))],
    indexed: isIndexedPage(text),
  };
}
