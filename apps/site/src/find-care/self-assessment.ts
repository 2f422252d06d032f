export * from '../../public/js/self-assessment-core.js';

/** Every way to pick k of the numbers 1..n. */
function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const walk = (start: number, picked: number[]) => {
    if (picked.length === k) return void out.push(picked);
    for (let i = start; i <= n; i++) walk(i + 1, [...picked, i]);
  };
  walk(1, []);
  return out;
}

/**
 * CSS that shows, without JavaScript, the result matching the reader's answers once every
 * question is answered (radios q1..qN with ids q<i>-yes / q<i>-no; results with ids
 * live-<id>). Each result's rule is more specific the more "yes" answers it needs, so the highest
 * matching threshold wins. Null when a threshold has too many combinations to spell out.
 */
export function noScriptResultCss(questionCount: number, ranges: { min: number; id: string }[], maxSelectors = 300) {
  const answered = Array.from({ length: questionCount }, (_, i) => `:has(#q${i + 1}-yes:checked, #q${i + 1}-no:checked)`).join('');
  const rules = ['.assessment-live__option { display: none; }', `main${answered} .assessment-live__empty { display: none; }`];
  for (const range of ranges) {
    const combos = combinations(questionCount, range.min);
    if (combos.length > maxSelectors) return null;
    const scopes = combos.map((combo) => `main${answered}${combo.map((q) => `:has(#q${q}-yes:checked)`).join('')}`);
    rules.push(`${scopes.map((s) => `${s} #live-${range.id}`).join(',\n')} { display: block; }`);
    rules.push(`${scopes.map((s) => `${s} .assessment-live__option:not(#live-${range.id})`).join(',\n')} { display: none; }`);
  }
  return rules.join('\n');
}
