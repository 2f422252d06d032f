import { z } from 'zod';
import { entryLocale, slug, text, webUrl } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { ArticleFragment } from '../generated/graphql.js';
import { checkEntry, type Checked } from '../validate.js';
import type { AuthorRef } from './author.js';
import type { LocalisedEntry } from './entry.js';
import { imageChecks, toImage, type Image } from './image.js';
import type { TopicRef } from './topic.js';

export const articleFields = graphql(`
  fragment Article on Article {
    documentId
    locale
    title
    slug
    summary
    body
    date
    publishedAt
    updatedAt
    coverAlt
    cover {
      ...Image
    }
    author {
      documentId
    }
    topics(pagination: { pageSize: 100 }) {
      documentId
    }
    seo {
      metaTitle
      metaDescription
      canonicalUrl
    }
    reviewedBy {
      documentId
    }
    reviewedAt
    nextReviewDue
  }
`);

// Published articles, except in a preview build ($status: DRAFT, the latest version of every
// article, published or not). The sort ends on documentId so that pages never overlap or skip.
/** A page of articles as every list of them asks for it: the full list, a delta (src/load/). */
export const articlesPageFields = graphql(`
  fragment ArticlesPage on ArticleEntityResponseCollection {
    nodes {
      ...Article
    }
    pageInfo @include(if: $withPageInfo) {
      ...PageInfo
    }
  }
`);

export const articlesQuery = graphql(`
  query Articles($locale: I18NLocaleCode!, $status: PublicationStatus = PUBLISHED, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    articles_connection(
      locale: $locale
      status: $status
      sort: ["date:desc", "publishedAt:desc", "documentId:asc"]
      pagination: { page: $page, pageSize: $pageSize }
    ) {
      ...ArticlesPage
    }
  }
`);

const articleChecks = z
  .object({
    locale: entryLocale,
    title: text(),
    slug,
    summary: text(),
    body: text(),
    // Listed for the refinement below, which sees only the fields listed here.
    date: z.string().nullish(),
    publishedAt: z.string().nullish(),
    updatedAt: z.string().nullish(),
    cover: imageChecks.nullish(),
    seo: z.object({
      metaTitle: text(60),
      metaDescription: text(160),
      canonicalUrl: webUrl.nullish(),
    }),
  })
  .refine((a) => a.date || a.publishedAt || a.updatedAt, { message: 'an article needs a date', path: ['date'] });

export type ArticleNode = Checked<ArticleFragment, typeof articleChecks>;

/** A medical review: who (an author with credentials), when (YYYY-MM-DD), and when it is next due. */
export type Review = { by: AuthorRef; reviewedAt: string; nextReviewDue: string | null };

/** What a draft still needs before it can be published (the CMS refuses to publish without it). */
export type DraftNeed = 'title' | 'slug' | 'slugTaken' | 'summary' | 'body' | 'metaTitle' | 'metaDescription' | 'coverAlt';

/** Only in a preview build: whether the article is published in this locale, and what it still needs. */
export type DraftState = { published: boolean; needs: DraftNeed[] };

export type Article = Omit<LocalisedEntry, 'slug'> & {
  /** Null only in a preview, for a draft without a slug of its own (its page is then by documentId). */
  slug: string | null;
  title: string;
  summary: string;
  /** CommonMark, as the editor wrote it; the site renders and sanitises it. */
  body: string;
  /** YYYY-MM-DD shown to readers: the editor's date, else the publication date (else, for an
   * unpublished draft in a preview, the date of its last change). */
  date: string;
  updatedAt: string;
  cover: Image | null;
  author: AuthorRef | null;
  topics: TopicRef[];
  seo: { title: string; description: string; canonicalUrl: string | null };
  review: Review | null;
  /** Null outside previews. In a preview, a missing text is '' and `needs` says so. */
  draft: DraftState | null;
};

/** Finds the author and topics an article links to, by documentId. */
export type ReferenceLookup = {
  author: (documentId: string) => AuthorRef | undefined;
  topic: (documentId: string) => TopicRef | undefined;
};

export function toArticle(node: ArticleNode, refs: ReferenceLookup, cmsOrigin: string): Article {
  const coverAlt = node.coverAlt?.trim();
  return {
    documentId: node.documentId,
    locale: node.locale,
    title: node.title.trim(),
    slug: node.slug,
    summary: node.summary.trim(),
    body: node.body.trim(),
    // A draft that was never published (in a preview) has only its last change to go by.
    date: (node.date ?? node.publishedAt ?? node.updatedAt!).slice(0, 10),
    updatedAt: node.updatedAt ?? node.publishedAt ?? node.date!,
    // The cover is shared by all locales; one without alt text in this locale is not shown here.
    cover: coverAlt ? toImage(node.cover, coverAlt, cmsOrigin) : null,
    author: node.author ? (refs.author(node.author.documentId) ?? null) : null,
    topics: node.topics.flatMap((t) => (t ? (refs.topic(t.documentId) ?? []) : [])),
    seo: {
      title: node.seo.metaTitle.trim(),
      description: node.seo.metaDescription.trim(),
      canonicalUrl: node.seo.canonicalUrl ?? null,
    },
    review: toReview(node, refs),
    draft: null,
  };
}

type ReviewFields = { reviewedBy?: { documentId: string } | null; reviewedAt?: string | null; nextReviewDue?: string | null };

/** A review is shown only with both a reviewer (found, with credentials) and a date. */
export function toReview(node: ReviewFields, refs: ReferenceLookup): Review | null {
  const by = node.reviewedBy ? refs.author(node.reviewedBy.documentId) : undefined;
  if (!by?.credentials || !node.reviewedAt) return null;
  return { by, reviewedAt: node.reviewedAt.slice(0, 10), nextReviewDue: node.nextReviewDue?.slice(0, 10) ?? null };
}

export const readArticle = (node: ArticleFragment, locale: string, refs: ReferenceLookup, cmsOrigin: string) =>
  toArticle(checkEntry(articleChecks, node, { type: 'article', documentId: node.documentId, locale }), refs, cmsOrigin);

/** Newest first by the date readers see (the CMS sorts undated drafts differently per database). */
export const compareArticles = (a: Article, b: Article) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
