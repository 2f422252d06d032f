import { describe, expect, it } from 'vitest';
import { formatMiles, haversineMiles } from '../../src/find-care/core.js';

describe('haversineMiles', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMiles(42.3576, -71.0684, 42.3576, -71.0684)).toBe(0);
    const ab = haversineMiles(42.3576, -71.0684, 40.7484, -73.9967);
    expect(haversineMiles(40.7484, -73.9967, 42.3576, -71.0684)).toBeCloseTo(ab, 9);
  });

  it('matches known distances', () => {
    // Boston (02108) to midtown Manhattan (10001): 187.8 miles (302.3 km).
    expect(haversineMiles(42.3576, -71.0684, 40.7484, -73.9967)).toBeCloseTo(187.83, 1);
    // One degree of latitude is about 69.1 miles.
    expect(haversineMiles(0, 0, 1, 0)).toBeCloseTo(69.09, 1);
    // Across the antimeridian.
    expect(haversineMiles(0, 179.5, 0, -179.5)).toBeCloseTo(69.09, 1);
    // Two demo programs in Boston, 0.24 miles apart.
    expect(haversineMiles(42.3576, -71.0684, 42.3611, -71.0682)).toBeCloseTo(0.242, 3);
  });
});

describe('formatMiles', () => {
  it('shows tenths under 10 miles and whole miles above', () => {
    const cases = [[0.04, '0.0'], [3.25, '3.3'], [9.96, '10.0'], [10, '10'], [12.5, '13'], [99.5, '100']] as const;
    for (const [miles, label] of cases) expect(formatMiles(miles, 'en')).toBe(label);
    expect(formatMiles(3.2, 'en')).toBe('3.2');
    expect(formatMiles(3.2, 'es')).toBe('3,2');
    expect(formatMiles(1234, 'en')).toBe('1,234');
  });
});
