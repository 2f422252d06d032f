import fs from 'node:fs/promises';
import path from 'node:path';
import type { Article, SelfAssessment } from '@solace/content';
import * as pagefind from 'pagefind';
import { rangeKind, resultRanges, noScriptResultCss } from '../src/find-care/self-assessment.js';
import { providerFiles, zipFiles, type DataFiles } from '../src/find-care/site-data.js';
import { loadStrings, translate, type Strings } from '../src/i18n.js';
import type { LocalePage } from '../src/model.js';
import type { EleventyConfig } from './types.js';

export type FindCareData = {
  /** URL of the locale's provider index (content-hashed). */
  indexUrl: string;
  /** Languages spoken by the locale's providers: value as stored, label in the locale. */
  languages: { value: string; label: string; labelLang: string | null }[];
};

/**
 * Label of a language stored in English, as the site's languageList macro shows it: the UI string
 * "languageName.<name>" when there is one, else the stored name, marked as English.
 */
export function languageLabel(strings: Record<string, Strings>, locale: string, name: string) {
  const key = `languageName.${name}`;
  if (strings.en?.[key] !== undefined) return { label: translate(strings, locale, key), labelLang: null };
  return { label: name, labelLang: locale.split('-')[0] === 'en' ? null : 'en' };
}

/** The state's name in the page's language when the UI strings have one ("stateName.NY"). */
export function stateAliases(strings: Record<string, Strings>, locale: string, code: string) {
  const key = `stateName.${code}`;
  return strings.en?.[key] !== undefined ? [translate(strings, locale, key)] : [];
}

/**
 * Articles to suggest after the self-assessment: those about getting started first, then the
 * latest, `count` in all.
 */
export function assessmentArticles(articles: readonly Article[], count = 3) {
  const byDate = [...articles].sort((a, b) => b.date.localeCompare(a.date));
  const starting = byDate.filter((a) => a.topics.some((t) => t.slug === 'getting-started'));
  const rest = byDate.filter((a) => !starting.includes(a));
  return [...starting, ...rest].slice(0, count);
}

/** Results of the self-assessment with the range of answers each is for (see self-assessment-core.js). */
export function assessmentRanges(assessment: SelfAssessment) {
  const total = assessment.questions.length;
  return resultRanges(assessment.results, total).map((r) => ({ ...r, kind: rangeKind(r, total), total }));
}

/**
 * "Find care" features: the data files the provider search loads (written into the output after
 * the build, per locale, with the ZIP code centroids) and the Pagefind index of the articles.
 */
export default function findCarePlugin(eleventyConfig: EleventyConfig) {
  let pending: DataFiles = new Map();
  let perLocale = new Map<string, FindCareData>();
  let strings: Record<string, Strings> | null = null;

  eleventyConfig.on('eleventy.before', () => {
    pending = new Map();
    perLocale = new Map();
    strings = null;
  });

  /** Builds (once per build and locale) the provider index the find-care page loads. */
  eleventyConfig.addFilter('findCareData', (view: LocalePage): FindCareData => {
    let data = perLocale.get(view.locale);
    if (!data) {
      const all = (strings ??= loadStrings());
      const built = providerFiles(view.locale, view.content.providers, {
        stateAliases: (code) => stateAliases(all, view.locale, code),
      });
      for (const [url, text] of built.files) pending.set(url, text);
      if (![...pending.keys()].some((url) => url.startsWith('/data/zip/'))) {
        for (const [url, text] of zipFiles()) pending.set(url, text);
      }
      const collator = new Intl.Collator(view.locale);
      const languages = built.index.languages
        .map(([name]) => ({ value: name, ...languageLabel(all, view.locale, name) }))
        .sort((a, b) => collator.compare(a.label, b.label));
      data = { indexUrl: built.indexUrl, languages };
      perLocale.set(view.locale, data);
    }
    return data;
  });
  eleventyConfig.addFilter('assessmentRanges', assessmentRanges);
  eleventyConfig.addFilter('assessmentArticles', assessmentArticles);
  eleventyConfig.addFilter('assessmentNoScriptCss', (ranges: { min: number; id: string }[], questionCount: number) =>
    noScriptResultCss(questionCount, ranges),
  );

  eleventyConfig.on('eleventy.after', async (event: { outputMode?: string; directories?: { output?: string } }) => {
    if (event?.outputMode && event.outputMode !== 'fs') return;
    const outputDir = path.resolve(event?.directories?.output ?? eleventyConfig.directories.output);
    const started = performance.now();
    await writeDataFiles(outputDir, pending);
    const written = performance.now();
    const pages = await buildSearchIndex(outputDir);
    console.log(
      `[solace] find-care data: ${pending.size} files in ${Math.round(written - started)} ms; ` +
        `search index: ${pages} pages read in ${Math.round(performance.now() - written)} ms`,
    );
  });
}

async function writeDataFiles(outputDir: string, files: DataFiles) {
  const dirs = new Set([...files.keys()].map((url) => path.dirname(path.join(outputDir, url))));
  await Promise.all([...dirs].map((dir) => fs.mkdir(dir, { recursive: true })));
  await Promise.all([...files].map(([url, text]) => fs.writeFile(path.join(outputDir, url), text)));
}

/**
 * Pagefind over the built pages: only elements marked data-pagefind-body (the articles) are
 * indexed, one index per <html lang>, written to /pagefind/.
 */
async function buildSearchIndex(outputDir: string) {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
