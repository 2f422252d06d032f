// @ts-check
// Pure logic of the "find care" search, shared by the browser (public/js/find-care.js) and the
// build (src/find-care/*.ts, which imports this very file): ZIP validation, the compact provider
// index format, distance, filtering, sorting and the query <-> URL mapping. No DOM, no fetch.
//
// The index a page loads (one per locale) is JSON of parallel columns, one entry per provider,
// providers ordered by state, then spatially inside a state (so the coordinate deltas are small and
// the providers near a point sit in few detail chunks):
//
//   v           format version (INDEX_VERSION)
//   n           number of providers
//   scale       coordinates are integers: degrees * scale
//   lat, lng    delta-encoded integer coordinates (first value absolute)
//   flags       bit flags per provider: FLAG.* below
//   city        delta-encoded index into `cities`, per provider
//   cities      city names, one entry per city and state (all providers of a city are in its state)
//   states      [code, name, count, otherNames?] in provider order: provider i belongs to the state
//               whose range of `count` providers contains i; otherNames are names in the page's
//               language ("Nueva York") also matched by the place search
//   languages   [name, ...delta-encoded provider ids] (a posting list per language)
//   chunk       detail chunk size: the providers of a state are split in parts of `chunk`
//   details     per state (same order as `states`), the file names of its detail chunks, relative
//               to `base`; a chunk is JSON [[slug, name, phone], ...] in provider order
//   base        URL prefix of the detail chunks
//   zipBase     URL prefix of the ZIP chunks: zipBase + "021.json" for ZIPs 021xx
//   zipPrefixes hex bitmap of the 3-digit prefixes (000-999) that have a ZIP chunk
//
// A ZIP chunk is JSON { "08": [lat, lng, city, state], ... } keyed by the last two digits.

export const INDEX_VERSION = 1;

/** Care settings, in bit order (the CMS's names, as in @solace/content CARE_SETTINGS). */
export const SETTINGS = /** @type {const} */ (['hospital', 'office-clinic', 'home', 'nursing-home']);
/** Age groups, in bit order after the settings. */
export const AGES = /** @type {const} */ (['adults', 'children']);

export const FLAG = Object.freeze({
  SETTINGS_SHIFT: 0,
  AGES_SHIFT: SETTINGS.length,
  ACCEPTING: 1 << (SETTINGS.length + AGES.length),
});

export const RADII = /** @type {const} */ ([10, 25, 50, 100]);
export const DEFAULT_RADIUS = 25;
export const EARTH_RADIUS_MILES = 3958.7613;

/**
 * @typedef {{ zip: string, radius: number, place: string, settings: string[], ages: string[],
 *   accepting: boolean, lang: string }} Query
 * @typedef {{ ok: true, zip: string } | { ok: false, reason: 'empty' | 'incomplete' | 'format' }} ZipCheck
 * @typedef {{ lat: number, lng: number }} Point
 * @typedef {[lat: number, lng: number, city: string, state: string]} ZipEntry
 * @typedef {{ code: string, name: string, start: number, count: number, details: string[] }} IndexState
 * @typedef {{
 *   v: number, n: number, scale: number, lat: number[], lng: number[], flags: number[], city: number[],
 *   cities: string[], states: [string, string, number, string[]?][], languages: [string, ...number[]][],
 *   chunk: number, details: string[][], base: string, zipBase: string, zipPrefixes: string
 * }} EncodedIndex
 * @typedef {{
 *   n: number, lat: Float64Array, lng: Float64Array, flags: Uint8Array, city: Uint32Array,
 *   state: Uint16Array, cities: string[], cityKeys: string[], cityState: Uint16Array, states: IndexState[],
 *   stateKeys: string[][], languages: { name: string, ids: Uint32Array }[], chunk: number,
 *   base: string, zipBase: string, zipPrefixes: Uint8Array
 * }} ProviderIndex
 * @typedef {{ i: number, distance: number | null }} Hit
 * @typedef {{ cities: Uint8Array, states: Uint8Array }} PlaceMatch
 * @typedef {{
 *   origin?: Point | null, radius?: number, place?: PlaceMatch | null, settings?: string[],
 *   ages?: string[], accepting?: boolean, lang?: string
 * }} SearchOptions
 */

