import type { Provider } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { telHref as siteTelHref } from '../../_config/filters.js';
import {
  AGES,
  decodeIndex,
  detailLocation,
  flagAges,
  flagSettings,
  FLAG,
  matchPlace,
  normalizePlace,
  providerFlags,
  search,
  SETTINGS,
  telHref,
  type ProviderIndex,
} from '../../src/find-care/core.js';
import { encodeIndex, mortonKey, type DetailRow } from '../../src/find-care/encode.js';
import { generateProviders, loadDemoProviders } from '../../src/find-care/sample-data.js';
import { loadZipRecords } from '../../src/find-care/zip-data.js';
import { stateName } from '../../src/us-states.js';
import { AGE_GROUPS, CARE_SETTINGS } from '@solace/content';

const OPTIONS = { base: '/data/find-care/en/', zipBase: '/data/zip/x/', zipPrefixes: '0'.repeat(250), stateName };
const BOSTON = { lat: 42.3576, lng: -71.0684 }; // ZIP 02108

function build(providers: Provider[], chunk?: number) {
  const encoded = encodeIndex(providers, { ...OPTIONS, chunk });
  // Through JSON, as the browser gets it.
  const index = decodeIndex(JSON.parse(JSON.stringify(encoded.index)));
  const chunks = new Map([...encoded.chunks].map(([file, rows]) => [OPTIONS.base + file, rows]));
  const detail = (i: number): DetailRow => {
    const { file, row } = detailLocation(index, i);
    const rows = chunks.get(file);
    if (!rows?.[row]) throw new Error(`no detail for ${i} in ${file}`);
    return rows[row];
  };
  const bySlug = new Map(providers.map((p) => [p.slug, p]));
  const providerAt = (i: number) => bySlug.get(detail(i)[0])!;
  return { encoded, index, chunks, detail, providerAt };
}

describe('the provider index', () => {
  const demo = loadDemoProviders();

  it('uses the same care settings and age groups as the content model', () => {
    expect(SETTINGS).toEqual(CARE_SETTINGS);
    expect(AGES).toEqual(AGE_GROUPS);
  });

  it('round-trips every provider through JSON: place, flags, city, state, languages, details', () => {
    const { index, providerAt, detail } = build(demo);
    expect(index.n).toBe(demo.length);
    const seen = new Set<string>();
    for (let i = 0; i < index.n; i++) {
      const p = providerAt(i);
      seen.add(p.slug);
      expect(detail(i)).toEqual([p.slug, p.name, p.phone]);
      expect(index.lat[i]).toBeCloseTo(p.location.lat, 4);
      expect(index.lng[i]).toBeCloseTo(p.location.lng, 4);
      expect(index.flags[i]).toBe(providerFlags(p));
      expect(flagSettings(index.flags[i]!)).toEqual(CARE_SETTINGS.filter((s) => p.careSettings.includes(s)));
      expect(flagAges(index.flags[i]!)).toEqual(AGE_GROUPS.filter((a) => p.agesServed.includes(a)));
      expect(Boolean(index.flags[i]! & FLAG.ACCEPTING)).toBe(p.acceptingNewPatients);
      expect(index.cities[index.city[i]!]).toBe(p.address.city);
      expect(index.states[index.state[i]!]!.code).toBe(p.address.state);
      const spoken = index.languages.filter((l) => l.ids.includes(i)).map((l) => l.name).sort();
      expect(spoken).toEqual([...p.languages].sort());
    }
    expect(seen.size).toBe(demo.length);
  });

  it('keeps a state together, states in name order, and counts adding up', () => {
    const { index } = build(demo);
    const names = index.states.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(index.states.reduce((n, s) => n + s.count, 0)).toBe(demo.length);
    for (const s of index.states) {
      for (let i = s.start; i < s.start + s.count; i++) expect(index.states[index.state[i]!]).toBe(s);
    }
  });

  it('lists the languages most spoken first', () => {
    const { index } = build(demo);
    expect(index.languages[0]!.name).toBe('English');
    expect(index.languages[0]!.ids).toHaveLength(demo.length);
    expect(index.languages[1]!.name).toBe('Spanish');
  });

  it('refuses an index of another version', () => {
    const { encoded } = build(demo);
    expect(() => decodeIndex({ ...encoded.index, v: 99 })).toThrow(/version/);
  });

  it('names its files after their content', () => {
    const a = encodeIndex(demo, OPTIONS);
    const b = encodeIndex([...demo].reverse(), OPTIONS);
    expect(a.indexFile).toMatch(/^index\.[0-9a-f]{10}\.json$/);
    expect(b.indexFile).toBe(a.indexFile); // input order does not matter
    const changed = encodeIndex(demo.map((p, i) => (i === 0 ? { ...p, acceptingNewPatients: !p.acceptingNewPatients } : p)), OPTIONS);
    expect(changed.indexFile).not.toBe(a.indexFile);
  });
});

