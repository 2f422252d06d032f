import type { Core } from '@strapi/strapi';
import { solaceConfig } from '../config';

/** A random secret of at least 16 bytes is 24 characters in base64 (`openssl rand -base64 16`). */
export const MIN_SECRET_LENGTH = 24;
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/** The values .env.example shows, and the stand-ins other templates ship. */
const PLACEHOLDER = /change-?me|tobemodified|placeholder|^key\d*$|^secret\d*$|^example/i;

/** Refused as an initial admin password whatever their length (compared without case). */
const COMMON_PASSWORDS = new Set([
  'change-me-1',
  'password1234',
  'password12345',
  'password123456',
  'administrator',
  'administrator1',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiop123',
  'letmein12345',
  'welcome12345',
  'iloveyou1234',
  'adminadmin12',
  'solacesolace',
]);

export type ProductionSettings = {
  secrets: Record<string, string | string[] | undefined>;
  adminPassword: string;
};

function secretProblems(name: string, value: string | string[] | undefined) {
  const values = Array.isArray(value) ? value : value === undefined || value.trim() === '' ? [] : [value];
  if (values.length === 0 || values.every((v) => v.trim() === '')) return [`${name} is missing.`];
  const problems: string[] = [];
  values.forEach((raw, index) => {
    const v = raw.trim();
    const which = values.length > 1 ? `${name} (key ${index + 1})` : name;
    if (PLACEHOLDER.test(v)) problems.push(`${which} is a placeholder ("${v}"): generate one, e.g. \`openssl rand -base64 32\`.`);
    else if (v.length < MIN_SECRET_LENGTH) problems.push(`${which} is too short (${v.length} characters, at least ${MIN_SECRET_LENGTH}).`);
  });
  return problems;
}

function adminPasswordProblems(password: string) {
  if (password === '') return [];
  const lowered = password.toLowerCase();
  if (PLACEHOLDER.test(password) || COMMON_PASSWORDS.has(lowered) || /^(.)\1*$/.test(password) || lowered.includes('password')) {
    return ['ADMIN_PASSWORD is a placeholder or a common password: choose a long, unique one.'];
  }
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) {
    return [`ADMIN_PASSWORD is too short (${password.length} characters, at least ${MIN_ADMIN_PASSWORD_LENGTH}).`];
  }
  return [];
}

/** Every reason this configuration must not serve the internet, one sentence each. */
export function productionProblems({ secrets, adminPassword }: ProductionSettings) {
  const problems = Object.entries(secrets).flatMap(([name, value]) => secretProblems(name, value));
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(secrets)) {
    for (const v of Array.isArray(value) ? value : value ? [value] : []) {
      const other = seen.get(v.trim());
      if (other && other !== name && v.trim().length >= MIN_SECRET_LENGTH) problems.push(`${name} repeats ${other}: every secret must be different.`);
      seen.set(v.trim(), name);
    }
  }
  return [...problems, ...adminPasswordProblems(adminPassword)];
}

/** The secrets as Strapi loaded them (config/*.ts), named by the variables that set them. */
export function productionSettings(strapi: Core.Strapi): ProductionSettings {
  const config = solaceConfig(strapi);
  const secrets: ProductionSettings['secrets'] = {
    APP_KEYS: strapi.config.get<string[] | undefined>('server.app.keys'),
    API_TOKEN_SALT: strapi.config.get<string | undefined>('admin.apiToken.salt'),
    ADMIN_JWT_SECRET: strapi.config.get<string | undefined>('admin.auth.secret'),
    TRANSFER_TOKEN_SALT: strapi.config.get<string | undefined>('admin.transfer.token.salt'),
    JWT_SECRET: strapi.config.get<string | undefined>('plugin::users-permissions.jwtSecret'),
    ENCRYPTION_KEY: strapi.config.get<string | undefined>('admin.secrets.encryptionKey'),
  };
  // Optional: without it the CMS sends no rebuild requests and accepts no build reports.
  if (config.rebuildSecret) secrets.SITE_REBUILD_SECRET = config.rebuildSecret;
  return { secrets, adminPassword: config.admin.password };
}

/**
 * With NODE_ENV=production the CMS refuses to start on settings that are only fit for a laptop,
 * naming every problem at once. Runs in register(), before Strapi's own bootstrap would fail on
 * the first missing secret (or, for JWT_SECRET, quietly make one up).
 */
export function assertProductionReady(strapi: Core.Strapi) {
  if (strapi.config.get('environment') !== 'production') return;
  const problems = productionProblems(productionSettings(strapi));
  if (problems.length === 0) return;
  throw new Error(
    `Refusing to start with NODE_ENV=production:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Set these variables (see the deployment section of README.md and apps/cms/.env.example).',
  );
}
