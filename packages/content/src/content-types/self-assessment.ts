import { z } from 'zod';
import { text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { SelfAssessmentFragment } from '../generated/graphql.js';
import { checkEntry } from '../validate.js';

export const selfAssessmentFields = graphql(`
  fragment SelfAssessment on SelfAssessment {
    title
    intro
    questions {
      prompt
      hint
    }
    results {
      minYes
      heading
      body
    }
  }
`);

export const selfAssessmentQuery = graphql(`
  query SelfAssessment($locale: I18NLocaleCode!) {
    selfAssessment(locale: $locale) {
      ...SelfAssessment
    }
  }
`);

const selfAssessmentChecks = z
  .object({
    title: text(),
    questions: z.array(z.object({ prompt: text() }).nullable()).min(1),
    results: z.array(z.object({ minYes: z.number().min(0), heading: text(), body: text() }).nullable()).min(1),
  })
  // Every score from 0 to the number of questions must lead to a result.
  .refine((a) => a.results.some((r) => r?.minYes === 0), { message: 'needs a result for 0 "yes" answers (minYes 0)', path: ['results'] })
  .refine((a) => a.results.every((r) => !r || r.minYes <= a.questions.length), {
    message: 'has a result no one can reach (minYes above the number of questions)',
    path: ['results'],
  });

/** The "is palliative care right for me?" questions and what each score leads to. */
export type SelfAssessment = {
  title: string;
  intro: string | null;
  questions: { prompt: string; hint: string | null }[];
  /** Sorted by minYes, ascending. */
  results: { minYes: number; heading: string; body: string }[];
};

export function toSelfAssessment(node: SelfAssessmentFragment): SelfAssessment {
  return {
    title: node.title.trim(),
    intro: node.intro?.trim() || null,
    questions: node.questions.flatMap((q) => (q ? [{ prompt: q.prompt.trim(), hint: q.hint?.trim() || null }] : [])),
    results: node.results
      .flatMap((r) => (r ? [{ minYes: r.minYes, heading: r.heading.trim(), body: r.body.trim() }] : []))
      .sort((a, b) => a.minYes - b.minYes),
  };
}

export const readSelfAssessment = (node: SelfAssessmentFragment, locale: string) =>
  toSelfAssessment(checkEntry(selfAssessmentChecks, node, { type: 'selfAssessment', locale }));
