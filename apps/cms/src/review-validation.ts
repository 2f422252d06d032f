import type { Core } from '@strapi/strapi';

/**
 * The medical review of an article: who reviewed it (an author with credentials), when (not in
 * the future), and when it is next due (after the review). Used by src/validation.ts.
 */
type Entry = Record<string, unknown>;
type Problem = { path: string; message: string };
type Reference = { documentId?: string; id?: number } | null;

/** Anyone on Earth may already be on the next calendar day: "today" is the latest date anywhere (UTC+14). */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const asDate = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, 10) : null);

export function checkReviewDates(entry: Entry, now = new Date()): Problem | null {
  const reviewedAt = asDate(entry.reviewedAt);
  const nextReviewDue = asDate(entry.nextReviewDue);
  if (reviewedAt && reviewedAt > latestToday(now)) {
    return { path: 'reviewedAt', message: 'reviewedAt cannot be in the future: enter the date the review took place.' };
  }
  if (nextReviewDue && !reviewedAt) {
    return { path: 'reviewedAt', message: 'reviewedAt is required when a next review is due: enter when the last review took place.' };
  }
  if (reviewedAt && nextReviewDue && nextReviewDue <= reviewedAt) {
    return { path: 'nextReviewDue', message: 'nextReviewDue must be after reviewedAt.' };
  }
  return null;
}

/**
 * The reviewer an entry will have once written, from a stored (populated) relation or from the
 * forms the document service accepts: a documentId, an id, { documentId }, or connect/set lists.
 * Undefined when the data leaves it as stored and nothing was stored.
 */
export function reviewerReference(value: unknown): Reference | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? reviewerReference(value[value.length - 1]) : null;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('set' in v) return reviewerReference(v.set ?? null);
  if ('connect' in v && Array.isArray(v.connect) && v.connect.length) return reviewerReference(v.connect);
  if ('disconnect' in v || 'connect' in v) return null;
  if (typeof v.documentId === 'string') return { documentId: v.documentId };
  if (typeof v.id === 'number') return { id: v.id };
  return null;
}

async function reviewerCredentials(strapi: Core.Strapi, ref: NonNullable<Reference>) {
  const where = ref.documentId ? { documentId: ref.documentId } : { id: ref.id };
  const author = await strapi.db.query('api::author.author').findOne({ where, select: ['name', 'credentials'] });
  return author ? { name: String(author.name ?? ''), credentials: String(author.credentials ?? '').trim() } : null;
}

/** A review needs a reviewer and a date together, and the reviewer needs credentials to show readers. */
export async function checkReviewer(entry: Entry, strapi: Core.Strapi): Promise<Problem | null> {
  const reviewer = reviewerReference(entry.reviewedBy) ?? null;
  const reviewedAt = asDate(entry.reviewedAt);
  if (!reviewer) {
    return reviewedAt
      ? { path: 'reviewedBy', message: 'reviewedBy is required when reviewedAt is set: choose who reviewed the article.' }
      : null;
  }
  const found = await reviewerCredentials(strapi, reviewer);
  if (!found) return { path: 'reviewedBy', message: 'reviewedBy must be an existing author.' };
  if (!found.credentials) {
    return { path: 'reviewedBy', message: `The reviewer (${found.name}) has no credentials: add them to the author (e.g. "MD") or choose another reviewer.` };
  }
  if (!reviewedAt) return { path: 'reviewedAt', message: 'reviewedAt is required when reviewedBy is set: enter the date of the review.' };
  return null;
}
