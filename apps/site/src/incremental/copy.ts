import fs from 'node:fs/promises';
import path from 'node:path';
import { isIndexedPage } from '../indexed-pages.js';

/**
 * Puts a file of the previous output into the new one. Pages are hard-linked: the build never
 * writes to them (Eleventy renders only the other pages). Anything a build may write again
 * (images) is copied, so the published output is never touched.
 */
export async function carryOver(from: string, to: string, file: string, mode: 'link' | 'copy') {
  const target = path.join(to, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (mode === 'link') {
    try {
      await fs.link(path.join(from, file), target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  await fs.copyFile(path.join(from, file), target);
}

/** Every file under a folder, relative to it. */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The /img/ files an HTML or XML file refers to. */
/** The /img/ files a written page uses, and whether the search index takes it. */
export async function readWrittenPage(file: string): Promise<{ images: string[]; indexed: boolean }> {
  const text = await fs.readFile(file, 'utf8');
  return {
    images: [...new Set([...text.matchAll(/\/img\/([A-Za-z0-9._-]+)/g)].map((m) => `img/${m[1]}`))],
    indexed: isIndexedPage(text),
  };
}
