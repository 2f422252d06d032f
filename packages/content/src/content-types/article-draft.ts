import { slug as slugCheck } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { ArticleDraftFragment } from '../generated/graphql.js';
import { toReview, type Article, type DraftNeed, type ReferenceLookup } from './article.js';
import { toImage } from './image.js';

// Previews read `articleDrafts` (a CMS extension, apps/cms/src/article-drafts.ts) rather than
// `articles`: every field of it may be null, so a draft saved with only a title cannot fail the
// query. Nothing in a draft is refused here either: what is missing is listed, not thrown.
export const articleDraftFields = graphql(`
  fragment ArticleDraft on ArticleDraft {
    documentId
    locale
    published
    version
    title
    slug
    summary
    body
    date
    createdAt
    updatedAt
    coverAlt
    cover {
      ...Image
    }
    author {
      documentId
    }
    topics {
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

export const articleDraftsQuery = graphql(`
  query ArticleDrafts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $documentIds: [ID!]) {
    articleDrafts(locale: $locale, pagination: { page: $page, pageSize: $pageSize }, documentIds: $documentIds) {
      nodes {
        ...ArticleDraft
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

/** Every draft's version (see the CMS's description of it): what a preview re-reads since its last build. */
export const articleDraftVersionsQuery = graphql(`
  query ArticleDraftVersions($locale: I18NLocaleCode!, $page: Int, $pageSize: Int) {
    articleDraftVersions(locale: $locale, pagination: { page: $page, pageSize: $pageSize }) {
      nodes {
        documentId
        version
      }
      pageInfo {
        ...PageInfo
      }
    }
  }
`);

const filled = (value: string | null | undefined) => value?.trim() ?? '';

/** The latest version of an article, however incomplete, with what it still needs listed. */
export function readArticleDraft(node: ArticleDraftFragment, locale: string, refs: ReferenceLookup, cmsOrigin: string): Article {
  const needs: DraftNeed[] = [];
  const need = (value: string, what: DraftNeed) => {
    if (!value) needs.push(what);
    return value;
  };
  const slug = node.slug && slugCheck.safeParse(node.slug).success ? node.slug : null;
  const coverAlt = filled(node.coverAlt);
  const article: Article = {
    documentId: node.documentId,
    locale: node.locale ?? locale,
    title: need(filled(node.title), 'title'),
    slug: slug ?? (needs.push('slug'), null),
    summary: need(filled(node.summary), 'summary'),
    body: need(filled(node.body), 'body'),
    date: (node.date ?? node.updatedAt ?? node.createdAt ?? '').slice(0, 10),
    updatedAt: node.updatedAt ?? node.createdAt ?? node.date ?? '',
    cover: node.cover && coverAlt && node.cover.mime.startsWith('image/') ? toImage(node.cover, coverAlt, cmsOrigin) : null,
    author: node.author ? (refs.author(node.author.documentId) ?? null) : null,
    topics: node.topics.flatMap((t) => refs.topic(t.documentId) ?? []),
    seo: {
      title: need(filled(node.seo?.metaTitle), 'metaTitle'),
      description: need(filled(node.seo?.metaDescription), 'metaDescription'),
      canonicalUrl: node.seo?.canonicalUrl || null,
    },
    review: toReview(node, refs),
    draft: { published: node.published, needs },
  };
  if (node.cover && !coverAlt) needs.push('coverAlt');
  return article;
}

/**
 * Two drafts of a locale may share a slug (the CMS checks uniqueness only on publishing). The
 * published one keeps it, else the one created first; the others get their page by documentId
 * and `slugTaken` in their needs, so no page overwrites another.
 */
export function settleDraftSlugs(articles: Article[], createdAt: (documentId: string) => string): Article[] {
  const bySlug = new Map<string, Article[]>();
  for (const a of articles) if (a.slug) bySlug.set(a.slug, [...(bySlug.get(a.slug) ?? []), a]);
  const losers = new Set<string>();
  for (const group of bySlug.values()) {
    if (group.length < 2) continue;
    const [keeper] = [...group].sort(
      (a, b) =>
        Number(b.draft?.published) - Number(a.draft?.published) ||
        createdAt(a.documentId).localeCompare(createdAt(b.documentId)) ||
        a.documentId.localeCompare(b.documentId),
    );
    for (const a of group) if (a !== keeper) losers.add(a.documentId);
  }
  return articles.map((a) =>
    losers.has(a.documentId) ? { ...a, slug: null, draft: { published: a.draft?.published ?? false, needs: [...(a.draft?.needs ?? []), 'slugTaken'] } } : a,
  );
}
