import { describe, expect, it } from 'vitest';
import { noScriptResultCss } from '../../src/find-care/self-assessment.js';

describe('noScriptResultCss', () => {
  const ranges = [
    { min: 0, id: 'result-0' },
    { min: 1, id: 'result-1' },
    { min: 3, id: 'result-3' },
  ];

  it('spells out every way to reach a threshold, once all questions are answered', () => {
    const css = noScriptResultCss(5, ranges)!;
    const showThree = css.split('\n').filter((line) => line.includes('#live-result-3') && !line.includes(':not('));
    expect(showThree).toHaveLength(10); // 5 choose 3
    expect(showThree[0]).toContain(':has(#q5-yes:checked, #q5-no:checked)');
    expect(showThree[0]).toContain(':has(#q1-yes:checked):has(#q2-yes:checked):has(#q3-yes:checked) #live-result-3');
  });

  it('gives up when a threshold has too many combinations', () => {
    expect(noScriptResultCss(20, [{ min: 10, id: 'r' }])).toBeNull();
  });
});
