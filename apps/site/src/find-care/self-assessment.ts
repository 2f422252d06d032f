import type { Article, SelfAssessment } from '@solace/content';
import { selfAssessmentResultsUrl, selfAssessmentUrl } from '@solace/routes';
import { rangeKind, resultRanges } from '../../public/js/self-assessment-core.js';
import type { ArticleTeaser, LocalePage, Page } from '../model.js';

export * from '../../public/js/self-assessment-core.js';

/**
 * The questions or the static page of every result (where the form goes without JavaScript), with
 * what they show of their locale: the self-assessment and the articles suggested after it.
 */
export type SelfAssessmentPage = Page & { kind: 'form' | 'results'; content: { selfAssessment: SelfAssessment; suggested: ArticleTeaser[] } };

const PAGE_URLS = [
  ['form', selfAssessmentUrl],
  ['results', selfAssessmentResultsUrl],
] as const;

/**
 * Two pages per locale that has a self-assessment: /<locale>/self-assessment/ and
 * /<locale>/self-assessment/results/. Their language alternates lead to the same page in the
 * other locales that have one (null for those that do not). `suggestedIn`: the articles a locale's
 * pages suggest.
 */
export function selfAssessmentPages(localePages: readonly LocalePage[], suggestedIn: (locale: string) => ArticleTeaser[]): SelfAssessmentPage[] {
  const has = new Set(localePages.filter((p) => p.content.selfAssessment).map((p) => p.locale));
  return localePages.flatMap(({ locale, alternates, links, content }) => {
    if (!content.selfAssessment) return [];
    const shown = { selfAssessment: content.selfAssessment, suggested: suggestedIn(locale) };
    return PAGE_URLS.map(([kind, urlIn]) => ({
      locale,
      url: urlIn(locale),
      alternates: alternates.map((a) => ({ ...a, url: has.has(a.code) && a.url ? urlIn(a.code) : null })),
      links,
      kind,
      content: shown,
    }));
  });
}

/**
 * Articles to suggest after the self-assessment: those about getting started first, then the
 * latest, `count` in all.
 */
export function assessmentArticles<A extends Pick<Article, 'date' | 'topics'>>(articles: readonly A[], count = 3): A[] {
  const byDate = [...articles].sort((a, b) => b.date.localeCompare(a.date));
  const starting = byDate.filter((a) => a.topics.some((t) => t.slug === 'getting-started'));
  const picked = new Set(starting);
  return [...starting, ...byDate.filter((a) => !picked.has(a))].slice(0, count);
}

/** Results of the self-assessment with the range of answers each is for (see self-assessment-core.js). */
export function assessmentRanges(assessment: SelfAssessment) {
  const total = assessment.questions.length;
  return resultRanges(assessment.results, total).map((r) => ({ ...r, kind: rangeKind(r, total), total }));
}

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
