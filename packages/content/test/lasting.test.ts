import { describe, expect, it } from 'vitest';
import { isLasting, makeLasting, rememberMapping } from '../src/lasting.js';

describe('lasting values', () => {
  it('are frozen with everything in them, and known as lasting', () => {
    const value = makeLasting({ name: 'Elena', photo: { url: '/a.jpg', sizes: [1, 2] } });
    expect(isLasting(value)).toBe(true);
    expect(Object.isFrozen(value.photo)).toBe(true);
    expect(Object.isFrozen(value.photo.sizes)).toBe(true);
    expect(() => {
      (value.photo as { url: string }).url = '/b.jpg';
    }).toThrow(TypeError);
    expect(isLasting(value.photo)).toBe(false);
    expect(isLasting({ name: 'Elena' })).toBe(false);
  });

  it('are made once per source and arguments, and again for another source or other arguments', () => {
    let made = 0;
    const greet = rememberMapping((person: { name: string }, greeting: string) => ({ text: `${greeting}, ${person.name}`, n: ++made }));
    const elena = { name: 'Elena' };
    const first = greet(elena, 'Hello');
    expect(greet(elena, 'Hello')).toBe(first);
    expect(isLasting(first)).toBe(true);
    // The same content in another object is another source: nothing says it never changes.
    expect(greet({ name: 'Elena' }, 'Hello')).not.toBe(first);
    const other = greet(elena, 'Hola');
    expect(other).toMatchObject({ text: 'Hola, Elena' });
    // Only the last value of a source is kept.
    expect(greet(elena, 'Hello')).toMatchObject({ text: 'Hello, Elena', n: 4 });
  });

  it('are made again when an argument is another object, and a failure is not remembered', () => {
    const label = rememberMapping((item: { id: string }, found: { name: string } | undefined) => {
      if (!found) throw new Error(`no ${item.id}`);
      return { label: found.name };
    });
    const item = { id: 'a' };
    const named = { name: 'First' };
    const first = label(item, named);
    expect(label(item, named)).toBe(first);
    // Equal, but another object: nothing says it is the same.
    expect(label(item, { name: 'First' })).not.toBe(first);
    expect(label(item, { name: 'Renamed' })).toEqual({ label: 'Renamed' });
    expect(() => label(item, undefined)).toThrow('no a');
    expect(() => label(item, undefined)).toThrow('no a');
  });
});
