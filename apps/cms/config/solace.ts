import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Solace's own settings, read once by Strapi with the rest of config/ and used in src/ through
 * `strapi.config.get('solace')` (see src/config.ts). Every variable is described in .env.example.
 */
export type SolaceConfig = {
  /** Seed the demo content on the first boot of an empty database (default: on, off in production). */
  seedDemoContent: boolean;
  /** The first administrator, created on boot when there is none (both empty: the admin's own first-admin screen). */
  admin: { email: string; password: string };
  /** Absolute path the site build's read-only token is written to, or '' (a deployment). */
  siteTokenFile: string;
  /** Called when content changes so the local site rebuilds, or '' (off). */
  siteRebuildUrl: string;
  /** Shared with the site server: sent with rebuild requests, required on build reports ('' refuses every report). */
  rebuildSecret: string;
  /** Absolute path the rebuild secret is written to for the local site server (`pnpm start`), or ''. */
  siteRebuildSecretFile: string;
  /** The cron task that publishes and unpublishes articles at their publishAt / unpublishAt. */
  scheduledPublishing: { enabled: boolean; rule: string };
};

function readSwitch(name: string, value: string, fallback: boolean) {
  const normalised = value.trim().toLowerCase();
  if (normalised === '') return fallback;
  if (normalised === 'true' || normalised === 'false') return normalised === 'true';
  throw new Error(`${name} must be "true" or "false" (default ${fallback}), got "${value}".`);
}

/** A croner pattern: 5 fields, or 6 with seconds first (tests tick every second). */
function readCronRule(name: string, value: string, fallback: string) {
  const raw = value.trim();
  if (raw === '') return fallback;
  if (!/^\S+(\s+\S+){4,5}$/.test(raw)) {
    throw new Error(`${name} must be a cron pattern of 5 or 6 fields (seconds first), such as "${fallback}", got "${value}".`);
  }
  return raw;
}

/** A shared secret: long and random, or empty (off). */
function readSecret(name: string, value: string) {
  const raw = value.trim();
  if (raw !== '' && raw.length < 16) {
    throw new Error(`${name} must be a long random string (16 characters or more), such as scripts/ensure-env.mjs generates.`);
  }
  return raw;
}

function readUrl(name: string, value: string) {
  const raw = value.trim();
  if (raw === '') return '';
  if (!/^https?:\/\/[^\s]+$/.test(raw) || !URL.canParse(raw)) {
    throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:8080/__rebuild, or empty, got "${value}".`);
  }
  return raw;
}

export default ({ env }: Core.Config.Shared.ConfigParams): SolaceConfig => {
  const siteTokenFile = env('SITE_TOKEN_FILE', '').trim();
  const siteRebuildSecretFile = env('SITE_REBUILD_SECRET_FILE', '').trim();
  return {
    // The demo's fictional providers never land in a production database unless asked for.
    seedDemoContent: readSwitch('SEED_DEMO_CONTENT', env('SEED_DEMO_CONTENT', ''), env('NODE_ENV') !== 'production'),
    admin: { email: env('ADMIN_EMAIL', ''), password: env('ADMIN_PASSWORD', '') },
    // Relative paths are resolved from the app root (apps/cms), as Strapi runs from there.
    siteTokenFile: siteTokenFile && path.resolve(process.cwd(), siteTokenFile),
    siteRebuildUrl: readUrl('SITE_REBUILD_URL', env('SITE_REBUILD_URL', '')),
    rebuildSecret: readSecret('SITE_REBUILD_SECRET', env('SITE_REBUILD_SECRET', '')),
    siteRebuildSecretFile: siteRebuildSecretFile && path.resolve(process.cwd(), siteRebuildSecretFile),
    scheduledPublishing: {
      enabled: readSwitch('SCHEDULED_PUBLISHING', env('SCHEDULED_PUBLISHING', ''), true),
      // Every minute, on the minute.
      rule: readCronRule('SCHEDULED_PUBLISHING_RULE', env('SCHEDULED_PUBLISHING_RULE', ''), '0 * * * * *'),
    },
  };
};
