// `pnpm restore <archive> [--replace]`: puts a `pnpm backup` archive back, with the CMS stopped.
// Everything is checked first (archive whole and matching its manifest, same schema as this code,
// same database client, database and uploads empty unless --replace); a refusal changes nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callerDir, cmsIsAnswering, readDataSettings } from './backup-settings.mjs';
import { describeCode, stableJson } from './backup-schema.mjs';
import { countTables, dumpFileName, restoreDatabase } from './backup-database.mjs';
import { countContent } from './backup-manifest.mjs';
import { ArchiveError, extractAndVerify } from './backup-archive.mjs';

class Refusal extends Error {}

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('Usage: pnpm restore <archive.tar.gz> [--replace]');
  process.exit(2);
}
const archive = path.resolve(callerDir(), positionals[0]);
const started = performance.now();

async function uploadsPresent(dir) {
  try {
    return (await fs.readdir(dir)).filter((name) => name !== '.gitkeep');
  } catch {
    return [];
  }
}

async function restore(staging) {
  const { database, uploadsDir, healthUrl } = readDataSettings();
  try {
    await fs.access(archive);
  } catch {
    throw new Refusal(`No archive at ${archive}.`);
  }
  const manifest = await extractAndVerify(archive, staging);

  // Strapi's upload plugin will not even register without the folder (a new machine has none).
  await fs.mkdir(uploadsDir, { recursive: true });
  const code = await describeCode();
  if (manifest.schemaHash !== code.schemaHash) {
    throw new Refusal(
      `The archive's content-type schema (hash ${manifest.schemaHash.slice(0, 12)}, Strapi ${manifest.strapiVersion}) differs ` +
        `from this code's (hash ${code.schemaHash.slice(0, 12)}, Strapi ${code.strapiVersion}). Restore it with the version ` +
        `of the CMS that wrote it, then upgrade. Nothing was changed.`,
    );
  }
  if (manifest.database.client !== database.client) {
    throw new Refusal(
      `The archive holds a ${manifest.database.client} database; this CMS is configured for ${database.client} ` +
        `(DATABASE_CLIENT). Nothing was changed.`,
    );
  }
  if (database.client === 'postgres' && manifest.database.schema !== database.schema) {
    throw new Refusal(
      `The archive holds PostgreSQL schema "${manifest.database.schema}"; this CMS uses "${database.schema}" (DATABASE_SCHEMA). Nothing was changed.`,
    );
  }
  if (await cmsIsAnswering(healthUrl)) {
    throw new Refusal(`A CMS is running (${healthUrl} answers). Stop it before restoring. Nothing was changed.`);
  }
  const tables = await countTables(database);
  const uploads = await uploadsPresent(uploadsDir);
  if (!values.replace && (tables > 0 || uploads.length > 0)) {
    const what = [tables > 0 && `the database has ${tables} table(s)`, uploads.length > 0 && `${uploadsDir} holds ${uploads.length} file(s)`];
    throw new Refusal(
      `Refusing to restore over existing data: ${what.filter(Boolean).join(' and ')}. Restore into an empty database ` +
        `and uploads folder, or pass --replace to discard what is there. Nothing was changed.`,
    );
  }

  await restoreDatabase(database, path.join(staging, dumpFileName(database.client)));
  for (const name of uploads) await fs.rm(path.join(uploadsDir, name), { recursive: true, force: true });
  await fs.mkdir(uploadsDir, { recursive: true });
  await fs.cp(path.join(staging, 'uploads'), uploadsDir, { recursive: true });

  const counts = await countContent(database, code.contentTypes);
  if (stableJson(counts) !== stableJson(manifest.counts)) {
    throw new Error(
      `The restored database's counts differ from the manifest's:\n  restored ${stableJson(counts)}\n  manifest ${stableJson(manifest.counts)}`,
    );
  }
  console.log(
    `Restored ${archive} (made ${manifest.createdAt}): ${database.client} database, ${manifest.uploads} upload(s); ` +
      `counts match the manifest. ${Math.round(performance.now() - started)} ms. Start the CMS now.`,
  );
}

const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-restore-'));
let exitCode = 0;
try {
  await restore(staging);
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Refusal || error instanceof ArchiveError ? `Restore refused: ${error.message}` : error);
} finally {
  await fs.rm(staging, { recursive: true, force: true });
}
process.exit(exitCode);
