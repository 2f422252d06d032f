// What a call from the CMS's rebuild webhook asks for: which targets to rebuild, and the trigger
// to record (shown to editors in the admin's build history).
import crypto from 'node:crypto';
import type { BuildTarget, BuildTrigger } from './rebuild-report.js';

/** The header the CMS's webhook (and the site's build reports) carry the shared secret in. */
export const SECRET_HEADER = 'x-solace-secret';

/** Compares a presented secret with the expected one in constant time (no length leak either). */
export function secretMatches(presented: string | undefined, expected: string | undefined): boolean {
  if (!presented || !expected) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(presented), digest(expected));
}

type WebhookPayload = {
  event?: unknown;
  uid?: unknown;
  entry?: { documentId?: unknown; locale?: unknown; publishedAt?: unknown } | null;
  media?: { documentId?: unknown } | null;
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The trigger a webhook payload describes (Strapi 5: { event, model, uid, entry | media }). */
export function triggerFromWebhook(payload: unknown, at = new Date()): BuildTrigger {
  const body = (payload && typeof payload === 'object' ? payload : {}) as WebhookPayload;
  const entry = body.entry && typeof body.entry === 'object' ? body.entry : null;
  const media = body.media && typeof body.media === 'object' ? body.media : null;
  return {
    event: text(body.event) ?? 'unknown',
    uid: text(body.uid),
    documentId: text(entry?.documentId) ?? text(media?.documentId),
    locale: text(entry?.locale),
    at: at.toISOString(),
  };
}

/**
 * Saving a draft changes only what the preview shows; everything else (publishing, unpublishing,
 * deleting, media, types without drafts) can change the public site too.
 */
export function targetsFor(payload: unknown): BuildTarget[] {
  const body = (payload && typeof payload === 'object' ? payload : {}) as WebhookPayload;
  const draftSave = (body.event === 'entry.create' || body.event === 'entry.update') && body.entry?.publishedAt === null;
  return draftSave ? ['preview'] : ['site', 'preview'];
}
