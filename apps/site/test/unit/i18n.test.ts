import { describe, expect, it } from 'vitest';
import { createTranslator, fill, markFallback } from '../../public/js/i18n.js';
import { FALLBACK_END as E, FALLBACK_START as S, pageStrings, textDirection, translate, translatorFor, unmark } from '../../src/i18n.js';
import { shippedStrings } from './shipped-strings.js';

const strings = { en: { hello: 'Hello {name}', only: 'English only' }, es: { hello: 'Hola {name}' } };

describe('translate', () => {
  it('uses the locale’s string and fills placeholders', () => {
    expect(translate(strings, 'es', 'hello', { name: 'Ana' })).toBe('Hola Ana');
  });

  it('falls back to the base language, then English', () => {
    expect(translate(strings, 'es-MX', 'hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(translate(strings, 'fr', 'hello', { name: 'Zoé' })).toBe(`${S}Hello ${E}Zoé`);
    expect(translate(strings, 'es', 'only')).toBe(`${S}English only${E}`);
    expect(translate(strings, 'en-GB', 'only')).toBe('English only');
  });

  it('fails loudly on a key nobody wrote', () => {
    expect(() => translate(strings, 'fr', 'nope')).toThrow(/Missing interface text "nope": add it in English/);
  });

  it('has a Spanish string for every English one the CMS ships', () => {
    const all = shippedStrings();
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
    expect(() => translatorFor(all, 'en').t('nope')).toThrow(/Missing interface text "nope"/);
  });
});

describe('English standing in for a missing translation', () => {
  const all = {
    en: {
      'count.zero': 'No programs',
      'count.one': '{n} program',
      'count.other': '{n} programs',
      near: '{n} near {zip}',
      'languageName.Spanish': 'Spanish',
    },
    ar: {
      'count.zero': 'لا توجد برامج',
      'count.one': 'برنامج واحد',
      'count.two': 'برنامجان',
      'count.few': '{n} برامج',
      'count.many': '{n} برنامجًا',
      'count.other': '{n} برنامج',
    },
    pl: { 'count.one': '{n} program', 'count.few': '{n} programy', 'count.many': '{n} programów', 'count.other': '{n} programu' },
    fr: { 'count.one': '{n} programme', 'count.other': '{n} programmes' },
  };

  it('marks only the English words, not the values filled in', () => {
    expect(markFallback('{n} near {zip}')).toBe(`{n}${S} near ${E}{zip}`);
    expect(translatorFor(all, 'fr').t('near', { n: 3, zip: '02108' })).toBe(`3${S} near ${E}02108`);
    expect(unmark(translatorFor(all, 'fr').t('near', { n: 3, zip: '02108' }))).toBe('3 near 02108');
  });

  it('marks labels that fall back, and never marks English pages', () => {
    expect(translatorFor(all, 'fr').label('languageName.Spanish')).toBe(`${S}Spanish${E}`);
    expect(translatorFor(all, 'en').label('languageName.Spanish')).toBe('Spanish');
    expect(translatorFor(all, 'en-US').t('near', { n: 1, zip: 'x' })).toBe('1 near x');
  });

  it('picks Arabic plural categories (zero, one, two, few, many, other) from the locale', () => {
    const ar = translatorFor(all, 'ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.plural('count', n))).toEqual([
      'لا توجد برامج', 'برنامج واحد', 'برنامجان', '3 برامج', '11 برنامجًا', '100 برنامج',
    ]);
  });

  it('picks Polish plural categories (one, few, many) from the locale', () => {
    const pl = translatorFor(all, 'pl');
    expect([1, 2, 5, 22, 25].map((n) => pl.plural('count', n))).toEqual([
      '1 program', '2 programy', '5 programów', '22 programy', '25 programów',
    ]);
    // A fraction is "other" in Polish.
    expect(pl.plural('count', 1.5)).toBe('1.5 programu');
  });

  it("does not take English's .zero over the locale's own .other", () => {
    // French counts 0 as "one".
    expect(translatorFor(all, 'fr').plural('count', 0)).toBe('0 programme');
    expect(translatorFor(all, 'pl').plural('count', 0)).toBe('0 programów');
    expect(translatorFor({ en: all.en }, 'fr').plural('count', 0)).toBe(`${S}No programs${E}`);
  });

  it('hands a browser script every plural form of a key, marked where English', () => {
    const fr = translatorFor(all, 'fr');
    expect(pageStrings(fr, { count: 'count', near: 'near' })).toEqual({
      'count.zero': `${S}No programs${E}`,
      'count.one': '{n} programme',
      'count.other': '{n} programmes',
      near: `{n}${S} near ${E}{zip}`,
    });
    expect(Object.keys(pageStrings(translatorFor(all, 'ar'), { count: 'count' }))).toEqual(
      ['count.zero', 'count.one', 'count.two', 'count.few', 'count.many', 'count.other'],
    );
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic, Hebrew, Persian and Urdu (with regions too), ltr otherwise', () => {
    expect(['ar', 'he', 'fa-IR', 'ur', 'ar-EG'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'es', 'fr', 'pt-BR', 'zh'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(textDirection('not a locale!')).toBe('ltr');
  });
});
