import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs as much as running a register page. The
 * services build the same few statement shapes over and over, so keep the prepared ones (least recently used out).
 * Safe because kysely runs one statement at a time on this connection and never leaves an iterator open between calls.
 */
const alreadyRolledBack = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
} as unknown as SqliteStatement;

export function withStatementCache(sqlite: Database.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      // After an I/O error (a full disk) SQLite has already rolled the transaction back itself; kysely's own
      // rollback would then fail and hide the error that matters. With no transaction open it has nothing to do.
      if (sql === 'rollback' && !sqlite.inTransaction) return alreadyRolledBack;
      const cached = cache.get(sql);
      if (cached) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement;
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
