import { describe, expect, it } from 'vitest';
import { loadStrings, translate } from '../../src/i18n.js';

const strings = { en: { hello: 'Hello {name}', only: 'English only' }, es: { hello: 'Hola {name}' } };

describe('translate', () => {
  it('uses the locale’s string and fills placeholders', () => {
    expect(translate(strings, 'es', 'hello', { name: 'Ana' })).toBe('Hola Ana');
  });

  it('falls back to the base language, then English', () => {
    expect(translate(strings, 'es-MX', 'hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(translate(strings, 'fr', 'hello', { name: 'Zoé' })).toBe('Hello Zoé');
    expect(translate(strings, 'es', 'only')).toBe('English only');
  });

  it('fails loudly on a key nobody wrote', () => {
    expect(() => translate(strings, 'en', 'nope')).toThrow(/Missing UI string "nope"/);
  });

  it('has a Spanish string for every English one in the repo', () => {
    const all = loadStrings();
    const missing = Object.keys(all.en!).filter((key) => !(key in all.es!));
    expect(missing).toEqual([]);
  });
});
