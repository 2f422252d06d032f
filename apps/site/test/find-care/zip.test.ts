import { describe, expect, it } from 'vitest';
import { checkZip, decodePrefixBitmap, encodePrefixBitmap, lookupZip, zipPrefix } from '../../src/find-care/core.js';
import { buildZipChunks, loadZipRecords } from '../../src/find-care/zip-data.js';

describe('checkZip', () => {
  it('accepts five digits, trimmed, and ZIP+4', () => {
    expect(checkZip('02108')).toEqual({ ok: true, zip: '02108' });
    expect(checkZip('  02108 ')).toEqual({ ok: true, zip: '02108' });
    expect(checkZip('02108-1234')).toEqual({ ok: true, zip: '02108' });
    expect(checkZip('021081234')).toEqual({ ok: true, zip: '02108' });
    expect(checkZip('00000')).toEqual({ ok: true, zip: '00000' });
  });

  it('tells empty, still-typing and malformed input apart', () => {
    expect(checkZip('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkZip('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkZip(null)).toEqual({ ok: false, reason: 'empty' });
    expect(checkZip('123')).toEqual({ ok: false, reason: 'incomplete' });
    expect(checkZip('1')).toEqual({ ok: false, reason: 'incomplete' });
    for (const bad of ['abcde', '1234a', '123456', '02108-12', '0210 8', '-2108', '１２３４５', '02108-']) {
      expect(checkZip(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('ZIP chunks', () => {
  const records = loadZipRecords();
  const zips = buildZipChunks(records);

  it('come from the zipcodes package and hold every US ZIP once', () => {
    expect(records.length).toBeGreaterThan(40_000);
    const boston = records.find((r) => r.zip === '02108');
    expect(boston).toMatchObject({ city: 'Boston', state: 'MA' });
    const total = [...zips.chunks.values()].reduce((n, c) => n + Object.keys(c).length, 0);
    expect(total).toBe(records.length);
  });

  it('are split by 3-digit prefix and keyed by the last two digits', () => {
    const chunk = zips.chunks.get(zipPrefix('02108'));
    expect(lookupZip(chunk, '02108')).toEqual({ zip: '02108', lat: 42.3576, lng: -71.0684, city: 'Boston', state: 'MA' });
    expect(lookupZip(chunk, '02199')).toBeTruthy();
    expect(lookupZip(chunk, '02100')).toBeNull();
    for (const [prefix, c] of zips.chunks) {
      expect(prefix).toMatch(/^\d{3}$/);
      for (const key of Object.keys(c)) expect(key).toMatch(/^\d{2}$/);
    }
  });

  it('are small enough to fetch one on demand', () => {
    const largest = Math.max(...[...zips.chunks.values()].map((c) => JSON.stringify(c).length));
    expect(largest).toBeLessThan(8_000);
  });

  it('list their prefixes in a bitmap, so unknown prefixes need no request', () => {
    const bits = decodePrefixBitmap(zips.prefixes);
    expect(zips.prefixes).toHaveLength(250);
    expect(bits[21]).toBe(1);
    expect(bits[0]).toBe(0); // 000xx does not exist
    expect(bits[999]).toBe(zips.chunks.has('999') ? 1 : 0);
    const count = bits.reduce((n, b) => n + b, 0);
    expect(count).toBe(zips.chunks.size);
  });

  it('round-trips any set of prefixes through the bitmap', () => {
    const prefixes = ['000', '001', '021', '500', '997', '998', '999'];
    const bits = decodePrefixBitmap(encodePrefixBitmap(prefixes));
    expect([...bits.keys()].filter((p) => bits[p]).map((p) => String(p).padStart(3, '0'))).toEqual(prefixes);
  });
});
