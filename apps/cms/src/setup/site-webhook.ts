import type { Core } from '@strapi/strapi';
import { solaceConfig } from '../config';

const NAME = 'Rebuild the local site';
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.update', 'media.delete'];

type Webhook = { id: string | number; name: string; url: string };

/**
 * Locally, `pnpm start` serves the site with a rebuild endpoint: this webhook calls it when an
 * editor publishes, so the change shows on the site a few seconds later. Off unless
 * SITE_REBUILD_URL is set (apps/cms/.env sets it for local use; a deployment points its own
 * build hook here, or leaves it empty).
 */
export async function ensureSiteRebuildWebhook(strapi: Core.Strapi) {
  const url = solaceConfig(strapi).siteRebuildUrl;
  if (!url) return;
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((w) => w.name === NAME);
  if (existing && existing.url === url) return;
  const data = { name: NAME, url, headers: {}, events: EVENTS, isEnabled: true };
  if (existing) {
    runner.update(await store.updateWebhook(existing.id, data));
  } else {
    runner.add(await store.createWebhook(data));
  }
}
