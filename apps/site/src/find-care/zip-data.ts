import { createRequire } from 'node:module';
import { checkZip, encodePrefixBitmap, zipPrefix, type ZipEntry } from './core.js';
import { shortHash } from './encode.js';

export type ZipRecord = { zip: string; lat: number; lng: number; city: string; state: string };

type PackageCode = { zip: string; latitude: number; longitude: number; city: string; state: string; country: string };

let cached: ZipRecord[] | null = null;

/**
 * Every US ZIP code with its centroid, from the `zipcodes` npm package (US file only; the
 * package's Canadian postal codes are not ZIP codes).
 */
export function loadZipRecords(): ZipRecord[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const { codes } = require('zipcodes/lib/codes.js') as { codes: Record<string, PackageCode> };
    cached = Object.values(codes)
      .filter((c) => c.country === 'US' && checkZip(c.zip).ok && Number.isFinite(c.latitude) && Number.isFinite(c.longitude))
      .map((c) => ({ zip: c.zip, lat: c.latitude, lng: c.longitude, city: c.city, state: c.state }))
      .sort((a, b) => a.zip.localeCompare(b.zip));
  }
  return cached;
}

export type ZipChunks = {
  /** Hex bitmap of the prefixes that have a chunk (see find-care-core.js). */
  prefixes: string;
  /** Content hash of all chunks, to version their folder. */
  version: string;
  /** "021" -> { "08": [lat, lng, city, state], ... } */
  chunks: Map<string, Record<string, ZipEntry>>;
};

/** The ZIP centroids split by 3-digit prefix, the unit the browser fetches. */
export function buildZipChunks(records: readonly ZipRecord[] = loadZipRecords()): ZipChunks {
  const chunks = new Map<string, Record<string, ZipEntry>>();
  for (const r of records) {
    const prefix = zipPrefix(r.zip);
    let chunk = chunks.get(prefix);
    if (!chunk) chunks.set(prefix, (chunk = {}));
    chunk[r.zip.slice(3)] = [round4(r.lat), round4(r.lng), r.city, r.state];
  }
  const version = shortHash(JSON.stringify([...chunks.entries()]));
  return { prefixes: encodePrefixBitmap(chunks.keys()), version, chunks };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
