import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { solaceConfig } from '../config';

const NAME = 'Rebuild the local site';
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.update', 'media.delete'];
/** The header the site server checks the shared secret in (apps/site/src/rebuild-webhook.ts). */
export const SECRET_HEADER = 'x-solace-secret';

type Webhook = { id: string | number; name: string; url: string; headers?: Record<string, string> | null; events?: string[]; isEnabled?: boolean };

/**
 * Locally, `pnpm start` serves the site with a rebuild endpoint: this webhook calls it when an
 * editor publishes, so the change shows on the site a few seconds later. Off unless
 * SITE_REBUILD_URL is set (apps/cms/.env sets it for local use; a deployment points its own
 * build hook here, or leaves it empty). Every call carries SITE_REBUILD_SECRET, which the site
 * requires; the CMS writes the secret to SITE_REBUILD_SECRET_FILE for the local site, as it does
 * the site's token.
 */
export async function ensureSiteRebuildWebhook(strapi: Core.Strapi) {
  const { siteRebuildUrl: url, rebuildSecret: secret, siteRebuildSecretFile } = solaceConfig(strapi);
  if (!url) return;
  if (!secret) {
    throw new Error('SITE_REBUILD_SECRET must be set when SITE_REBUILD_URL is: the site refuses rebuild calls without it (node scripts/ensure-env.mjs generates one).');
  }
  if (siteRebuildSecretFile) await writeSecret(siteRebuildSecretFile, secret);

  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((w) => w.name === NAME);
  const data = { name: NAME, url, headers: { [SECRET_HEADER]: secret }, events: EVENTS, isEnabled: true };
  if (existing && isSame(existing, data)) return;
  if (existing) {
    runner.update(await store.updateWebhook(existing.id, data));
  } else {
    runner.add(await store.createWebhook(data));
  }
}

const isSame = (webhook: Webhook, data: Omit<Webhook, 'id'>) =>
  webhook.url === data.url &&
  webhook.isEnabled === data.isEnabled &&
  JSON.stringify(webhook.headers ?? {}) === JSON.stringify(data.headers) &&
  JSON.stringify(webhook.events ?? []) === JSON.stringify(data.events);

async function writeSecret(file: string, secret: string) {
  try {
    if ((await fs.readFile(file, 'utf8')).trim() === secret) return;
  } catch {
    // not written yet
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
}
