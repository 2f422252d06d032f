// The one place the site reads its environment. Every script and every build reads its settings
// through readEnv() / readServerEnv(), which check them once per process; nothing else touches
// process.env (a lint rule keeps it so).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the local CMS writes the site's read-only token on boot (see apps/cms SITE_TOKEN_FILE);
 * STRAPI_TOKEN_FILE overrides it. */
export const LOCAL_TOKEN_FILE = path.join(SITE_DIR, '.strapi-token');

/** Where the local CMS writes the rebuild webhook's shared secret on boot (see apps/cms
 * SITE_REBUILD_SECRET_FILE); SITE_REBUILD_SECRET_FILE overrides it, SITE_REBUILD_SECRET replaces it. */
export const LOCAL_REBUILD_SECRET_FILE = path.join(SITE_DIR, '.rebuild-secret');

type Env = Record<string, string | undefined>;

/** What `pnpm start`, `pnpm dev` and the benchmark need; none of it needs the CMS's token. */
export type ServerEnv = {
  strapiUrl: string;
  /** SITE_URL as given, or undefined: `pnpm start` then uses the local address of the site. */
  siteUrl: string | undefined;
  /** Where `pnpm start` serves the site (and `pnpm dev` Eleventy's dev server). */
  sitePort: number;
  /** Where `pnpm start` serves the editors' preview with drafts. */
  previewPort: number;
  /** The interface both servers listen on: loopback unless set, because the preview shows drafts. */
  host: string;
  /** A Chromium to use instead of the one @sparticuz/chromium brings (the benchmark). */
  chromiumPath: string | undefined;
  /** The output folders of a site build and of a preview build. */
  outputDirs: { site: string; preview: string };
  /** Public address of the preview (SITE_PREVIEW_URL), or its local address. */
  previewUrl: string;
  /** The rebuild webhook's shared secret: SITE_REBUILD_SECRET, or read from `file` (see readRebuildSecret). */
  rebuildSecret: { value: string | undefined; file: string };
};

/** What a site build needs. */
export type SiteEnv = {
  strapiUrl: string;
  graphqlUrl: string;
  strapiToken: string;
  /** Public address of the site, for canonical URLs, the sitemap and feeds. */
  siteUrl: string;
  outputDir: string;
  /** A preview build: the latest version of every article, published or not, for editors. */
  preview: boolean;
  /** SITE_BUILD_COLD=1: render every page instead of reusing the previous build's unchanged ones. */
  coldBuild: boolean;
  /** SITE_CONTENT_OVERLAP_MS: how far back before the last fetch (the CMS's clock) an incremental fetch asks (default 2 minutes). */
  contentOverlapMs: number;
  /** SITE_SEARCH_PART_PAGES: about how many pages a part of a language's search index holds (src/indexed-pages.ts, searchIndexesOf; default 250). */
  searchPartPages: number;
  /**
   * Origins images in article bodies may come from: the CMS's, plus SITE_MEDIA_ORIGINS (e.g. the
   * bucket or CDN the CMS's uploads are served from, S3_PUBLIC_URL). Images from anywhere else are dropped.
   */
  mediaOrigins: string[];
};

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

const DEFAULT_STRAPI_URL = 'http://localhost:1337';
const DEFAULT_SITE_URL = 'http://localhost:8080';

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

function readPort(name: string, value: string | undefined, fallback: number) {
  const raw = value?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new EnvError(`${name} must be a port number between 1 and 65535 (default ${fallback}), got "${raw}".`);
  }
  return port;
}

/** A comma-separated list of http(s) origins (a path, if given, is not part of an origin). */
function readOrigins(name: string, value: string | undefined) {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => new URL(readUrl(name, item, 'https://media.example.org')).origin);
}

const isOn = (value: string | undefined) => ['1', 'true'].includes(value?.trim().toLowerCase() ?? '');

function readSecret(name: string, value: string | undefined) {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (raw.length < 16) throw new EnvError(`${name} must be a long random string (16 characters or more), such as apps/cms/scripts/ensure-env.mjs generates.`);
  return raw;
}

function outputDir(env: Env, preview: boolean) {
  return path.resolve(SITE_DIR, env.SITE_OUTPUT_DIR?.trim() || (preview ? '_preview' : '_site'));
}

