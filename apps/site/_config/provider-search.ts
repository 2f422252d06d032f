import fs from 'node:fs/promises';
import path from 'node:path';
import { AGES, DEFAULT_RADIUS, RADII, SETTINGS } from '../src/find-care/core.js';
import { providerFiles, zipFiles, type DataFiles } from '../src/find-care/site-data.js';
import { FALLBACK_START, pageStrings, unmark, type Translator } from '../src/i18n.js';
import type { Sections } from '../src/model.js';
import { pageTranslatorOf } from './i18n.js';
import { previousOutputOf } from './previous-output.js';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

export type FindCareData = {
  /** URL of the locale's provider index (content-hashed). */
  indexUrl: string;
  /** Languages spoken by the locale's providers: value as stored, label in the locale. */
  languages: { value: string; label: string; labelLang: string | null }[];
  /** The search's options, in the order of the core's bit flags and radii. */
  settings: readonly string[];
  ages: readonly string[];
  radii: readonly number[];
  defaultRadius: number;
  /** The UI strings find-care.js reads, by its own keys, in the page's language. */
  strings: Record<string, string>;
};

/** find-care.js's keys and the UI strings they stand for (a plural key brings all its forms). */
const BROWSER_STRINGS: readonly (readonly [string, string])[] = [
  ['distance', 'findCare.distance'],
  ['distanceValue', 'findCare.distanceValue'],
  ...['city', 'settings', 'ages', 'accepting', 'acceptingYes', 'acceptingNo', 'phone'].map((k) => [k, `provider.${k}`] as const),
  ...SETTINGS.map((s) => [`setting.${s}`, `careSetting.${s}`] as const),
  ...AGES.map((a) => [`age.${a}`, `ages.${a}`] as const),
  ...['prompt', 'near', 'nearNone', 'place', 'placeNone', 'placeAlso', 'firstShown', 'loadError'].map(
    (k) => [k, `findCare.status.${k}`] as const,
  ),
  ['zipFormat', 'findCare.zipError.format'],
  ['zipUnknown', 'findCare.zipError.unknown'],
];

export function browserStrings(translator: Translator) {
  return pageStrings(translator, Object.fromEntries(BROWSER_STRINGS));
}

/**
 * Label of a language stored in English: the UI string "languageName.<name>" when there is one,
 * else the stored name, marked as English on pages in another language.
 */
export function languageLabel(translator: Translator, name: string) {
  const label = translator.label(`languageName.${name}`);
  // English standing in for a missing translation: plain text here, marked by labelLang.
  if (label !== null && label.includes(FALLBACK_START)) return { label: unmark(label), labelLang: 'en' };
  if (label !== null) return { label, labelLang: null };
  return { label: name, labelLang: translator.locale.split('-')[0] === 'en' ? null : 'en' };
}

/** The state's name in the page's language when the UI strings have one ("stateName.NY"). */
export function stateAliases(translator: Translator, code: string) {
  const label = translator.label(`stateName.${code}`);
  return label === null ? [] : [unmark(label)];
}

/**
 * The provider search on /<locale>/find-care/: the `findCareData` filter builds each locale's
 * provider index once per build, and the data files it needs (index, detail chunks, ZIP code
 * centroids) are written into the output after the build.
 */
export default function providerSearchPlugin(eleventyConfig: EleventyConfig) {
  let pending: DataFiles = new Map();
  let perLocale = new Map<string, FindCareData>();

  eleventyConfig.on('eleventy.before', () => {
    pending = new Map();
    perLocale = new Map();
  });

  eleventyConfig.addFilter('findCareData', function (this: Parameters<typeof pageTranslatorOf>[0], view: Sections['findCare']): FindCareData {
    let data = perLocale.get(view.locale);
    if (!data) {
      const t = pageTranslatorOf(this, view.locale);
      const built = providerFiles(view.locale, view.content.providers, { stateAliases: (code) => stateAliases(t, code) });
      for (const [url, text] of built.files) pending.set(url, text);
      if (![...pending.keys()].some((url) => url.startsWith('/data/zip/'))) {
        for (const [url, text] of zipFiles()) pending.set(url, text);
      }
      const collator = new Intl.Collator(view.locale);
      const languages = built.index.languages
        .map(([name]) => ({ value: name, ...languageLabel(t, name) }))
        .sort((a, b) => collator.compare(a.label, b.label));
      data = {
        indexUrl: built.indexUrl,
        languages,
        settings: SETTINGS,
        ages: AGES,
        radii: RADII,
        defaultRadius: DEFAULT_RADIUS,
        strings: browserStrings(t),
      };
      perLocale.set(view.locale, data);
    }
    return data;
  });

  eleventyConfig.on('eleventy.after', async (event: AfterBuild) => {
    const outputDir = outputDirOf(eleventyConfig, event);
    // No find-care page rendered: an incremental build carried the data files with them.
    if (!outputDir || pending.size === 0) return;
    const started = performance.now();
    const linked = await writeDataFiles(outputDir, pending, previousOutputOf(eleventyConfig)?.dir);
    console.log(`[solace] find-care data: ${pending.size} files (${linked} unchanged) in ${Math.round(performance.now() - started)} ms`);
  });
}

/**
 * Writes the data files; one the previous output has with the same bytes is linked from it
 * instead (creating a file costs far more than reading one on this kind of disk, and most
 * data files, the ZIP code chunks above all, are the same from build to build). One already
 * there is a link of the previous output's, carried with another locale's find-care page (the
 * ZIP code data): replaced, never written into. Returns how many were linked.
 */
async function writeDataFiles(outputDir: string, files: DataFiles, previousDir: string | undefined) {
  const dirs = new Set([...files.keys()].map((url) => path.dirname(path.join(outputDir, url))));
  await Promise.all([...dirs].map((dir) => fs.mkdir(dir, { recursive: true })));
  let linked = 0;
  await Promise.all(
    [...files].map(async ([url, text]) => {
      const target = path.join(outputDir, url);
      await fs.rm(target, { force: true });
      if (previousDir) {
        const source = path.join(previousDir, url);
        const before = await fs.readFile(source).catch(() => null);
        if (before?.equals(Buffer.from(text)) && (await fs.link(source, target).then(() => true, () => false))) {
          linked++;
          return;
        }
      }
      await fs.writeFile(target, text);
    }),
  );
  return linked;
}
