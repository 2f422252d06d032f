import path from 'node:path';
import { env } from '@strapi/utils';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import database from '../config/database';
import solace from '../config/solace';

const read = () => solace({ env });

describe('config/solace.ts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('has the documented defaults when nothing is set', () => {
    for (const name of ['SEED_DEMO_CONTENT', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SITE_TOKEN_FILE', 'SITE_REBUILD_URL', 'SITE_REBUILD_SECRET', 'SITE_REBUILD_SECRET_FILE']) vi.stubEnv(name, undefined);
    expect(read()).toMatchObject({ seedDemoContent: true, admin: { email: '', password: '' }, siteTokenFile: '', siteRebuildUrl: '', rebuildSecret: '', siteRebuildSecretFile: '' });
  });

  it('reads what is set, resolving the token file from the app folder', () => {
    vi.stubEnv('SEED_DEMO_CONTENT', 'false');
    vi.stubEnv('ADMIN_EMAIL', 'admin@solace.test');
    vi.stubEnv('ADMIN_PASSWORD', 'Secret-1');
    vi.stubEnv('SITE_TOKEN_FILE', '../site/.strapi-token');
    vi.stubEnv('SITE_REBUILD_URL', 'http://127.0.0.1:8080/__rebuild');
    vi.stubEnv('SITE_REBUILD_SECRET', 'a-long-random-shared-secret');
    vi.stubEnv('SITE_REBUILD_SECRET_FILE', '../site/.rebuild-secret');
    expect(read()).toMatchObject({
      seedDemoContent: false,
      admin: { email: 'admin@solace.test', password: 'Secret-1' },
      siteTokenFile: path.resolve(process.cwd(), '../site/.strapi-token'),
      siteRebuildUrl: 'http://127.0.0.1:8080/__rebuild',
      rebuildSecret: 'a-long-random-shared-secret',
      siteRebuildSecretFile: path.resolve(process.cwd(), '../site/.rebuild-secret'),
    });
  });

  it('names the variable and what it accepts when a value is wrong', () => {
    vi.stubEnv('SEED_DEMO_CONTENT', 'yes please');
    expect(read).toThrow(/SEED_DEMO_CONTENT must be "true" or "false" \(default true\), got "yes please"/);
    vi.stubEnv('SEED_DEMO_CONTENT', 'true');
    vi.stubEnv('SITE_REBUILD_URL', '127.0.0.1:8080/__rebuild');
    expect(read).toThrow(/SITE_REBUILD_URL must be an http\(s\) URL/);
    vi.stubEnv('SITE_REBUILD_URL', '');
    vi.stubEnv('SITE_REBUILD_SECRET', 'short');
    expect(read).toThrow(/SITE_REBUILD_SECRET must be a long random string/);
  });

  it('runs scheduled publishing every minute unless told otherwise, and checks the cron pattern', () => {
    vi.stubEnv('SCHEDULED_PUBLISHING', undefined);
    vi.stubEnv('SCHEDULED_PUBLISHING_RULE', undefined);
    expect(read().scheduledPublishing).toEqual({ enabled: true, rule: '0 * * * * *' });
    vi.stubEnv('SCHEDULED_PUBLISHING', 'false');
    vi.stubEnv('SCHEDULED_PUBLISHING_RULE', '* * * * * *');
    expect(read().scheduledPublishing).toEqual({ enabled: false, rule: '* * * * * *' });
    vi.stubEnv('SCHEDULED_PUBLISHING_RULE', 'every minute');
    expect(read).toThrow(/SCHEDULED_PUBLISHING_RULE must be a cron pattern of 5 or 6 fields/);
  });
});

describe('config/database.ts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('asks for DATABASE_URL when PostgreSQL is chosen without one, hiding any password', () => {
    vi.stubEnv('DATABASE_CLIENT', 'postgres');
    vi.stubEnv('DATABASE_URL', undefined);
    expect(() => database({ env })).toThrow(/DATABASE_CLIENT=postgres needs DATABASE_URL, e\.g\. postgres:\/\/.*; got nothing/);
    vi.stubEnv('DATABASE_URL', 'mysql://me:hunter2@db/solace');
    expect(() => database({ env })).toThrow(/got "mysql:\/\/…@db\/solace"/);
    vi.stubEnv('DATABASE_URL', 'postgres://me:pw@127.0.0.1:5432/solace');
    expect(database({ env }).connection).toMatchObject({ client: 'postgres', connection: { connectionString: 'postgres://me:pw@127.0.0.1:5432/solace' } });
  });

  it("has SQLite's connection keep the statements it compiled", () => {
    vi.stubEnv('DATABASE_CLIENT', 'sqlite');
    const { pool } = database({ env }).connection as { pool?: { afterCreate?: (connection: unknown, done: (error: Error | null, connection: unknown) => void) => void } };
    const db = new Database(':memory:');
    try {
      const done = vi.fn();
      pool!.afterCreate!(db, done);
      expect(done).toHaveBeenCalledWith(null, db);
      expect(db.prepare('select 1 as one')).toBe(db.prepare('select 1 as one'));
      expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    } finally {
      db.close();
    }
  });
});