describe('chunking', () => {
  const zips = loadZipRecords();
  const many = generateProviders(2_500, zips, 7);

  it('splits each state in parts of at most `chunk` providers and finds every provider in its part', () => {
    const { index, chunks, providerAt, detail } = build(many, 100);
    for (const s of index.states) expect(s.details).toHaveLength(Math.ceil(s.count / 100));
    for (const rows of chunks.values()) expect(rows.length).toBeLessThanOrEqual(100);
    expect([...chunks.values()].reduce((n, rows) => n + rows.length, 0)).toBe(many.length);
    for (let i = 0; i < index.n; i += 7) expect(detail(i)[0]).toBe(providerAt(i).slug);
  });

  it('keeps nearby providers in few chunks', () => {
    const { index } = build(many, 100);
    const hits = search(index, { origin: BOSTON, radius: 25 });
    expect(hits.length).toBeGreaterThan(5);
    const files = new Set(hits.slice(0, 20).map((h) => detailLocation(index, h.i).file));
    expect(files.size).toBeLessThanOrEqual(4);
  });

  it('orders points along a Z curve', () => {
    expect(mortonKey(0, 0)).toBeLessThan(mortonKey(0.001, 0.001) + 1);
    expect(mortonKey(-90, -180)).toBe(0);
    expect(mortonKey(90, 180)).toBe(2 ** 32 - 1);
  });
});

