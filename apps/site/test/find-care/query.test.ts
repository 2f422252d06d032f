import { describe, expect, it } from 'vitest';
import { DEFAULT_RADIUS, emptyQuery, paramsFromQuery, queryFromParams, type Query } from '../../src/find-care/core.js';

describe('query and URL', () => {
  it('round-trips a full query in a stable order', () => {
    const query: Query = { zip: '02108', radius: 50, place: '', settings: ['home', 'hospital'], ages: ['children'], accepting: true, lang: 'Spanish' };
    const params = paramsFromQuery(query);
    expect(params.toString()).toBe('zip=02108&radius=50&setting=hospital&setting=home&age=children&accepting=1&lang=Spanish');
    expect(queryFromParams(params)).toEqual({ ...query, settings: ['hospital', 'home'] });
  });

  it('reads the documented example URLs', () => {
    expect(queryFromParams(new URLSearchParams('?zip=02108&radius=25&setting=home&age=children&accepting=1&lang=Spanish'))).toEqual({
      zip: '02108', radius: 25, place: '', settings: ['home'], ages: ['children'], accepting: true, lang: 'Spanish',
    });
    expect(queryFromParams(new URLSearchParams('?place=Boston'))).toEqual({ ...emptyQuery(), place: 'Boston' });
  });

  it('leaves out what is empty, and the radius without a ZIP code', () => {
    expect(paramsFromQuery(emptyQuery()).toString()).toBe('');
    expect(paramsFromQuery({ ...emptyQuery(), place: ' Boston ', radius: 100 }).toString()).toBe('place=Boston');
    expect(paramsFromQuery({ ...emptyQuery(), lang: 'Haitian Creole' }).toString()).toBe('lang=Haitian+Creole');
  });

  it('drops values it does not know', () => {
    const q = queryFromParams(new URLSearchParams('zip=02108&radius=7&setting=spa&setting=home&age=pets&accepting=maybe'));
    expect(q).toEqual({ ...emptyQuery(), zip: '02108', radius: DEFAULT_RADIUS, settings: ['home'] });
    expect(queryFromParams(new URLSearchParams('zip=' + '1'.repeat(500))).zip).toHaveLength(10);
  });
});
