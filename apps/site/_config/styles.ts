import fs from 'node:fs/promises';
import path from 'node:path';
import { readEnv, SITE_DIR } from '../src/env.js';
import { outputDirOf, type AfterBuild, type EleventyConfig } from './types.js';

export const STYLES_DIR = path.join(SITE_DIR, 'styles');

/**
 * The parts of /css/site.css in cascade order (later rules win ties, so the order matters). Each
 * part is one concern; some concerns come in two parts because their rules must stay where they
 * are in the cascade.
 */
export const STYLESHEET_PARTS = [
  'base/tokens.css', // custom properties, box sizing, body
  'layout/page.css', // page width, main
  'base/typography.css',
  'base/links.css', // links, focus, long words
  'layout/header.css', // header, main navigation, language switcher
  'pages/home.css',
  'components/cards.css', // cards and lists of entries
  'pages/article.css',
  'components/pagination.css',
  'pages/authors.css',
  'pages/directory.css', // state and provider pages
  'pages/not-found.css',
  'layout/footer.css',
  'layout/small-screens.css',
  'preferences/motion.css',
  'preferences/forced-colors.css',
  'print.css',
  'components/forms.css', // find care, self-assessment, search
  'pages/self-assessment.css',
  'pages/search.css',
  'components/forms-overrides.css', // forced colours and spacing that must follow the page rules
  'components/preview-banner.css',
];

/** Added after the others in preview builds only, so a public build's stylesheet carries none of it. */
export const PREVIEW_STYLESHEET_PARTS = ['components/preview-drafts.css'];

/** The one stylesheet: the parts in order, a blank line between them. */
export async function siteStylesheet(dir = STYLES_DIR, names: readonly string[] = STYLESHEET_PARTS) {
  const parts = await Promise.all(names.map((part) => fs.readFile(path.join(dir, part), 'utf8')));
  return parts.map((text) => `${text.trimEnd()}\n`).join('\n');
}

/** Writes /css/site.css, concatenated from styles/, into the output after each build. */
export default function stylesPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addWatchTarget(path.relative(SITE_DIR, STYLES_DIR) + '/');
  eleventyConfig.on('eleventy.after', async (event: AfterBuild) => {
    const outputDir = outputDirOf(eleventyConfig, event);
    if (!outputDir) return;
    await fs.mkdir(path.join(outputDir, 'css'), { recursive: true });
    const names = readEnv().preview ? [...STYLESHEET_PARTS, ...PREVIEW_STYLESHEET_PARTS] : STYLESHEET_PARTS;
    await fs.writeFile(path.join(outputDir, 'css', 'site.css'), await siteStylesheet(STYLES_DIR, names));
  });
}
