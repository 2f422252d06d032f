import { describe, expect, it } from 'vitest';
import { createTranslator, fill } from '../../public/js/i18n.js';
import { loadStrings, translate, translatorFor } from '../../src/i18n.js';

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

describe('the translator shared with the browser', () => {
  const all = {
    en: {
      'count.zero': 'No programs',
      'count.one': '{n} program',
      'count.other': '{n} programs',
      'languageName.Spanish': 'Spanish',
    },
    es: { 'count.one': '{n} programa', 'count.other': '{n} programas', 'languageName.Spanish': 'español' },
    ru: { 'count.one': '{n} программа', 'count.few': '{n} программы', 'count.other': '{n} программ' },
  };

  it('picks plural forms with Intl.PluralRules, .zero for nothing when there is one', () => {
    const en = translatorFor(all, 'en');
    expect([0, 1, 2].map((n) => en.plural('count', n))).toEqual(['No programs', '1 program', '2 programs']);
    expect(translatorFor(all, 'ru').plural('count', 3)).toBe('3 программы');
    expect(translatorFor(all, 'ru').plural('count', 5)).toBe('5 программ');
  });

  it('falls back to .other when the locale has no string for its category', () => {
    // Spanish says "many" for a million; the strings only have one and other.
    expect(translatorFor(all, 'es').plural('count', 1_000_000, { n: '1.000.000' })).toBe('1.000.000 programas');
  });

  it('translates an optional label or says there is none', () => {
    expect(translatorFor(all, 'es').label('languageName.Spanish')).toBe('español');
    expect(translatorFor(all, 'es').label('languageName.Klingon')).toBeNull();
  });

  it('leaves placeholders without a value as written', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('lets the caller decide what a missing key gives', () => {
    const page = createTranslator('en', (key) => ({ hello: 'Hello {name}' })[key], (key) => key);
    expect(page.t('hello', { name: 'Ana' })).toBe('Hello Ana');
    expect(page.t('nope')).toBe('nope');
    expect(() => translatorFor(all, 'en').t('nope')).toThrow(/Missing UI string "nope"/);
  });
});
