import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { keepCompiledStatements } from '../src/sqlite-statements';

// SQLite by default (zero set-up); PostgreSQL when DATABASE_CLIENT=postgres.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_CLIENT=postgres needs DATABASE_URL, e.g. postgres://user:password@127.0.0.1:5432/solace; got ${url ? `"${url.replace(/\/\/[^@]*@/, '//…@')}"` : 'nothing'}.`,
      );
    }
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          schema: env('DATABASE_SCHEMA', 'public'),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}".`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are resolved from the app root (apps/cms), not from dist/.
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // knex has SQLite compile every query anew: the connection keeps what it compiled (src/sqlite-statements.ts).
      // Strapi calls this after its own set-up of a new connection.
      pool: {
        afterCreate: (connection: Parameters<typeof keepCompiledStatements>[0], done: (error: Error | null, connection: unknown) => void) => {
          keepCompiledStatements(connection);
          done(null, connection);
        },
      },
    },
  };
};
