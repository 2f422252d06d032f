// `pnpm translations [status] [--locale fr] [--json] [--strict]`
// `pnpm translations export --locale fr [--only missing|outdated] [--out file.xlf]`
// `pnpm translations import file.xlf [--dry-run]`
// Talks to the running CMS through its admin API (README "Translators").
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireDist } from './load-strapi.mjs';
import { callerDir } from './backup-settings.mjs';
import { CliError, connect, readClientSettings } from './translations-client.mjs';
import { formatImport, formatStatus } from './translations-format.mjs';

const USAGE = `Usage:
  pnpm translations [status] [--locale <code>] [--json] [--strict]
  pnpm translations export --locale <code> [--only missing|outdated] [--out <file.xlf>]
  pnpm translations import <file.xlf> [--dry-run]`;

// Import batches stay well below the CMS's 1 MB JSON body limit; the whole file is checked first.
const BATCH_BYTES = 512 * 1024;

async function status(cms, values) {
  const query = values.locale ? `?locale=${encodeURIComponent(values.locale)}` : '';
  const { data } = await cms.get(`/solace/translations/status${query}`);
  console.log(values.json ? JSON.stringify(data, null, 2) : formatStatus(data));
  const incomplete = data.filter((s) => s.state !== 'up-to-date');
  if (values.strict && incomplete.length > 0) {
    if (!values.json) console.error(`--strict: ${incomplete.length} translation(s) missing, outdated or unknown.`);
    return 1;
  }
  return 0;
}

async function exportXliff(cms, values) {
  if (!values.locale) throw new CliError('export needs --locale <code>.');
  const only = values.only ? `&only=${encodeURIComponent(values.only)}` : '';
  const xml = await cms.getText(`/solace/translations/xliff?locale=${encodeURIComponent(values.locale)}${only}`);
  if (!values.out) {
    process.stdout.write(xml);
    return 0;
  }
  const file = path.resolve(callerDir(), values.out);
  await fs.writeFile(file, xml);
  const units = (xml.match(/<unit /g) ?? []).length;
  console.error(`Wrote ${units} unit(s) for ${values.locale} to ${file}.`);
  return 0;
}

function batches(documents) {
  const out = [[]];
  let size = 0;
  for (const document of documents) {
    const bytes = Buffer.byteLength(JSON.stringify(document));
    if (size + bytes > BATCH_BYTES && out.at(-1).length > 0) {
      out.push([]);
      size = 0;
    }
    out.at(-1).push(document);
    size += bytes;
  }
  return out;
}

async function importXliff(cms, file, values) {
  if (!file) throw new CliError('import needs the XLIFF file: pnpm translations import <file.xlf>.');
  const { readXliff, XliffError } = requireDist('src/translations/xliff.js');
  let parsed;
  try {
    parsed = readXliff(await fs.readFile(path.resolve(callerDir(), file), 'utf8'));
  } catch (error) {
    if (error instanceof XliffError || error.code === 'ENOENT') throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const { data: locales } = await cms.get('/solace/translations/locales');
  if (parsed.srcLang !== locales.defaultLocale) {
    throw new CliError(`${file} translates from ${parsed.srcLang}, but the CMS's default locale is ${locales.defaultLocale}.`);
  }
  const documents = parsed.documents.map(({ uid, documentId, units }) => ({
    uid,
    documentId,
    units: units.map(({ field, source, target }) => ({ field, source, target })),
  }));
  const result = { refused: [], failed: [], written: [] };
  // First the whole file is checked (unknown documents, changed sources): all or nothing.
  for (const batch of batches(documents)) {
    const { json } = await cms.post('/solace/translations/import', { locale: parsed.trgLang, documents: batch, dryRun: true });
    result.refused.push(...json.data.refused);
  }
  if (result.refused.length === 0 && !values['dry-run']) {
    for (const batch of batches(documents)) {
      const { json } = await cms.post('/solace/translations/import', { locale: parsed.trgLang, documents: batch });
      for (const key of ['refused', 'failed', 'written']) result[key].push(...json.data[key]);
    }
  }
  // Strapi may report one broken field twice (a uid's pattern is checked by two validators).
  const seen = new Set();
  result.failed = result.failed.filter((f) => {
    const key = `${f.uid} ${f.documentId} ${f.field} ${f.message}`;
    return !seen.has(key) && seen.add(key);
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    const report = formatImport(result);
    if (report) console.log(report);
    if (result.refused.length > 0) console.error(`Refused: ${file} does not match the CMS (see above); nothing was written.`);
    else if (values['dry-run']) console.error(`Checked ${documents.length} document(s): the file matches the CMS (dry run, nothing written).`);
    else console.error(`Imported ${result.written.length} document(s) into ${parsed.trgLang} as drafts; ${new Set(result.failed.map((f) => f.documentId)).size} not written.`);
  }
  return result.refused.length > 0 || result.failed.length > 0 ? 1 : 0;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command = 'status', ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!['status', 'export', 'import'].includes(command)) throw new CliError(`Unknown command "${command}".\n${USAGE}`);
  if (values.only && !['missing', 'outdated'].includes(values.only)) throw new CliError('--only must be missing or outdated.');
  const cms = await connect(readClientSettings());
  if (command === 'export') return exportXliff(cms, values);
  if (command === 'import') return importXliff(cms, rest[0], values);
  return status(cms, values);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof CliError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? error.message : error);
    process.exit(2);
  },
);
