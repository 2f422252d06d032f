import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Provider } from '@solace/content';
import { SITE_DIR } from '../env.js';
import { stateName } from '../us-states.js';
import { encodeIndex } from './encode.js';
import { buildZipChunks, type ZipChunks } from './zip-data.js';

/** Where the find-care data lives in the built site. */
export const DATA_DIR = 'data';
export const zipBaseUrl = (version: string) => `/${DATA_DIR}/zip/${version}/`;
export const localeBaseUrl = (locale: string) => `/${DATA_DIR}/find-care/${locale}/`;
/**
 * The output folders a locale's find-care page writes (paths relative to the output): its
 * providers' data, and the ZIP code data, which every locale's page writes the same.
 */
export const findCareDataDirs = (locale: string) => [localeBaseUrl(locale).slice(1), `${DATA_DIR}/zip/`];

/** Files to write, by URL path ("/data/..."), as JSON text. */
export type DataFiles = Map<string, string>;

let zipCache: ZipChunks | null = null;

/**
 * ZIP chunks depend only on the zipcodes package: built once per process, and kept in
 * .cache/find-care/ per package version (reading the package's 5 MB module is the slow part).
 */
export function zipChunks(cacheDir = path.join(SITE_DIR, '.cache', 'find-care')) {
  if (zipCache) return zipCache;
  let version = 'unknown';
  try {
    const require = createRequire(import.meta.url);
    version = (JSON.parse(fs.readFileSync(require.resolve('zipcodes/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // no version: no cache
  }
  const file = path.join(cacheDir, `zip-chunks-${version}.json`);
  if (version !== 'unknown' && fs.existsSync(file)) {
    try {
      const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as { prefixes: string; version: string; chunks: [string, ZipChunks['chunks'] extends Map<string, infer C> ? C : never][] };
      return (zipCache = { prefixes: cached.prefixes, version: cached.version, chunks: new Map(cached.chunks) });
    } catch {
      // rebuilt below
    }
  }
  zipCache = buildZipChunks();
  if (version !== 'unknown') {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ prefixes: zipCache.prefixes, version: zipCache.version, chunks: [...zipCache.chunks] }));
    } catch {
      // a cache that cannot be written is only slower
    }
  }
  return zipCache;
}

export function zipFiles(zips = zipChunks()): DataFiles {
  const files: DataFiles = new Map();
  const base = zipBaseUrl(zips.version);
  for (const [prefix, chunk] of zips.chunks) files.set(`${base}${prefix}.json`, JSON.stringify(chunk));
  return files;
}

/** The provider index of one locale and its detail chunks; `indexUrl` is what the page loads. */
export function providerFiles(
  locale: string,
  providers: readonly Provider[],
  options: { stateAliases?: (code: string) => string[]; zips?: ZipChunks } = {},
) {
  const base = localeBaseUrl(locale);
  const zips = options.zips ?? zipChunks();
  const encoded = encodeIndex(providers, {
    base,
    zipBase: zipBaseUrl(zips.version),
    zipPrefixes: zips.prefixes,
    stateName,
    stateAliases: options.stateAliases,
  });
  const files: DataFiles = new Map();
  files.set(base + encoded.indexFile, JSON.stringify(encoded.index));
  for (const [file, rows] of encoded.chunks) files.set(base + file, JSON.stringify(rows));
  return { indexUrl: base + encoded.indexFile, files, index: encoded.index };
}