// ---------------------------------------------------------------------------------------------
// ZIP codes

/**
 * Checks what a reader typed in the ZIP field. Accepts "02108", " 02108 " and ZIP+4 ("02108-1234").
 * "incomplete" is 1-4 digits (still typing, maybe); "format" is anything else that is not a ZIP.
 * @param {string | null | undefined} input
 * @returns {ZipCheck}
 */
export function checkZip(input) {
  const value = String(input ?? '').trim();
  if (value === '') return { ok: false, reason: 'empty' };
  const match = /^(\d{5})(?:[- ]?\d{4})?$/.exec(value);
  if (match) return { ok: true, zip: /** @type {string} */ (match[1]) };
  if (/^\d{1,4}$/.test(value)) return { ok: false, reason: 'incomplete' };
  return { ok: false, reason: 'format' };
}

/** The chunk a ZIP's coordinates are in: its first three digits. @param {string} zip */
export const zipPrefix = (zip) => zip.slice(0, 3);

/**
 * Hex bitmap of 3-digit prefixes (1000 bits) -> byte per prefix (1 when the prefix has a chunk).
 * @param {string} hex
 */
export function decodePrefixBitmap(hex) {
  const out = new Uint8Array(1000);
  for (let p = 0; p < 1000; p++) {
    const nibble = parseInt(hex[p >> 2] ?? '0', 16);
    out[p] = (nibble >> (3 - (p & 3))) & 1;
  }
  return out;
}

/** @param {Iterable<string>} prefixes 3-digit prefixes */
export function encodePrefixBitmap(prefixes) {
  const bits = new Uint8Array(1000);
  for (const p of prefixes) bits[Number(p)] = 1;
  let hex = '';
  for (let p = 0; p < 1000; p += 4) {
    hex += ((Number(bits[p]) << 3) | (Number(bits[p + 1]) << 2) | (Number(bits[p + 2]) << 1) | Number(bits[p + 3])).toString(16);
  }
  return hex;
}

/**
 * Looks a valid ZIP up in its (already fetched) chunk.
 * @param {Record<string, ZipEntry> | null | undefined} chunk
 * @param {string} zip
 * @returns {{ zip: string, lat: number, lng: number, city: string, state: string } | null}
 */
export function lookupZip(chunk, zip) {
  const entry = chunk?.[zip.slice(3)];
  if (!entry) return null;
  return { zip, lat: entry[0], lng: entry[1], city: entry[2], state: entry[3] };
}

// ---------------------------------------------------------------------------------------------
// Distance

const RAD = Math.PI / 180;

/**
 * Great-circle distance in miles (haversine).
 * @param {number} lat1 @param {number} lng1 @param {number} lat2 @param {number} lng2
 */
export function haversineMiles(lat1, lng1, lat2, lng2) {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * "3.2" under 10 miles, whole miles above, in the reader's number format.
 * @param {number} miles @param {string} locale
 */
export function formatMiles(miles, locale) {
  const digits = miles < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    digits ? Math.round(miles * 10) / 10 : Math.round(miles),
  );
}

// ---------------------------------------------------------------------------------------------
// Index

/** Text for matching places: lower case, no accents, punctuation as spaces. @param {string} text */
export function normalizePlace(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Bit flags of one provider.
 * @param {{ careSettings: readonly string[], agesServed: readonly string[], acceptingNewPatients: boolean }} p
 */
export function providerFlags(p) {
  let flags = 0;
  SETTINGS.forEach((s, bit) => {
    if (p.careSettings.includes(s)) flags |= 1 << (FLAG.SETTINGS_SHIFT + bit);
  });
  AGES.forEach((a, bit) => {
    if (p.agesServed.includes(a)) flags |= 1 << (FLAG.AGES_SHIFT + bit);
  });
  if (p.acceptingNewPatients) flags |= FLAG.ACCEPTING;
  return flags;
}

/** @param {number} flags */
export const flagSettings = (flags) => SETTINGS.filter((_, bit) => flags & (1 << (FLAG.SETTINGS_SHIFT + bit)));
/** @param {number} flags */
export const flagAges = (flags) => AGES.filter((_, bit) => flags & (1 << (FLAG.AGES_SHIFT + bit)));

/** @param {ArrayLike<number>} values */
export function deltaEncode(values) {
  /** @type {number[]} */
  const out = [];
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const value = /** @type {number} */ (values[i]);
    out.push(value - previous);
    previous = value;
  }
  return out;
}

