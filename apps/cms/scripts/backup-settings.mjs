// Where the CMS keeps its data, read from the same compiled config Strapi uses (config/database.ts,
// config/server.ts), so backup and restore never repeat a default or read the environment themselves.
import fs from 'node:fs';
import path from 'node:path';
import { appDir, readConfig } from './load-strapi.mjs';

export function readDataSettings() {
  const envFile = path.join(appDir, '.env');
  // The same .env Strapi reads; variables already set (a deployment's, a test's) win.
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  process.chdir(appDir);

  const { connection } = readConfig('database');
  const server = readConfig('server');
  const publicDir = path.resolve(appDir, server.dirs?.public ?? './public');
  const host = ['0.0.0.0', '::', ''].includes(server.host) ? '127.0.0.1' : server.host;

  const database =
    connection.client === 'postgres'
      ? {
          client: 'postgres',
          url: connection.connection.connectionString,
          schema: connection.connection.schema ?? 'public',
          ssl: connection.connection.ssl || false,
        }
      : { client: 'sqlite', filename: connection.connection.filename };

  return { database, uploadsDir: path.join(publicDir, 'uploads'), healthUrl: `http://${host}:${server.port}/_health` };
}

/**
 * The folder a relative archive path is relative to: where `pnpm backup`/`pnpm restore` was typed
 * (the root scripts pass it on, as turbo's pnpm sets INIT_CWD to apps/cms), else this process's.
 */
export function callerDir() {
  // eslint-disable-next-line no-restricted-properties -- where the command was typed, not a setting
  return process.env.SOLACE_CALLER_DIR || process.env.INIT_CWD || process.cwd();
}

/** True when a CMS answers on the configured address (cheap: one request, one second at most). */
export async function cmsIsAnswering(healthUrl) {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(1000) });
    return res.status < 500;
  } catch {
    return false;
  }
}
