import fs from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_VERSION } from './code-hash.js';

/** What the last build wrote for each page, kept next to the output (`<outputDir>.cache/`). */
export type Manifest = {
  kind: 'solace-build-manifest';
  format: number;
  codeHash: string;
  pages: Record<string, PageRecord>;
};
/**
 * A page's fingerprint, its output files, the /img/ files they use and those of its files the
 * search index takes, with the language index each goes into (paths relative to the output) and
 * its key in the order the index was given its pages (src/indexed-pages.ts, searchOrderOf).
 */
export type PageRecord = { fingerprint: string; files: string[]; images: string[]; indexed: IndexedFile[] };
export type IndexedFile = { file: string; language: string; order: string };

export const cacheDirOf = (outputDir: string) => `${outputDir}.cache`;
export const MANIFEST_FILE = 'manifest.json';

export type ManifestRead = { manifest: Manifest } | { manifest: null; reason: string };

/** The previous build's manifest, or why it cannot be used (then the build is a cold one). */
export async function readManifest(outputDir: string, codeHash: string): Promise<ManifestRead> {
  const read = await readCacheFile<Manifest>(outputDir, MANIFEST_FILE, {
    missing: 'no snapshot of a previous build',
    corrupt: 'the snapshot of the previous build is corrupt',
  });
  if ('reason' in read) return { manifest: null, reason: read.reason };
  const parsed = read.value;
  if (parsed?.kind !== 'solace-build-manifest' || parsed.format !== FORMAT_VERSION || typeof parsed.pages !== 'object' || !parsed.pages) {
    return { manifest: null, reason: 'the snapshot is not one this version writes' };
  }
  if (parsed.codeHash !== codeHash) return { manifest: null, reason: 'the code, queries or schema changed since the previous build' };
  return { manifest: parsed as Manifest };
}

/** Forgets the previous build (before its output is replaced: a crash then means a cold build, never a stale copy). */
export async function dropManifest(outputDir: string) {
  await dropCacheFile(outputDir, MANIFEST_FILE);
}

export async function dropCacheFile(outputDir: string, name: string) {
  await fs.rm(path.join(cacheDirOf(outputDir), name), { force: true });
}

export function stageManifest(outputDir: string, manifest: Manifest) {
  return stageCacheFile(outputDir, MANIFEST_FILE, manifest);
}

/** Which versions of files of `<outputDir>.cache/` are there: each is written anew (a new file), never changed in place. */
export async function cacheFilesId(outputDir: string, names: string[]) {
  const ids = await Promise.all(
    names.map(async (name) => {
      const stat = await fs.stat(path.join(cacheDirOf(outputDir), name)).catch(() => null);
      return stat ? `${stat.ino}/${stat.mtimeMs}/${stat.size}` : 'none';
    }),
  );
  return ids.join(' ');
}

/** A file of `<outputDir>.cache/` as JSON, whole or not at all (written aside, then renamed). */
export async function writeCacheFile(outputDir: string, name: string, value: unknown) {
  await (await stageCacheFile(outputDir, name, value)).commit();
}

/** A cache file written aside: `commit` puts it in place (a rename), `discard` removes it. */
export type StagedFile = { commit: () => Promise<void>; discard: () => Promise<void> };

/** Writes a file of `<outputDir>.cache/` aside, for a build to put in place once its output is. */
export async function stageCacheFile(outputDir: string, name: string, value: unknown): Promise<StagedFile> {
  const dir = cacheDirOf(outputDir);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(value));
  return { commit: () => fs.rename(tmp, path.join(dir, name)), discard: () => fs.rm(tmp, { force: true }) };
}

/** A JSON file of `<outputDir>.cache/`, parsed (its shape is the caller's to check), or why not. */
export async function readCacheFile<T>(
  outputDir: string,
  name: string,
  reasons: { missing: string; corrupt: string },
): Promise<{ value: Partial<T> | null } | { reason: string }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(cacheDirOf(outputDir), name), 'utf8');
  } catch {
    return { reason: reasons.missing };
  }
  try {
    return { value: JSON.parse(text) as Partial<T> | null };
  } catch {
    return { reason: reasons.corrupt };
  }
}