/**
 * @template {Float64Array | Uint32Array} T
 * @param {ArrayLike<number>} deltas @param {T} out @param {number} [offset] first delta's index
 * @returns {T}
 */
export function deltaDecodeInto(deltas, out, offset = 0) {
  let value = 0;
  for (let i = 0; i < out.length; i++) {
    value += /** @type {number} */ (deltas[i + offset]);
    out[i] = value;
  }
  return out;
}

/**
 * Turns the JSON a page fetched into typed arrays ready for searching.
 * @param {EncodedIndex} data
 * @returns {ProviderIndex}
 */
export function decodeIndex(data) {
  if (!data || data.v !== INDEX_VERSION) throw new Error(`Unsupported provider index version ${data?.v}`);
  const n = data.n;
  const lat = deltaDecodeInto(data.lat, new Float64Array(n));
  const lng = deltaDecodeInto(data.lng, new Float64Array(n));
  for (let i = 0; i < n; i++) {
    lat[i] = /** @type {number} */ (lat[i]) / data.scale;
    lng[i] = /** @type {number} */ (lng[i]) / data.scale;
  }
  const state = new Uint16Array(n);
  /** @type {IndexState[]} */
  const states = [];
  let start = 0;
  data.states.forEach(([code, name, count], s) => {
    state.fill(s, start, start + count);
    states.push({ code, name, start, count, details: data.details[s] ?? [] });
    start += count;
  });
  if (start !== n) throw new Error('Provider index: state counts do not add up');
  const city = deltaDecodeInto(data.city, new Uint32Array(n));
  const cityState = new Uint16Array(data.cities.length);
  for (let i = 0; i < n; i++) cityState[/** @type {number} */ (city[i])] = /** @type {number} */ (state[i]);
  return {
    n,
    lat,
    lng,
    flags: Uint8Array.from(data.flags),
    city,
    state,
    cities: data.cities,
    cityKeys: data.cities.map(normalizePlace),
    cityState,
    states,
    stateKeys: data.states.map(([, name, , other]) => [name, ...(other ?? [])].map(normalizePlace)),
    languages: data.languages.map(([name, ...ids]) => ({ name, ids: deltaDecodeInto(ids, new Uint32Array(ids.length)) })),
    chunk: data.chunk,
    base: data.base,
    zipBase: data.zipBase,
    zipPrefixes: decodePrefixBitmap(data.zipPrefixes),
  };
}

/**
 * Where the details (slug, name, phone) of provider i are: the chunk's file and the row in it.
 * @param {ProviderIndex} index @param {number} i
 */
export function detailLocation(index, i) {
  const s = /** @type {IndexState} */ (index.states[/** @type {number} */ (index.state[i])]);
  const pos = i - s.start;
  const part = Math.floor(pos / index.chunk);
  return { file: index.base + s.details[part], row: pos % index.chunk };
}

// ---------------------------------------------------------------------------------------------
// Searching

/**
 * Which cities and states a place typed by the reader means: "Boston", "bos", "Boston, MA",
 * "MA", "Massachusetts", "mass". A city matches by prefix; a state by code or by name prefix.
 * Returns null when the text is too short to mean anything.
 * @param {ProviderIndex} index @param {string} text
 * @returns {PlaceMatch | null}
 */
