import fs from 'node:fs';
import path from 'node:path';

/** The demo content lives in apps/cms/data/demo: JSON for structure, Markdown for article bodies. */
export type Localised<T> = { en: T } & Record<string, T | undefined>;

export type DemoAuthor = {
  slug: string;
  name: string;
  credentials: string;
  role: Localised<string>;
  bio: Localised<string>;
};

export type DemoTopic = { slug: string; name: Localised<string>; description: Localised<string> };

export type DemoArticleLocale = {
  title: string;
  slug: string;
  summary: string;
  coverAlt: string;
  metaTitle: string;
  metaDescription: string;
};

/** A medical review: the reviewing author's slug, the review date and the next review's (YYYY-MM-DD). */
export type DemoReview = { by: string; at: string; nextDue: string };

export type DemoArticle = {
  key: string;
  review?: DemoReview;
  author: string;
  topics: string[];
  publishedAt: string;
  draft: boolean;
  locales: Localised<DemoArticleLocale>;
};

export type DemoProvider = Record<string, unknown> & {
  slug: string;
  organizationType: string;
  description: Localised<string>;
  services: Localised<string>;
};

export type DemoGlobal = { siteName: string; tagline: Localised<string>; about: Localised<string> };

export type DemoSelfAssessment = {
  title: Localised<string>;
  intro: Localised<string>;
  questions: Localised<{ prompt: string; hint: string }>[];
  results: (Localised<{ heading: string; body: string }> & { minYes: number })[];
};

export function loadDemoData(root: string) {
  const dir = path.join(root, 'data', 'demo');
  const json = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
  return {
    dir,
    authors: json<DemoAuthor[]>('authors.json'),
    topics: json<DemoTopic[]>('topics.json'),
    articles: json<DemoArticle[]>('articles.json'),
    providers: json<DemoProvider[]>('providers.json'),
    global: json<DemoGlobal>('global.json'),
    selfAssessment: json<DemoSelfAssessment>('self-assessment.json'),
    articleBody: (key: string, locale: string) =>
      fs.readFileSync(path.join(dir, 'articles', `${key}.${locale}.md`), 'utf8'),
  };
}

export type DemoData = ReturnType<typeof loadDemoData>;
