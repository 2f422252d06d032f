import { describe, expect, it } from 'vitest';
import { rangeKind, resultFor, resultRanges, selfAssessmentPages } from '../../src/find-care/self-assessment.js';
import type { LocalePage } from '../../src/model.js';

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

describe('self-assessment pages', () => {
  const home = (code: string, hasAssessment: boolean) =>
    ({
      locale: code,
      url: `/${code}/`,
      content: { selfAssessment: hasAssessment ? { title: 't', questions: [], results: [] } : null },
      alternates: ['en', 'es', 'fr'].map((c) => ({ code: c, name: c, url: `/${c}/`, current: c === code })),
    }) as unknown as LocalePage;

  const suggestedIn = (code: string) => [{ url: `/${code}/articles/start/`, title: 'Start', summary: 's', date: '2026-01-01', author: null }];

  it('are the questions and the results page of each locale that has a self-assessment', () => {
    const pages = selfAssessmentPages([home('en', true), home('es', true), home('fr', false)], suggestedIn);
    expect(pages.map((p) => [p.kind, p.url])).toEqual([
      ['form', '/en/self-assessment/'],
      ['results', '/en/self-assessment/results/'],
      ['form', '/es/self-assessment/'],
      ['results', '/es/self-assessment/results/'],
    ]);
  });

  it('show the self-assessment and the articles their locale suggests, and nothing else of the locale', () => {
    const pages = selfAssessmentPages([home('en', true), home('es', true)], suggestedIn);
    for (const page of pages) {
      expect(Object.keys(page.content).sort()).toEqual(['selfAssessment', 'suggested']);
      expect(page.content.selfAssessment.title).toBe('t');
      expect(page.content.suggested.map((a) => a.url)).toEqual([`/${page.locale}/articles/start/`]);
    }
  });

  it('link each page to the same page in the other locales that have one', () => {
    const [, results] = selfAssessmentPages([home('en', true), home('es', true), home('fr', false)], suggestedIn);
    expect(results!.alternates.map((a) => [a.code, a.url, a.current])).toEqual([
      ['en', '/en/self-assessment/results/', true],
      ['es', '/es/self-assessment/results/', false],
      ['fr', null, false],
    ]);
  });
});
