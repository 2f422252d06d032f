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
 * search index takes, with the language index each goes into (paths relative to the output).
 */
export type PageRecord = { fingerprint: string; files: string[]; images: string[]; indexed: IndexedFile[] };
export type IndexedFile = { file: string; language: string };

export const cacheDirOf = (outputDir: string) => `${outputDir}.cache`;
const manifestFile = (outputDir: string) => path.join(cacheDirOf(outputDir), 'manifest.json');

export type ManifestRead = { manifest: Manifest } | { manifest: null; reason: string };

/** The previous build's manifest, or why it cannot be used (then the build is a cold one). */
export async function readManifest(outputDir: string, codeHash: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await fs.readFile(manifestFile(outputDir), 'utf8');
  } catch {
    return { manifest: null, reason: 'no snapshot of a previous build' };
  }
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(text) as Partial<Manifest>;
  } catch {
    return { manifest: null, reason: 'the snapshot of the previous build is corrupt' };
  }
  if (parsed?.kind !== 'solace-build-manifest' || parsed.format !== FORMAT_VERSION || typeof parsed.pages !== 'object' || !parsed.pages) {
    return { manifest: null, reason: 'the snapshot is not one this version writes' };
  }
  if (parsed.codeHash !== codeHash) return { manifest: null, reason: 'the code, queries or schema changed since the previous build' };
  return { manifest: parsed as Manifest };
}

/** Forgets the previous build (before its output is replaced: a crash then means a cold build, never a stale copy). */
export async function dropManifest(outputDir: string) {
  await fs.rm(manifestFile(outputDir), { force: true });
}

export async function writeManifest(outputDir: string, manifest: Manifest) {
  await writeCacheFile(outputDir, 'manifest.json', manifest);
}

/** A file of `<outputDir>.cache/` as JSON, whole or not at all (written aside, then renamed). */
export async function writeCacheFile(outputDir: string, name: string, value: unknown) {
  const dir = cacheDirOf(outputDir);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(value));
  await fs.rename(tmp, path.join(dir, name));
}
