import { describe, expect, it } from 'vitest';
import { readInterfaceTexts } from '../src/content-types/interface-text.js';
import { ContentValidationError } from '../src/errors.js';

const node = (key: string, text: string) => ({ documentId: `d-${key}`, locale: 'fr', key, text });

describe('interface texts', () => {
  it('become one record by key, trimmed', () => {
    expect(readInterfaceTexts([node('nav.home', ' Accueil '), node('count.one', '{n} programme')], 'fr')).toEqual({
      'nav.home': 'Accueil',
      'count.one': '{n} programme',
    });
  });

  it('refuse a blank text or a malformed key, naming the entry and field', () => {
    expect(() => readInterfaceTexts([node('nav.home', '  ')], 'fr')).toThrow(ContentValidationError);
    expect(() => readInterfaceTexts([node('nav.home', '  ')], 'fr')).toThrow(/d-nav\.home[\s\S]*text/);
    expect(() => readInterfaceTexts([node('home', 'Accueil')], 'fr')).toThrow(/key/);
  });
});