export function matchPlace(index, text) {
  const parts = String(text).split(',').map(normalizePlace).filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && /** @type {string} */ (parts[0]).length < 2)) return null;
  const cities = new Uint8Array(index.cities.length);
  const states = new Uint8Array(index.states.length);
  const stateMatches = (/** @type {string} */ key) => {
    const hits = new Uint8Array(index.states.length);
    index.states.forEach((s, k) => {
      if (s.code.toLowerCase() === key || (key.length >= 3 && index.stateKeys[k]?.some((name) => name.startsWith(key)))) hits[k] = 1;
    });
    return hits;
  };
  if (parts.length >= 2) {
    // "City, ST": cities with that prefix inside the matching states.
    const cityKey = /** @type {string} */ (parts[0]);
    const inStates = stateMatches(/** @type {string} */ (parts[parts.length - 1]));
    index.cityKeys.forEach((key, c) => {
      if (key.startsWith(cityKey) && inStates[/** @type {number} */ (index.cityState[c])]) cities[c] = 1;
    });
    return { cities, states };
  }
  const key = /** @type {string} */ (parts[0]);
  index.cityKeys.forEach((cityKey, c) => {
    if (cityKey.startsWith(key)) cities[c] = 1;
  });
  states.set(stateMatches(key));
  return { cities, states };
}

/** @param {readonly string[]} all @param {string[] | undefined} picked @param {number} shift */
function maskOf(all, picked, shift) {
  let mask = 0;
  for (const value of picked ?? []) {
    const bit = all.indexOf(/** @type {never} */ (value));
    if (bit >= 0) mask |= 1 << (shift + bit);
  }
  return mask;
}

/** @type {WeakMap<ProviderIndex, Map<string, Uint8Array>>} */
const languageCache = new WeakMap();
/**
 * Membership (1 per provider) of a language, built once per index and language; null for a
 * language no provider speaks.
 * @param {ProviderIndex} index @param {string} name
 */
export function languageMembers(index, name) {
  let cache = languageCache.get(index);
  if (!cache) languageCache.set(index, (cache = new Map()));
  let members = cache.get(name);
  if (!members) {
    const language = index.languages.find((l) => l.name === name);
    if (!language) return null;
    members = new Uint8Array(index.n);
    for (const id of language.ids) members[id] = 1;
    cache.set(name, members);
  }
  return members;
}

/**
 * All providers matching the filters, nearest first when there is an origin (then only those
 * within `radius` miles), else by state, city and index order.
 * - settings: any of them (a program offering at least one of the ticked settings)
 * - ages: any of them
 * - accepting: only programs accepting new patients
 * - lang: only programs speaking it (an unknown language matches nothing)
 * - place: only programs in the matched cities or states
 * @param {ProviderIndex} index @param {SearchOptions} options
 * @returns {Hit[]}
 */
