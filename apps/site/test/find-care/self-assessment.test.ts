import { describe, expect, it } from 'vitest';
import { rangeKind, resultFor, resultRanges } from '../../src/find-care/self-assessment.js';

const results = [
  { minYes: 3, heading: 'C', body: '' },
  { minYes: 0, heading: 'A', body: '' },
  { minYes: 1, heading: 'B', body: '' },
];

describe('self-assessment', () => {
  it('picks the result with the highest minYes not above the number of yes answers', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => resultFor(results, n)?.heading)).toEqual(['A', 'B', 'B', 'C', 'C', 'C']);
    expect(resultFor([{ minYes: 2, heading: 'X', body: '' }], 1)).toBeNull();
  });

  it('gives each result the range of answers it is for', () => {
    const ranges = resultRanges(results, 5);
    expect(ranges.map((r) => [r.heading, r.min, r.max, r.id])).toEqual([
      ['A', 0, 0, 'result-0'],
      ['B', 1, 2, 'result-1'],
      ['C', 3, 5, 'result-3'],
    ]);
    expect(ranges.map((r) => rangeKind(r, 5))).toEqual(['none', 'or', 'atLeast']);
  });

  it('words every kind of range', () => {
    expect(rangeKind({ min: 0, max: 5 }, 5)).toBe('any');
    expect(rangeKind({ min: 0, max: 2 }, 5)).toBe('upTo');
    expect(rangeKind({ min: 2, max: 2 }, 5)).toBe('exactly');
    expect(rangeKind({ min: 1, max: 4 }, 5)).toBe('between');
    expect(rangeKind({ min: 5, max: 5 }, 5)).toBe('exactly');
  });

  it('leaves out results no score reaches', () => {
    const ranges = resultRanges([{ minYes: 0, heading: 'A', body: '' }, { minYes: 9, heading: 'Z', body: '' }], 5);
    expect(ranges.map((r) => r.heading)).toEqual(['A']);
  });
});
