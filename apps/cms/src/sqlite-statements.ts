/**
 * knex's better-sqlite3 client compiles every query it sends (`connection.prepare(sql)` each
 * time), and Strapi sends the same few hundred SQL texts over and over: on a site build's reads,
 * compiling was about 4% of the CMS's work. A SQLite connection keeps the statements it compiled,
 * the `limit` most recently used, by SQL text. A kept statement answers as a new one would: SQLite
 * compiles it again itself when the schema changed since, and knex only runs a statement to its
 * end (`all`, `run`), so one is never in use twice at once.
 */
type Statement = object;
type Connection = { prepare: (sql: string) => Statement };

export function keepCompiledStatements(connection: Connection, limit = 500): void {
  const compile = connection.prepare.bind(connection);
  // A Map iterates in insertion order: a statement used again is moved to the end, the first is the least recently used.
  const statements = new Map<string, Statement>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = compile(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
}
