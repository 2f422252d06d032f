import { assessmentRanges, noScriptResultCss } from '../src/find-care/self-assessment.js';
import type { EleventyConfig } from './types.js';

/** Filters of the self-assessment pages (the pages themselves are in the page model). */
export default function selfAssessmentPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addFilter('assessmentRanges', assessmentRanges);
  eleventyConfig.addFilter('assessmentNoScriptCss', (ranges: { min: number; id: string }[], questionCount: number) =>
    noScriptResultCss(questionCount, ranges),
  );
}
