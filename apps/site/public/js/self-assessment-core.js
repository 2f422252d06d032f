// @ts-check
// Pure logic of the self-assessment, shared by the browser (self-assessment.js) and the build
// (the static results page lists every result with the range of answers it is for).

/**
 * @typedef {{ minYes: number, heading: string, body: string }} AssessmentResult
 * @typedef {AssessmentResult & { min: number, max: number, id: string }} RangedResult
 */

/**
 * The result for a number of "yes" answers: the one with the highest minYes not above it.
 * @template {AssessmentResult} T
 * @param {readonly T[]} results @param {number} yes
 * @returns {T | null}
 */
export function resultFor(results, yes) {
  /** @type {T | null} */
  let best = null;
  for (const r of results) if (r.minYes <= yes && (!best || r.minYes > best.minYes)) best = r;
  return best;
}

/**
 * Every result with the range of "yes" answers that leads to it (min..max inclusive, out of
 * `questionCount`), sorted by minYes; results no score can reach are left out.
 * @template {AssessmentResult} T
 * @param {readonly T[]} results @param {number} questionCount
 * @returns {(T & { min: number, max: number, id: string })[]}
 */
export function resultRanges(results, questionCount) {
  const sorted = [...results].sort((a, b) => a.minYes - b.minYes);
  /** @type {(T & { min: number, max: number, id: string })[]} */
  const out = [];
  for (let yes = 0; yes <= questionCount; yes++) {
    const r = resultFor(sorted, yes);
    if (!r) continue;
    const last = out[out.length - 1];
    if (last && last.minYes === r.minYes) last.max = yes;
    else out.push({ ...r, min: yes, max: yes, id: `result-${r.minYes}` });
  }
  return out;
}

/**
 * Which way a range is worded: "none" (0 only), "any" (every score), "exactly" (one number), "upTo" (0..max),
 * "atLeast" (min..all), "or" (two numbers), "between" (min..max).
 * @param {{ min: number, max: number }} range @param {number} questionCount
 */
export function rangeKind(range, questionCount) {
  if (range.min === 0 && range.max === 0) return 'none';
  if (range.min === 0 && range.max >= questionCount) return 'any';
  if (range.min === range.max) return 'exactly';
  if (range.min === 0) return 'upTo';
  if (range.max === questionCount) return 'atLeast';
  if (range.max === range.min + 1) return 'or';
  return 'between';
}
