import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoByDataState } from '../../../electron/backend/store/data-state';
import { tempDir } from './helpers';

// An answer kept by the data's state is reused only while nothing was written: by this
// connection, by another one, and never from a transaction that was rolled back.

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function open(path: string): Database.Database {
  const db = new Database(path);
  opened.push(db);
  return db;
}

function setUp() {
  const path = join(tempDir(), 'memo.db');
  const db = open(path);
  db.exec('CREATE TABLE v (n INTEGER)');
  db.exec('INSERT INTO v VALUES (1)');
  let computed = 0;
  const sum = (keep = true) =>
    memoByDataState(db, 'sum', keep, () => {
      computed += 1;
      return db.prepare<[], number>('SELECT sum(n) FROM v').pluck().get();
    });
  return { path, db, sum, computed: () => computed };
}

describe('answers kept while the data is unchanged', () => {
  it('reuses an answer until this connection writes', () => {
    const t = setUp();
    expect(t.sum()).toBe(1);
    expect(t.sum()).toBe(1);
    expect(t.computed()).toBe(1);
    t.db.exec('INSERT INTO v VALUES (2)');
    expect(t.sum()).toBe(3);
    expect(t.computed()).toBe(2);
    t.db.exec('UPDATE v SET n = n * 10');
    expect(t.sum()).toBe(30);
  });

  it('computes again after another connection commits', () => {
    const t = setUp();
    expect(t.sum()).toBe(1);
    open(t.path).exec('INSERT INTO v VALUES (5)');
    expect(t.sum()).toBe(6);
  });

  it('never keeps what a rolled-back transaction saw', () => {
    const t = setUp();
    expect(t.sum()).toBe(1);
    expect(() =>
      t.db.transaction(() => {
        t.db.exec('INSERT INTO v VALUES (100)');
        // Inside the writer's transaction the write is seen…
        expect(t.sum(false)).toBe(101);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // …and after the rollback it is gone, whatever was computed meanwhile.
    expect(t.sum()).toBe(1);
    expect(t.sum()).toBe(1);
  });

  it('keeps answers apart by key', () => {
    const t = setUp();
    const a = memoByDataState(t.db, 'a', true, () => 'a');
    const b = memoByDataState(t.db, 'b', true, () => 'b');
    expect([a, b]).toEqual(['a', 'b']);
    expect(memoByDataState(t.db, 'a', true, () => 'changed')).toBe('a');
  });
});