export function search(index, options) {
  const settingsMask = maskOf(SETTINGS, options.settings, FLAG.SETTINGS_SHIFT);
  const agesMask = maskOf(AGES, options.ages, FLAG.AGES_SHIFT);
  const requiredMask = options.accepting ? FLAG.ACCEPTING : 0;
  const members = options.lang ? languageMembers(index, options.lang) : null;
  if (options.lang && !members) return [];
  const place = options.place ?? null;
  const origin = options.origin ?? null;
  const radius = options.radius ?? DEFAULT_RADIUS;
  const { lat, lng, flags, city, state, n } = index;

  /** @type {Hit[]} */
  const hits = [];
  if (origin) {
    // Cheap latitude/longitude window first, then the exact distance.
    const latSpan = radius / 69.0;
    const minLat = origin.lat - latSpan;
    const maxLat = origin.lat + latSpan;
    const cosLat = Math.cos(Math.min(89, Math.abs(origin.lat) + latSpan) * RAD);
    const lngSpan = cosLat > 0.01 ? radius / (69.18 * cosLat) : 360;
    const olat = origin.lat;
    const olng = origin.lng;
    const cosO = Math.cos(olat * RAD);
    for (let i = 0; i < n; i++) {
      const f = /** @type {number} */ (flags[i]);
      if (settingsMask && !(f & settingsMask)) continue;
      if (agesMask && !(f & agesMask)) continue;
      if ((f & requiredMask) !== requiredMask) continue;
      const la = /** @type {number} */ (lat[i]);
      if (la < minLat || la > maxLat) continue;
      const lo = /** @type {number} */ (lng[i]);
      let dLng = Math.abs(lo - olng);
      if (dLng > 180) dLng = 360 - dLng;
      if (dLng > lngSpan) continue;
      if (members && !members[i]) continue;
      if (place && !place.cities[/** @type {number} */ (city[i])] && !place.states[/** @type {number} */ (state[i])]) continue;
      const sLat = Math.sin((la - olat) * RAD * 0.5);
      const sLng = Math.sin(dLng * RAD * 0.5);
      const a = sLat * sLat + cosO * Math.cos(la * RAD) * sLng * sLng;
      const distance = 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
      if (distance <= radius) hits.push({ i, distance });
    }
    hits.sort((a, b) => /** @type {number} */ (a.distance) - /** @type {number} */ (b.distance) || a.i - b.i);
    return hits;
  }
  if (!place) return hits;
  for (let i = 0; i < n; i++) {
    const f = /** @type {number} */ (flags[i]);
    if (settingsMask && !(f & settingsMask)) continue;
    if (agesMask && !(f & agesMask)) continue;
    if ((f & requiredMask) !== requiredMask) continue;
    if (members && !members[i]) continue;
    if (!place.cities[/** @type {number} */ (city[i])] && !place.states[/** @type {number} */ (state[i])]) continue;
    hits.push({ i, distance: null });
  }
  // Providers are stored by state already; inside a state, by city name.
  hits.sort((a, b) => {
    const sa = /** @type {number} */ (state[a.i]);
    const sb = /** @type {number} */ (state[b.i]);
    if (sa !== sb) return sa - sb;
    const ca = /** @type {string} */ (index.cities[/** @type {number} */ (city[a.i])]);
    const cb = /** @type {string} */ (index.cities[/** @type {number} */ (city[b.i])]);
    return ca < cb ? -1 : ca > cb ? 1 : a.i - b.i;
  });
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Query <-> URL

/** @returns {Query} */
export const emptyQuery = () => ({ zip: '', radius: DEFAULT_RADIUS, place: '', settings: [], ages: [], accepting: false, lang: '' });

/**
 * Reads a query from URL parameters (?zip=02108&radius=25&setting=home&age=children&accepting=1&lang=Spanish
 * or ?place=Boston). Unknown values are dropped; the radius falls back to the default.
 * @param {URLSearchParams} params
 * @returns {Query}
 */
export function queryFromParams(params) {
  const radius = Number(params.get('radius'));
  return {
    zip: (params.get('zip') ?? '').trim().slice(0, 10),
    radius: /** @type {readonly number[]} */ (RADII).includes(radius) ? radius : DEFAULT_RADIUS,
    place: (params.get('place') ?? '').trim().slice(0, 100),
    settings: SETTINGS.filter((s) => params.getAll('setting').includes(s)),
    ages: AGES.filter((a) => params.getAll('age').includes(a)),
    accepting: ['1', 'on', 'true', 'yes'].includes(params.get('accepting') ?? ''),
    lang: (params.get('lang') ?? '').trim().slice(0, 60),
  };
}

/**
 * The URL parameters for a query, in a stable order, leaving out what is empty (the radius only
 * goes with a ZIP code).
 * @param {Query} query
 */
export function paramsFromQuery(query) {
  const params = new URLSearchParams();
  const zip = query.zip.trim();
  if (zip) {
    params.set('zip', zip);
    params.set('radius', String(query.radius));
  }
  if (query.place.trim()) params.set('place', query.place.trim());
  for (const s of SETTINGS) if (query.settings.includes(s)) params.append('setting', s);
  for (const a of AGES) if (query.ages.includes(a)) params.append('age', a);
  if (query.accepting) params.set('accepting', '1');
  if (query.lang) params.set('lang', query.lang);
  return params;
}

// ---------------------------------------------------------------------------------------------
// Links (telHref is also the site's filter; page URLs are in the route table, @solace/routes)

/** A tel: link target from a US phone number as written, e.g. "(617) 555-0142" -> "tel:+16175550142". @param {string} phone */
export function telHref(phone) {
  const digits = phone.replace(/\D/g, '');
  return `tel:+${digits.length === 10 ? `1${digits}` : digits}`;
}
