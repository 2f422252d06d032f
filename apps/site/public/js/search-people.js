// @ts-check
// The authors a search names, for the search page (search.js). Bylines are not in the search
// index, so that a renamed author re-makes no index: a reader who searches for a person finds
// them here, by name, with a link to their page and its articles.

/** @typedef {{ name: string, credentials?: string | null, url: string }} Person */

/**
 * Text as a reader may type it: lower-case, without accents or apostrophes ("Núñez" -> "nunez",
 * "O'Neil" -> "oneil").
 * @param {string} text
 */
const folded = (text) =>
  text
    .normalize('NFD')
    .replace(/[\p{Mn}'\u2019]/gu, '')
    .toLowerCase();

/** @param {string} text */
const wordsOf = (text) => folded(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The people whose name has a word starting with each word of the query ("ana ru" finds Ana
 * Ruiz), in the order given; at most `limit`. None for a query without letters or digits.
 * @template {Person} T
 * @param {readonly T[]} people @param {string} query @param {number} limit
 * @returns {T[]}
 */
export function peopleNamed(people, query, limit) {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [];
  const found = [];
  for (const person of people) {
    const words = wordsOf(person.name);
    if (wanted.every((w) => words.some((word) => word.startsWith(w)))) found.push(person);
    if (found.length === limit) break;
  }
  return found;
}
