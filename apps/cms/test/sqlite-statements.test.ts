import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { keepCompiledStatements } from '../src/sqlite-statements';

describe('keepCompiledStatements (a SQLite connection keeps the statements it compiled)', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  /** An in-memory database whose compiles are counted. */
  const counted = (limit?: number) => {
    db = new Database(':memory:');
    db.exec("create table t (a integer); insert into t values (1), (2), (3)");
    const compiled: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      compiled.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    keepCompiledStatements(db, limit);
    return compiled;
  };

  it('compiles a SQL text once, and answers each query with its own bindings', () => {
    const compiled = counted();
    const select = 'select a from t where a >= ? order by a';
    expect(db.prepare(select).all(2)).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare(select).all(3)).toEqual([{ a: 3 }]);
    expect(db.prepare(select)).toBe(db.prepare(select));
    expect(db.prepare('insert into t values (?)').run(4).changes).toBe(1);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 4 });
    expect(compiled).toEqual([select, 'insert into t values (?)', 'select count(*) as n from t']);
  });

  it('keeps the most recently used, up to its limit', () => {
    const compiled = counted(2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    // Over the limit: "select 2", the least recently used, goes.
    db.prepare('select 3');
    db.prepare('select 1');
    db.prepare('select 2');
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('answers as a new statement would after the schema changed', () => {
    counted();
    expect(db.prepare('select * from t order by a').all()).toHaveLength(3);
    db.exec('alter table t add column b text');
    db.exec("update t set b = 'x'");
    expect(db.prepare('select * from t order by a').all()[0]).toEqual({ a: 1, b: 'x' });
    db.exec("drop table t; create table t (c text); insert into t values ('y')");
    expect(db.prepare('select * from t').all()).toEqual([{ c: 'y' }]);
    db.exec('drop table t');
    expect(() => db.prepare('select * from t').all()).toThrow(/no such table: t/);
  });
});
