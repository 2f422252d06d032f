// Creates apps/cms/.env with fresh random secrets on the first local run, and adds any variable a
// newer version expects. Never overwrites a value. The file is untracked; see .env.example.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const envFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.env');
const secret = () => crypto.randomBytes(24).toString('base64');

// A password Strapi accepts: upper and lower case letters and a digit.
const password = () => `Solace-${crypto.randomBytes(6).toString('hex')}-Aa1`;

const defaults = {
  HOST: '0.0.0.0',
  PORT: '1337',
  APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  ADMIN_EMAIL: 'admin@solace.local',
  ADMIN_PASSWORD: password(),
  SITE_TOKEN_FILE: '../site/.strapi-token',
  SITE_REBUILD_URL: 'http://127.0.0.1:8080/__rebuild',
  // Sent with every rebuild call (and build report), so nothing else can trigger builds.
  SITE_REBUILD_SECRET: crypto.randomBytes(32).toString('base64url'),
  SITE_REBUILD_SECRET_FILE: '../site/.rebuild-secret',
  PREVIEW_URL: 'http://localhost:8081',
};

const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
const present = new Set(
  existing
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=/)?.[1])
    .filter(Boolean),
);
const missing = Object.entries(defaults).filter(([key]) => !present.has(key));

if (missing.length > 0) {
  const lines = missing.map(([key, value]) => `${key}=${value}`).join('\n');
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(envFile, `${existing}${separator}${lines}\n`, { mode: 0o600 });
  console.log(`apps/cms/.env: generated ${missing.map(([key]) => key).join(', ')}`);
}
