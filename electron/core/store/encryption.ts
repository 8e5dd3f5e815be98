import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { databaseFileName } from '../paths.ts';

/**
 * The database is encrypted with SQLCipher (v4 settings) through SQLite3 Multiple Ciphers. The key is a passphrase
 * (browser host) or a random secret kept with the system's keychain (Electron); SQLCipher derives the page key from
 * it with PBKDF2, so a wrong one is refused as "not a database" without a byte written.
 */
export function applyKey(sqlite: Database.Database, key: string): void {
  applyCipherSettings(sqlite);
  sqlite.key(Buffer.from(key, 'utf8'));
}

/** SQLCipher 4's page format and key derivation, for opening (key) and for encrypting a plain file (rekey). */
export function applyCipherSettings(sqlite: Database.Database): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
}

const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A plain SQLite file starts with its magic string; an SQLCipher file starts with random salt. */
export function isPlainDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(plainHeader.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(plainHeader);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A data folder without a database, with one from before encryption, or with an encrypted one. */
export function databaseState(dataDir: string): 'new' | 'plain' | 'encrypted' {
  const file = path.join(dataDir, databaseFileName);
  if (!fs.existsSync(file)) return 'new';
  return isPlainDatabase(file) ? 'plain' : 'encrypted';
}

/** SQL text literal for a file name (VACUUM INTO takes no bound parameter for its target). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
