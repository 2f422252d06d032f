import type { Core } from '@strapi/strapi';

export type OverdueReview = { documentId: string; locale: string; title: string; nextReviewDue: string };

/**
 * Articles whose medical review is overdue (nextReviewDue before `today`, a YYYY-MM-DD date, by
 * default today in UTC), in every locale, the longest overdue first. Reads the latest version
 * (the draft), which is what an editor would update; for the admin's status view.
 */
export async function overdueReviews(strapi: Core.Strapi, today = new Date().toISOString().slice(0, 10)): Promise<OverdueReview[]> {
  const rows = await strapi.documents('api::article.article').findMany({
    locale: '*',
    status: 'draft',
    filters: { nextReviewDue: { $lt: today } },
    fields: ['title', 'locale', 'nextReviewDue'],
    sort: [{ nextReviewDue: 'asc' }, { title: 'asc' }],
  });
  return rows.map((row) => ({
    documentId: row.documentId,
    locale: String(row.locale ?? ''),
    title: String(row.title ?? ''),
    nextReviewDue: String(row.nextReviewDue).slice(0, 10),
  }));
}
