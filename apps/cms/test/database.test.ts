import { describe, expect, inject, it } from 'vitest';
import { graphql, querySql } from '../testing';

const cms = inject('cms');
const requested = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

// CI's summary looks for this test's name in the PostgreSQL report: a run that silently used SQLite
// must not count as a PostgreSQL run.
describe('the database under test', () => {
  it(`stores its content in ${requested === 'postgres' ? 'PostgreSQL' : 'SQLite'}`, async () => {
    expect(cms.database).toBe(requested);
    expect(cms.databaseEnv.DATABASE_CLIENT).toBe(requested);

    // What the CMS serves over GraphQL is what the database itself holds.
    const res = await graphql<{ providers_connection: { pageInfo: { total: number } } }>(
      cms,
      '{ providers_connection(locale: "en") { pageInfo { total } } }',
    );
    const served = res.data!.providers_connection.pageInfo.total;
    expect(served).toBeGreaterThan(0);
    const [row] = await querySql<{ n: number | string }>(
      cms.databaseEnv,
      "SELECT COUNT(*) AS n FROM providers WHERE locale = 'en' AND published_at IS NOT NULL",
    );
    expect(Number(row!.n)).toBe(served);

    if (requested === 'postgres') {
      const [version] = await querySql<{ version: string }>(cms.databaseEnv, 'SELECT version() AS version');
      expect(version!.version).toMatch(/^PostgreSQL/);
    } else {
      const [version] = await querySql<{ version: string }>(cms.databaseEnv, 'SELECT sqlite_version() AS version');
      expect(version!.version).toMatch(/^3\./);
    }
  });
});
