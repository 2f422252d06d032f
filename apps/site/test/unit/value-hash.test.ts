import crypto from 'node:crypto';
import { rememberMapping } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { textHash, valueHash } from '../../src/incremental/hash.js';

const hashOf = (value: unknown) => valueHash(value, new WeakMap());

describe('valueHash (the fingerprint of a page view)', () => {
  it('is the same for equal values, whether objects are shared or copies', () => {
    const card = { title: 'Living with heart failure', body: 'x'.repeat(200), topics: [{ slug: 'pain' }] };
    const shared = { article: card, related: [card, card] };
    const copies = structuredClone(shared);
    expect(hashOf(shared)).toBe(hashOf(copies));
    // A memo shared across views gives each the hash it would have alone.
    const memo = new WeakMap<object, string>();
    valueHash(card, memo);
    expect(valueHash(shared, memo)).toBe(hashOf(copies));
  });

  it('gives a lasting value (kept from one build to the next in a process) the hash of an equal plain one', () => {
    const asCard = rememberMapping((source: { title: string; body: string }) => ({ ...source, topics: [{ slug: 'pain' }] }));
    const source = { title: 'Living with heart failure', body: 'x'.repeat(200) };
    const plain = { ...source, topics: [{ slug: 'pain' }] };
    const view = (card: object) => ({ article: card, related: [card] });
    expect(hashOf(view(asCard(source)))).toBe(hashOf(view(plain)));
    // Hashed again by another build's memo: the same.
    expect(hashOf(view(asCard(source)))).toBe(hashOf(view(structuredClone(plain))));
    expect(hashOf(view(asCard({ ...source, title: 'Another' })))).not.toBe(hashOf(view(plain)));
  });

  it('tells apart values JSON tells apart', () => {
    const values = [
      { a: 'b,c' }, { a: 'b', c: '' }, { a: '"' }, { a: ['b'] }, ['b'], { a: 1 }, { a: '1' }, { a: null }, {}, [], { b: 'a' },
      { a: 'x'.repeat(50) }, { a: `${'x'.repeat(49)}y` }, { a: { b: 1 }, c: 2 }, { a: { b: 1, c: 2 } },
    ];
    expect(new Set(values.map(hashOf)).size).toBe(values.length);
  });

  it('drops undefined properties as JSON does, and keeps key order', () => {
    expect(hashOf({ a: 1, b: undefined })).toBe(hashOf({ a: 1 }));
    expect(hashOf({ a: 1, b: 2 })).not.toBe(hashOf({ b: 2, a: 1 }));
  });
});

describe('textHash', () => {
  it('hashes the parts in order, each ended by NUL', () => {
    expect(textHash('ab', 'c')).not.toBe(textHash('a', 'bc'));
    expect(textHash('é', 'b')).toBe(crypto.createHash('sha1').update('é\0b\0').digest('hex'));
  });
});
