import { describe, expect, it } from 'vitest';
import { peopleNamed } from '../../public/js/search-people.js';

const people = [
  { name: 'Ana Núñez', credentials: 'MD', url: '/es/authors/ana-nunez/' },
  { name: 'Anthony Ruiz', credentials: null, url: '/es/authors/anthony-ruiz/' },
  { name: "Mary-Jane O'Neil", url: '/es/authors/mary-jane-oneil/' },
];
const names = (query: string, limit = 5) => peopleNamed(people, query, limit).map((p) => p.name);

describe('peopleNamed', () => {
  it('finds the people with a word of their name starting with each word of the query, as typed', () => {
    expect(names('nunez')).toEqual(['Ana Núñez']);
    expect(names('  ANA  ')).toEqual(['Ana Núñez']);
    expect(names('an')).toEqual(['Ana Núñez', 'Anthony Ruiz']);
    expect(names('an ru')).toEqual(['Anthony Ruiz']);
    expect(names('jane oneil')).toEqual(["Mary-Jane O'Neil"]);
    expect(names('mary o’n')).toEqual(["Mary-Jane O'Neil"]);
    expect(names('jane anthony')).toEqual([]);
  });

  it('finds no one for a query that names no one, or has no letters', () => {
    expect(names('hospice')).toEqual([]);
    expect(names('ana hospice')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(names(' -, ')).toEqual([]);
  });

  it('gives at most the limit, in the order given', () => {
    expect(names('a', 1)).toEqual(['Ana Núñez']);
  });
});
