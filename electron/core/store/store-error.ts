/** A reason the store cannot be opened, with the Dutch message shown at start; the file is left as it was. */
export type StoreErrorKind = 'newer_version' | 'corrupt' | 'locked' | 'no_access' | 'unknown_migrations';

export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'StoreError';
  }
}

function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/** Maps a better-sqlite3 failure at open to a StoreError with a message a user can act on. */
export function storeErrorFrom(err: unknown, file: string): StoreError | null {
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'corrupt',
      `Het databasebestand ${file} is beschadigd of is geen Schakel-database. Schakel heeft het niet gewijzigd; zet een reservekopie terug of neem contact op met de beheerder.`,
      { cause: err },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'locked',
      `De database ${file} is in gebruik door een ander programma of een tweede Schakel-venster. Sluit dat eerst en start Schakel opnieuw.`,
      { cause: err },
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_PERM')) {
    return new StoreError(
      'no_access',
      `Schakel kan de database ${file} niet openen of schrijven. Controleer of de map bestaat en of je er schrijfrechten hebt.`,
      { cause: err },
    );
  }
  return null;
}
