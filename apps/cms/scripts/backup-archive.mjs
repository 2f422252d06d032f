// One .tar.gz per backup: manifest.json first, then the database dump and the uploads. The
// manifest lists every other file with its size and SHA-256, so a restore can prove the archive is
// whole before it touches anything.
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'solace-backup/1';

async function sha256(file) {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Every regular file under dir, as sorted posix paths relative to dir. */
async function listFiles(dir) {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Size and checksum of every file staged under dir (the manifest's `files`). */
export async function describeFiles(dir) {
  const files = {};
  for (const name of await listFiles(dir)) {
    if (name === MANIFEST) continue;
    const full = path.join(dir, name);
    files[name] = { size: (await fs.stat(full)).size, sha256: await sha256(full) };
  }
  return files;
}

/** Writes dir (which holds manifest.json and the data) as a gzipped tar, readable by its owner only. */
export async function writeArchive(dir, archive) {
  const rest = (await fs.readdir(dir)).filter((name) => name !== MANIFEST).sort();
  await fs.mkdir(path.dirname(archive), { recursive: true });
  const partial = `${archive}.partial`;
  await tar.create({ gzip: { level: 6 }, file: partial, cwd: dir, portable: true, mode: 0o600 }, [MANIFEST, ...rest]);
  await fs.chmod(partial, 0o600);
  // Only a complete archive ever has the final name.
  await fs.rename(partial, archive);
}

export class ArchiveError extends Error {}

/**
 * Unpacks the archive into dir and checks it against its manifest: gzip and tar errors (a
 * truncated or damaged file), missing, extra or altered files. Returns the manifest.
 */
export async function extractAndVerify(archive, dir) {
  try {
    // Read through once before writing anything: on a truncated archive, extracting fails part-way
    // and its folders already queued are made after the caller removed `dir`.
    await tar.list({ file: archive, strict: true });
    await tar.extract({ file: archive, cwd: dir, strict: true, preservePaths: false });
  } catch (error) {
    throw new ArchiveError(`${archive} is truncated or damaged (${error.message}). Nothing was changed.`);
  }
  let manifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new ArchiveError(`${archive} has no readable ${MANIFEST}: it is not a Solace backup, or it is damaged. Nothing was changed.`);
  }
  if (manifest.format !== FORMAT) {
    throw new ArchiveError(`${archive} is in format "${manifest.format}", this code reads "${FORMAT}". Nothing was changed.`);
  }
  const found = await describeFiles(dir);
  const problems = [];
  for (const [name, expected] of Object.entries(manifest.files)) {
    const actual = found[name];
    if (!actual) problems.push(`missing ${name}`);
    else if (actual.size !== expected.size || actual.sha256 !== expected.sha256) problems.push(`altered ${name}`);
  }
  for (const name of Object.keys(found)) if (!(name in manifest.files)) problems.push(`unexpected ${name}`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join(', ') + (problems.length > 5 ? `, and ${problems.length - 5} more` : '');
    throw new ArchiveError(`${archive} does not match its manifest (${shown}). Nothing was changed.`);
  }
  return manifest;
}