describe('search', () => {
  const demo = loadDemoProviders();
  const { index, providerAt } = build(demo);
  const names = (hits: { i: number }[]) => hits.map((h) => providerAt(h.i).name);

  it('finds the Boston programs first, nearest first, with distances', () => {
    const hits = search(index, { origin: BOSTON, radius: 25 });
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(hits.slice(0, 4).every((h) => providerAt(h.i).address.city === 'Boston')).toBe(true);
    expect(providerAt(hits[0]!.i).address.zip).toBe('02108');
    expect(hits[0]!.distance).toBeCloseTo(0, 3);
    for (let k = 1; k < hits.length; k++) expect(hits[k]!.distance!).toBeGreaterThanOrEqual(hits[k - 1]!.distance!);
    for (const h of hits) expect(h.distance!).toBeLessThanOrEqual(25);
  });

  it('narrows with the radius', () => {
    const counts = [10, 25, 50, 100].map((radius) => search(index, { origin: BOSTON, radius }).length);
    for (let k = 1; k < counts.length; k++) expect(counts[k]!).toBeGreaterThanOrEqual(counts[k - 1]!);
    // Worcester is about 40 miles from Boston.
    expect(names(search(index, { origin: BOSTON, radius: 25 }))).not.toContain('Elm Park Demo Care at Home');
    expect(names(search(index, { origin: BOSTON, radius: 50 }))).toContain('Elm Park Demo Care at Home');
  });

  it('agrees with a plain scan over the providers for every filter', () => {
    const cases = [
      { settings: ['home'] },
      { settings: ['hospital', 'nursing-home'] },
      { ages: ['children'] },
      { ages: ['adults', 'children'] },
      { accepting: true },
      { lang: 'Spanish' },
      { lang: 'Portuguese', accepting: true },
      { settings: ['home'], ages: ['children'], accepting: true, lang: 'Spanish' },
    ];
    for (const filters of cases) {
      for (const radius of [10, 25, 50, 100, 3000]) {
        const got = search(index, { origin: BOSTON, radius, ...filters }).map((h) => providerAt(h.i).slug).sort();
        const expected = demo
          .filter((p) => !filters.settings || filters.settings.some((s) => p.careSettings.includes(s as never)))
          .filter((p) => !filters.ages || filters.ages.some((a) => p.agesServed.includes(a as never)))
          .filter((p) => !filters.accepting || p.acceptingNewPatients)
          .filter((p) => !filters.lang || p.languages.includes(filters.lang))
          .filter((p) => haversine(BOSTON, p.location) <= radius)
          .map((p) => p.slug)
          .sort();
        expect(got, JSON.stringify({ radius, ...filters })).toEqual(expected);
      }
    }
  });

  it('finds nothing for a language nobody speaks, and ignores unknown setting names', () => {
    expect(search(index, { origin: BOSTON, radius: 100, lang: 'Klingon' })).toEqual([]);
    expect(search(index, { origin: BOSTON, radius: 25, settings: ['spaceship'] })).toHaveLength(search(index, { origin: BOSTON, radius: 25 }).length);
  });

  it('searches by place: city prefix, "City, ST", state code and state name, without distances', () => {
    const cityOf = (text: string) => [...new Set(search(index, { place: matchPlace(index, text) }).map((h) => providerAt(h.i).address.city))];
    expect(cityOf('Boston')).toEqual(['Boston']);
    expect(cityOf('bos')).toEqual(['Boston']);
    expect(cityOf('  BOSTON, ma ')).toEqual(['Boston']);
    expect(cityOf('Boston, TX')).toEqual([]);
    const ma = search(index, { place: matchPlace(index, 'MA') });
    expect(ma).toHaveLength(demo.filter((p) => p.address.state === 'MA').length);
    expect(ma.every((h) => h.distance === null)).toBe(true);
    expect(search(index, { place: matchPlace(index, 'massachusetts') })).toEqual(ma);
    expect(search(index, { place: matchPlace(index, 'Mass') })).toEqual(ma);
    expect(matchPlace(index, 'b')).toBeNull();
    expect(matchPlace(index, ' , ')).toBeNull();
    // Sorted by state, then city.
    const tx = search(index, { place: matchPlace(index, 'Texas') }).map((h) => providerAt(h.i).address.city);
    expect(tx).toEqual([...tx].sort());
  });

  it('matches a state by its name in the page language', () => {
    const encoded = encodeIndex(demo, { ...OPTIONS, stateAliases: (code) => (code === 'NY' ? ['Nueva York'] : []) });
    const es: ProviderIndex = decodeIndex(JSON.parse(JSON.stringify(encoded.index)));
    const ny = demo.filter((p) => p.address.state === 'NY').length;
    expect(search(es, { place: matchPlace(es, 'nueva york') })).toHaveLength(ny);
    expect(search(es, { place: matchPlace(es, 'New York') }).length).toBeGreaterThanOrEqual(ny);
  });

  it('combines a ZIP code and a place: within the radius and in the place', () => {
    const hits = search(index, { origin: BOSTON, radius: 50, place: matchPlace(index, 'Worcester') });
    expect(new Set(names(hits).map((n) => n))).toEqual(new Set(demo.filter((p) => p.address.city === 'Worcester').map((p) => p.name)));
  });

  it('needs a ZIP code or a place', () => {
    expect(search(index, {})).toEqual([]);
    expect(search(index, { settings: ['home'] })).toEqual([]);
  });
});

describe('text and links', () => {
  it('normalises places for matching', () => {
    expect(normalizePlace('  São  Paulo, MA ')).toBe('sao paulo ma');
    expect(normalizePlace('St. Louis')).toBe('st louis');
    expect(normalizePlace('Coeur d’Alene')).toBe('coeur d alene');
  });

  it('builds the same tel: links as the rest of the site', () => {
    // The browser script and the template filter are one function; check what it produces.
    expect(siteTelHref).toBe(telHref);
    expect(telHref('(617) 555-0142')).toBe('tel:+16175550142');
    expect(telHref('617.555.0142')).toBe('tel:+16175550142');
    expect(telHref('+1 617 555 0142')).toBe('tel:+16175550142');
    expect(telHref('1-800-555-0199')).toBe('tel:+18005550199');
  });
});

function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 3958.7613 * Math.asin(Math.sqrt(h));
}
