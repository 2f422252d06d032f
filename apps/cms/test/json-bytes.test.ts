import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../src/json-bytes';

const stringified = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('jsonBytes (GraphQL answers as bytes)', () => {
  it("gives JSON.stringify's bytes for a large answer, written in many batches", () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({
      documentId: `d${i}`,
      title: `Cuidados paliativos — guía ${i} «en casa»`,
      body: 'Información para familias: ñ, é, 😀, \u2028 y "comillas".\n'.repeat(40),
      author: { documentId: 'a1' },
      topics: [{ documentId: 't1' }, { documentId: 't2' }],
      cover: null,
    }));
    // GraphQL's execution makes its objects without a prototype.
    const data = Object.assign(Object.create(null) as object, { articles_connection: { nodes, pageInfo: { total: 300 } } });
    const answer = { data, extensions: { took: 3 } };
    const bytes = jsonBytes(answer);
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.equals(stringified(answer))).toBe(true);
  });

  it('leaves out, writes null and calls toJSON where JSON.stringify does', () => {
    const odd = {
      gone: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      date: new Date(0),
      list: [undefined, () => 1, Symbol('t'), 'lone \ud800 surrogate', Number.NaN, -0, { deep: [1, { x: undefined }] }],
      custom: { toJSON: () => ({ replaced: true }) },
      vanishing: { toJSON: () => undefined },
      boxed: Object('text') as unknown,
      '\u2028key': 'value',
      nested: { empty: {}, none: [] },
    };
    expect(jsonBytes(odd).equals(stringified(odd))).toBe(true);
    for (const value of [null, 0, 'x', true, [], {}, [[]], new Date(5)]) expect(jsonBytes(value).equals(stringified(value))).toBe(true);
  });

  it('refuses a value with no JSON text, and what JSON.stringify refuses', () => {
    expect(() => jsonBytes(undefined)).toThrow(/no JSON text/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { again: [cyclic] };
    expect(() => jsonBytes(cyclic)).toThrow(TypeError);
    const looped: Record<string, unknown> = {};
    looped.inner = { outer: looped };
    expect(() => jsonBytes(looped)).toThrow(/circular/);
    const shared = { same: true };
    expect(jsonBytes({ a: shared, b: shared }).equals(stringified({ a: shared, b: shared }))).toBe(true);
    expect(() => jsonBytes({ big: 1n })).toThrow(TypeError);
  });
});
