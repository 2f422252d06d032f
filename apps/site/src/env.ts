import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the local CMS writes the site's read-only token on boot (see apps/cms SITE_TOKEN_FILE);
 * STRAPI_TOKEN_FILE overrides it. */
export const LOCAL_TOKEN_FILE = path.join(SITE_DIR, '.strapi-token');

export type SiteEnv = {
  strapiUrl: string;
  graphqlUrl: string;
  strapiToken: string;
  /** Public address of the site, for canonical URLs, the sitemap and feeds. */
  siteUrl: string;
  outputDir: string;
  /** A preview build: the latest version of every article, published or not, for editors. */
  preview: boolean;
};

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

function readUrl(name: string, value: string | undefined, fallback: string) {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EnvError(`${name} must be an http(s) URL such as ${fallback}, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EnvError(`${name} must be an http(s) URL such as ${fallback}, got "${raw}".`);
  }
  return url.toString().replace(/\/$/, '');
}

/**
 * The one place the site reads its settings. STRAPI_URL defaults to the local CMS; STRAPI_TOKEN
 * must be set, except locally where the CMS has written one to apps/site/.strapi-token.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env, tokenFile = env.STRAPI_TOKEN_FILE || LOCAL_TOKEN_FILE): SiteEnv {
  const strapiUrl = readUrl('STRAPI_URL', env.STRAPI_URL, 'http://localhost:1337');
  const siteUrl = readUrl('SITE_URL', env.SITE_URL, 'http://localhost:8080');

  let strapiToken = env.STRAPI_TOKEN?.trim() ?? '';
  if (!strapiToken && fs.existsSync(tokenFile)) strapiToken = fs.readFileSync(tokenFile, 'utf8').trim();
  if (!strapiToken) {
    throw new EnvError(
      'STRAPI_TOKEN is not set. Set it to a read-only API token from the CMS (Settings > API Tokens), ' +
        `or start the local CMS once (pnpm start), which writes one to ${tokenFile}.`,
    );
  }
  if (!/^[A-Za-z0-9]{32,}$/.test(strapiToken)) {
    throw new EnvError('STRAPI_TOKEN does not look like a Strapi API token (a long string of letters and digits).');
  }

  const preview = ['1', 'true'].includes(env.SITE_PREVIEW?.trim().toLowerCase() ?? '');
  const outputDir = path.resolve(SITE_DIR, env.SITE_OUTPUT_DIR?.trim() || (preview ? '_preview' : '_site'));
  return { strapiUrl, graphqlUrl: `${strapiUrl}/graphql`, strapiToken, siteUrl, outputDir, preview };
}