/** Checks the settings of the site's servers (start, dev) and scripts. Pure: for tests. */
export function parseServerEnv(env: Env): ServerEnv {
  const previewPort = readPort('SITE_PREVIEW_PORT', env.SITE_PREVIEW_PORT, 8081);
  return {
    strapiUrl: readUrl('STRAPI_URL', env.STRAPI_URL, DEFAULT_STRAPI_URL),
    siteUrl: env.SITE_URL?.trim() ? readUrl('SITE_URL', env.SITE_URL, DEFAULT_SITE_URL) : undefined,
    sitePort: readPort('SITE_PORT', env.SITE_PORT, 8080),
    previewPort,
    host: env.SITE_HOST?.trim() || '127.0.0.1',
    chromiumPath: env.CHROMIUM_PATH?.trim() || undefined,
    // `pnpm start` builds both, so each has its own variable here.
    outputDirs: {
      site: outputDir(env, false),
      preview: path.resolve(SITE_DIR, env.SITE_PREVIEW_OUTPUT_DIR?.trim() || '_preview'),
    },
    previewUrl: readUrl('SITE_PREVIEW_URL', env.SITE_PREVIEW_URL, `http://localhost:${previewPort}`),
    rebuildSecret: {
      value: readSecret('SITE_REBUILD_SECRET', env.SITE_REBUILD_SECRET),
      file: env.SITE_REBUILD_SECRET_FILE?.trim() ? path.resolve(SITE_DIR, env.SITE_REBUILD_SECRET_FILE.trim()) : LOCAL_REBUILD_SECRET_FILE,
    },
  };
}

/**
 * The rebuild webhook's shared secret, read when needed: the local CMS writes the file on boot,
 * possibly after the site started. Undefined while there is none (every call is then refused).
 */
export function readRebuildSecret({ rebuildSecret }: ServerEnv): string | undefined {
  if (rebuildSecret.value) return rebuildSecret.value;
  try {
    return readSecret('The secret in SITE_REBUILD_SECRET_FILE', fs.readFileSync(rebuildSecret.file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks the settings of a site build. STRAPI_URL defaults to the local CMS; STRAPI_TOKEN must be
 * set, except locally where the CMS has written one to apps/site/.strapi-token. Pure: for tests.
 */
export function parseEnv(env: Env, tokenFile = env.STRAPI_TOKEN_FILE || LOCAL_TOKEN_FILE): SiteEnv {
  const strapiUrl = readUrl('STRAPI_URL', env.STRAPI_URL, DEFAULT_STRAPI_URL);
  const siteUrl = readUrl('SITE_URL', env.SITE_URL, DEFAULT_SITE_URL);

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

  const preview = isOn(env.SITE_PREVIEW);
  const overlap = env.SITE_CONTENT_OVERLAP_MS?.trim() || '120000';
  if (!/^\d+$/.test(overlap)) throw new EnvError(`SITE_CONTENT_OVERLAP_MS must be a number of milliseconds, not "${overlap}".`);
  const partPages = env.SITE_SEARCH_PART_PAGES?.trim() || '250';
  if (!/^[1-9]\d*$/.test(partPages)) throw new EnvError(`SITE_SEARCH_PART_PAGES must be a whole number of pages, 1 or more, not "${partPages}".`);
  return {
    strapiUrl,
    graphqlUrl: `${strapiUrl}/graphql`,
    strapiToken,
    siteUrl,
    outputDir: outputDir(env, preview),
    preview,
    coldBuild: isOn(env.SITE_BUILD_COLD),
    contentOverlapMs: Number(overlap),
    searchPartPages: Number(partPages),
    mediaOrigins: [new URL(strapiUrl).origin, ...readOrigins('SITE_MEDIA_ORIGINS', env.SITE_MEDIA_ORIGINS)],
  };
}

let serverEnv: ServerEnv | undefined;
let siteEnv: SiteEnv | undefined;

/**
 * This process's server and script settings, checked on first use. A script stops with the
 * message (no stack trace) when one is wrong.
 */
export function readServerEnv(): ServerEnv {
  try {
    return (serverEnv ??= parseServerEnv(process.env));
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[solace] ${error.message}`);
    process.exit(1);
  }
}

/**
 * This process's build settings, checked on first use. A failure is not remembered: `pnpm start`
 * asks again until the CMS has written the token.
 */
export function readEnv(): SiteEnv {
  return (siteEnv ??= parseEnv(process.env));
}

/** Set by the rebuild runner on a build's process started ahead of its build (src/rebuild-child.ts). */
export const STARTED_AHEAD = 'SITE_BUILD_ON_GO';
export const startedAhead = () => process.env[STARTED_AHEAD] === '1';

/** The environment for a child process (a build started by `pnpm start`): this one plus `extra`. */
export function childEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * Eleventy's cache buster for changed ESM files serves its watch mode, which a build never runs,
 * and costs every later import a trip through a loader hook on a thread of its own (0.2-0.3 s of a
 * fresh build's edit): a build turns it off with Eleventy's own setting, read when Eleventy is
 * imported. `pnpm dev` runs Eleventy's own command and keeps it.
 */
export function skipEleventyEsmResolver() {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
}
