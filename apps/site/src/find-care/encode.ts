import { createHash } from 'node:crypto';
import { deltaEncode, INDEX_VERSION, providerFlags, type EncodedIndex } from './core.js';

/** What the index needs of a provider (a subset of @solace/content's Provider). */
export type IndexableProvider = {
  slug: string;
  name: string;
  phone: string;
  address: { city: string; state: string };
  location: { lat: number; lng: number };
  careSettings: readonly string[];
  agesServed: readonly string[];
  languages: readonly string[];
  acceptingNewPatients: boolean;
};

export type EncodeOptions = {
  /** URL prefix of the detail chunks, e.g. "/data/find-care/en/". */
  base: string;
  zipBase: string;
  zipPrefixes: string;
  /** Providers per detail chunk (default 200). */
  chunk?: number;
  /** Coordinates are stored as integers of degrees * scale (default 10,000: about 11 m). */
  scale?: number;
  /** State code -> name, for sorting and for matching "Massachusetts". */
  stateName: (code: string) => string;
  /** Other names of a state the place search should match, e.g. in the page's language. */
  stateAliases?: (code: string) => string[];
};

export type DetailRow = [slug: string, name: string, phone: string];
export type EncodedFiles = {
  index: EncodedIndex;
  /** File name of the index, with a content hash: "index.1a2b3c4d.json". */
  indexFile: string;
  /** Detail chunks: file name (relative to base) -> rows. */
  chunks: Map<string, DetailRow[]>;
};

export const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * Z-order (Morton) key of a point on a 2^16 x 2^16 grid: sorting by it keeps nearby providers
 * together, which makes coordinate deltas small and a search touch few detail chunks.
 */
export function mortonKey(lat: number, lng: number) {
  const x = Math.max(0, Math.min(65535, Math.round(((lng + 180) / 360) * 65535)));
  const y = Math.max(0, Math.min(65535, Math.round(((lat + 90) / 180) * 65535)));
  let key = 0;
  for (let bit = 15; bit >= 0; bit--) key = key * 4 + ((y >> bit) & 1) * 2 + ((x >> bit) & 1);
  return key;
}

/** Builds the compact index and its detail chunks for one locale's providers. */
export function encodeIndex(providers: readonly IndexableProvider[], options: EncodeOptions): EncodedFiles {
  const chunk = options.chunk ?? 200;
  const scale = options.scale ?? 10_000;
  const sorted = providers
    .map((p) => ({ p, stateName: options.stateName(p.address.state), key: mortonKey(p.location.lat, p.location.lng) }))
    .sort(
      (a, b) =>
        a.stateName.localeCompare(b.stateName, 'en') ||
        a.p.address.state.localeCompare(b.p.address.state) ||
        a.key - b.key ||
        a.p.name.localeCompare(b.p.name, 'en') ||
        a.p.slug.localeCompare(b.p.slug),
    )
    .map((x) => x.p);

  const states: [string, string, number, string[]?][] = [];
  const cities: string[] = [];
  const cityIds = new Map<string, number>();
  const cityColumn: number[] = [];
  const languageIds = new Map<string, number[]>();
  sorted.forEach((p, i) => {
    const code = p.address.state;
    const last = states[states.length - 1];
    if (last && last[0] === code) last[2]++;
    else {
      const name = options.stateName(code);
      const aliases = (options.stateAliases?.(code) ?? []).filter((a) => a && a !== name);
      states.push(aliases.length ? [code, name, 1, aliases] : [code, name, 1]);
    }
    const cityKey = `${code}\u0000${p.address.city}`;
    let c = cityIds.get(cityKey);
    if (c === undefined) {
      c = cities.length;
      cities.push(p.address.city);
      cityIds.set(cityKey, c);
    }
    cityColumn.push(c);
    for (const language of new Set(p.languages)) {
      let ids = languageIds.get(language);
      if (!ids) languageIds.set(language, (ids = []));
      ids.push(i);
    }
  });

  const chunks = new Map<string, DetailRow[]>();
  const details: string[][] = [];
  let start = 0;
  for (const [code, , count] of states) {
    const files: string[] = [];
    for (let offset = 0; offset < count; offset += chunk) {
      const rows = sorted.slice(start + offset, start + Math.min(count, offset + chunk)).map((p): DetailRow => [p.slug, p.name, p.phone]);
      const file = `${code.toLowerCase()}-${offset / chunk}.${shortHash(JSON.stringify(rows))}.json`;
      chunks.set(file, rows);
      files.push(file);
    }
    details.push(files);
    start += count;
  }

  const languages = [...languageIds.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'en'))
    .map(([name, ids]): [string, ...number[]] => [name, ...deltaEncode(ids)]);

  const index: EncodedIndex = {
    v: INDEX_VERSION,
    n: sorted.length,
    scale,
    lat: deltaEncode(sorted.map((p) => Math.round(p.location.lat * scale))),
    lng: deltaEncode(sorted.map((p) => Math.round(p.location.lng * scale))),
    flags: sorted.map(providerFlags),
    city: deltaEncode(cityColumn),
    cities,
    states,
    languages,
    chunk,
    details,
    base: options.base,
    zipBase: options.zipBase,
    zipPrefixes: options.zipPrefixes,
  };
  return { index, indexFile: `index.${shortHash(JSON.stringify(index))}.json`, chunks };
}
