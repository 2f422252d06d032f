import { findCareDataDirs } from '../find-care/site-data.js';
import { inSearchOrder } from '../indexed-pages.js';
import type { SiteModel } from '../model.js';
import { textHash, valueHash } from './hash.js';

/** The parts of the model Eleventy paginates over, one page per item (the `renderSet` global). */
export type RenderSet = Pick<SiteModel, 'localePages' | 'feeds' | 'sections' | 'selfAssessments' | 'articleLists' | 'articles' | 'authors' | 'topics' | 'states' | 'providers'>;
type SectionName = keyof SiteModel['sections'];

export type PageItem = {
  /** Which list of the render set it comes from, and its URL: unique across the site. */
  key: string;
  group: string;
  /** Its object in the model; its template writes one file, at `view.url`. */
  view: { locale: string; url: string };
  /** Folders of the output whose files it writes besides its URLs (the find-care page's data). */
  dataDirs: string[];
  /** A hash of everything its output depends on, besides the code. */
  fingerprint: string;
};

const SECTION_NAMES = (model: SiteModel) => Object.keys(model.sections) as SectionName[];

/**
 * Every page of the model with its inputs' fingerprint: its own model object (the view its
 * template gets) plus what every page reads besides its view: the interface strings, the locales,
 * and the layout's parts of its locale (Global, the self-assessment, a preview's drafts list).
 */
export function pageItems(model: SiteModel, siteWide: Record<string, unknown>): PageItem[] {
  const memo = new WeakMap<object, string>();
  const { builtAt: _builtAt, ...settings } = siteWide;
  const global = valueHash({ settings, strings: model.strings, locales: model.locales, defaultLocale: model.defaultLocale }, memo);
  const layout = new Map(
    model.localePages.map((p) => [p.locale, valueHash({ global: p.content.global, selfAssessment: p.content.selfAssessment, drafts: p.content.incompleteDrafts }, memo)]),
  );
  // A feed without articles shows when the site last changed (site.builtAt) instead of its newest article's.
  const builtAt = String(siteWide.builtAt ?? '');
  const items: PageItem[] = [];
  const add = (group: string, view: { locale: string; url: string }, extra = '') =>
    items.push({
      key: `${group} ${view.url}`,
      group,
      view,
      dataDirs: group === 'sections.findCare' ? findCareDataDirs(view.locale) : [],
      fingerprint: textHash(global, layout.get(view.locale) ?? '', group, valueHash(view, memo), extra),
    });
  for (const p of model.localePages) add('localePages', p);
  for (const p of model.feeds) add('feeds', p, p.content.articles.length ? '' : builtAt);
  for (const s of SECTION_NAMES(model)) for (const p of model.sections[s]) add(`sections.${s}`, p);
  for (const group of ['selfAssessments', 'articleLists', 'articles', 'authors', 'topics', 'states', 'providers'] as const) {
    for (const p of model[group]) add(group, p);
  }
  return items;
}

/** The render set holding only the given pages (in the model's order). */
export function renderSetOf(model: SiteModel, keep: (view: object) => boolean): RenderSet {
  const sections = Object.fromEntries(SECTION_NAMES(model).map((s) => [s, model.sections[s].filter(keep)])) as SiteModel['sections'];
  return {
    localePages: model.localePages.filter(keep),
    feeds: model.feeds.filter(keep),
    sections,
    selfAssessments: model.selfAssessments.filter(keep),
    articleLists: model.articleLists.filter(keep),
    articles: inSearchOrder(model.articles.filter(keep)),
    authors: model.authors.filter(keep),
    topics: model.topics.filter(keep),
    states: model.states.filter(keep),
    providers: model.providers.filter(keep),
  };
}
