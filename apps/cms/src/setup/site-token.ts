import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { solaceConfig } from '../config';

export const SITE_TOKEN_NAME = 'Site build (read-only)';

/**
 * What the site build may do, and nothing else: read the project's content types, the media they
 * use and the list of locales. Strapi's built-in "read-only" type cannot list locales, and would
 * also read plugin data (such as users) the site has no business seeing, so the token is a
 * custom one whose permissions are all reads, kept in step with the content types on every boot.
 */
export function siteReadActions(strapi: Core.Strapi) {
  const known: string[] = strapi.contentAPI.permissions.providers.action.keys();
  const extras = new Set([
    'plugin::i18n.locales.listLocales',
    'plugin::upload.content-api.find',
    'plugin::upload.content-api.findOne',
  ]);
  return known
    .filter((action) => (action.startsWith('api::') && /\.(find|findOne)$/.test(action)) || extras.has(action))
    .sort();
}

async function readKey(file: string) {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    return '';
  }
}

/**
 * Keeps the site build's token and writes its key to SITE_TOKEN_FILE (an untracked file the
 * local site build reads). A deployment leaves SITE_TOKEN_FILE empty and gives the site a token
 * of its own, with the same permissions, through STRAPI_TOKEN.
 */
export async function ensureSiteToken(strapi: Core.Strapi) {
  const tokens = strapi.service('admin::api-token');
  const permissions = siteReadActions(strapi);
  const existing = await tokens.getByName(SITE_TOKEN_NAME);
  if (existing) await tokens.update(existing.id, { permissions });

  const file = solaceConfig(strapi).siteTokenFile;
  if (!file) return;

  const written = await readKey(file);
  if (existing && written) {
    const stillValid = await strapi.db
      .query('admin::api-token')
      .findOne({ where: { id: existing.id, accessKey: tokens.hash(written) } });
    if (stillValid) return;
  }

  const { accessKey } = existing
    ? await tokens.regenerate(existing.id)
    : await tokens.create({
        name: SITE_TOKEN_NAME,
        description: 'Used by apps/site to read published content at build time. Reads only.',
        type: 'custom',
        kind: 'content-api',
        permissions,
        lifespan: null,
      });

  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${accessKey}\n`, { mode: 0o600 });
  strapi.log.info(`Wrote the site build's read-only API token to ${file}.`);
}
