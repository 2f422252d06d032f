// `pnpm backup [--out <file.tar.gz>]`: one archive with the database (SQLite's online backup or
// pg_dump), the uploads and a manifest (Strapi version, schema hash, counts, checksums). Safe while
// the CMS runs; see README "Backups".
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appDir } from './load-strapi.mjs';
import { callerDir, readDataSettings } from './backup-settings.mjs';
import { describeCode } from './backup-schema.mjs';
import { dumpDatabase, dumpFileName, countTables } from './backup-database.mjs';
import { countContent } from './backup-manifest.mjs';
import { FORMAT, MANIFEST, describeFiles, writeArchive } from './backup-archive.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const started = performance.now();
const createdAt = new Date();
const archive = path.resolve(
  callerDir(),
  values.out ?? path.join(appDir, 'backups', `solace-${createdAt.toISOString().replace(/[:.]/g, '-')}.tar.gz`),
);

const { database, uploadsDir } = readDataSettings();
if ((await countTables(database)) === 0) {
  console.error('The database is empty: there is nothing to back up.');
  process.exit(1);
}
const code = await describeCode();
const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-backup-'));
try {
  await dumpDatabase(database, path.join(staging, dumpFileName(database.client)));
  await fs.mkdir(path.join(staging, 'uploads'));
  await fs.cp(uploadsDir, path.join(staging, 'uploads'), {
    recursive: true,
    filter: (source) => path.basename(source) !== '.gitkeep',
  }).catch((error) => {
    if (error.code !== 'ENOENT') throw error; // no uploads folder yet: no uploads
  });
  const files = await describeFiles(staging);
  const manifest = {
    format: FORMAT,
    createdAt: createdAt.toISOString(),
    strapiVersion: code.strapiVersion,
    schemaHash: code.schemaHash,
    database: { client: database.client, ...(database.client === 'postgres' ? { schema: database.schema } : {}) },
    counts: await countContent(database, code.contentTypes),
    uploads: Object.keys(files).filter((name) => name.startsWith('uploads/')).length,
    files,
  };
  await fs.writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeArchive(staging, archive);
  const { size } = await fs.stat(archive);
  console.log(
    `Backup written: ${archive}\n` +
      `  ${database.client} database, ${manifest.uploads} upload(s), ${(size / 1024 / 1024).toFixed(2)} MB, ` +
      `${Math.round(performance.now() - started)} ms; schema ${code.schemaHash.slice(0, 12)}, Strapi ${code.strapiVersion}`,
  );
} finally {
  await fs.rm(staging, { recursive: true, force: true });
}
process.exit(0);
