import type { Core } from '@strapi/strapi';
import pg from 'pg';

/** Any constant: advisory lock keys are per database, so only CMS instances on one database meet here. */
const STARTUP_LOCK_KEY = 7_316_551;

type PostgresConnection = {
  client: string;
  connection: pg.ClientConfig;
};

let held: pg.Client | undefined;

/**
 * Several CMS instances may start at once on one PostgreSQL database. Strapi's start-up is not
 * safe to run concurrently on a fresh database (both create the same tables, the Super Admin
 * role, the default locale; our bootstrap creates the administrator, the demo content, the site
 * token and the rebuild webhook), so all of it runs under a session-level advisory lock: taken
 * just before Strapi syncs the schema (its first write; only when the app really boots, not for
 * CLI commands that only register it, such as ts:generate-types) and released at the end of our
 * bootstrap(). A second instance waits, then finds everything in place and changes nothing. If an
 * instance dies while starting, PostgreSQL drops its lock with its connection. SQLite is one
 * machine and one process: nothing to do.
 */
export function registerStartupLock(strapi: Core.Strapi) {
  strapi.hook('strapi::content-types.beforeSync').register(() => acquireStartupLock(strapi));
}

async function acquireStartupLock(strapi: Core.Strapi) {
  const { client, connection } = strapi.config.get<PostgresConnection>('database.connection');
  if (client !== 'postgres') return;
  const db = new pg.Client({ ...connection, application_name: 'solace-cms-startup' });
  await db.connect();
  const started = Date.now();
  const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [STARTUP_LOCK_KEY]);
  if (!rows[0]?.locked) {
    strapi.log.info('Another CMS instance is starting on this database: waiting for it to finish.');
    await db.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    strapi.log.info(`Start-up lock acquired after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  held = db;
}

/** Ends the start-up lock's session, which releases the lock (called once bootstrap is done, or failed). */
export async function releaseStartupLock() {
  const db = held;
  held = undefined;
  await db?.end();
}
