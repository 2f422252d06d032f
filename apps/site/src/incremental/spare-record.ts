import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cacheDirOf, readCacheFile, writeCacheFile } from './manifest.js';

/**
 * Which files the spare output and the output share (hard links of one another), written by the
 * build that made them so (at its swap): the next build's copy of the output into the spare
 * (carryOverInto) then compares only the others, instead of 18,000 pairs of files at corpus scale.
 * It names both folders (device, inode, birth and change times): a folder replaced or renamed
 * since is another one, and the record is not used. A build drops it before it changes either.
 */
type SpareRecord = { kind: 'solace-spare-record'; spare: string; output: string; linked: string[] };

const RECORD_FILE = 'spare.json';

/** Once the output is swapped in: the spare (the output it replaced) and it share `linked` (paths with `/`). */
export async function writeSpareRecord(outputDir: string, spareDir: string, linked: string[]) {
  const [spare, output] = await Promise.all([folderId(spareDir), folderId(outputDir)]);
  if (!spare || !output) return;
  await writeCacheFile(outputDir, RECORD_FILE, { kind: 'solace-spare-record', spare, output, linked } satisfies SpareRecord);
}

/** The files the spare shares with the output, if the record still describes them (null: not known). */
export async function readSpareRecord(outputDir: string, spareDir: string): Promise<Set<string> | null> {
  const read = await readCacheFile<SpareRecord>(outputDir, RECORD_FILE, { missing: 'none', corrupt: 'corrupt' });
  if ('reason' in read) return null;
  const record = read.value;
  if (record?.kind !== 'solace-spare-record' || !Array.isArray(record.linked)) return null;
  const [spare, output] = await Promise.all([folderId(spareDir), folderId(outputDir)]);
  return spare !== null && spare === record.spare && output === record.output ? new Set(record.linked) : null;
}

/** Forgets the record, at once (synchronously: the copy that makes it untrue may start in the same turn of the event loop). */
export function dropSpareRecord(outputDir: string) {
  fsSync.rmSync(path.join(cacheDirOf(outputDir), RECORD_FILE), { force: true });
}

async function folderId(dir: string) {
  const stat = await fs.stat(dir).catch(() => null);
  return stat?.isDirectory() ? `${stat.dev}/${stat.ino}/${stat.birthtimeMs}/${stat.ctimeMs}` : null;
}
