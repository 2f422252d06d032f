import type { Core } from '@strapi/strapi';

const UID = 'api::article.article';
type Field = 'publishAt' | 'unpublishAt';
type DueDraft = { id: number; documentId: string; locale: string } & Partial<Record<Field, unknown>>;

/**
 * One tick of scheduled publishing: publishes the article drafts whose publishAt has come and
 * unpublishes those whose unpublishAt has, through the Document Service, so the same
 * entry.publish / entry.unpublish webhooks rebuild the site as when an editor clicks Publish.
 */
export async function runPublishingSchedule(strapi: Core.Strapi, now = new Date()) {
  for (const draft of await dueDrafts(strapi, 'publishAt', now)) {
    await act(strapi, draft, 'publishAt', now, () => strapi.documents(UID).publish({ documentId: draft.documentId, locale: draft.locale }));
  }
  for (const draft of await dueDrafts(strapi, 'unpublishAt', now)) {
    await act(strapi, draft, 'unpublishAt', now, () => strapi.documents(UID).unpublish({ documentId: draft.documentId, locale: draft.locale }));
  }
}

// The schedule lives on the draft row of each locale (the version an editor saves).
async function dueDrafts(strapi: Core.Strapi, field: Field, now: Date): Promise<DueDraft[]> {
  return (await strapi.db.query(UID).findMany({
    select: ['id', 'documentId', 'locale', field],
    where: { publishedAt: null, [field]: { $notNull: true, $lte: now } },
    orderBy: { [field]: 'asc' },
  })) as DueDraft[];
}

/**
 * Clears the schedule field first, as a claim: with several CMS instances ticking at once only the
 * one whose update still finds the value acts. The cleared draft is then what gets published, so
 * the published version carries no stale schedule. A failure puts the time back (the next tick
 * retries) and is logged with the reason, such as a required field still missing.
 */
async function act(strapi: Core.Strapi, draft: DueDraft, field: Field, now: Date, run: () => Promise<unknown>) {
  const row = strapi.db.query(UID);
  const scheduledFor = draft[field];
  const { count } = await row.updateMany({ where: { id: draft.id, [field]: { $notNull: true, $lte: now } }, data: { [field]: null } });
  if (count !== 1) return;
  const verb = field === 'publishAt' ? 'publish' : 'unpublish';
  try {
    await run();
    strapi.log.info(`Scheduled ${verb}: article ${draft.documentId} (${draft.locale}), due ${new Date(scheduledFor as string).toISOString()}.`);
  } catch (error) {
    await row.updateMany({ where: { id: draft.id, [field]: { $null: true } }, data: { [field]: scheduledFor } });
    strapi.log.warn(`Scheduled ${verb} of article ${draft.documentId} (${draft.locale}) failed, will retry: ${(error as Error).message}`);
  }
}
