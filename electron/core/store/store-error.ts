/** A reason the store cannot be opened, with the Dutch message shown at start; the file is left as it was. */
export const storeErrorKinds = [
  'newer_version',
  'corrupt',
  'wrong_key',
  'locked',
  'no_access',
  'no_space',
  'unknown_migrations',
  'migration_failed',
] as const;
export type StoreErrorKind = (typeof storeErrorKinds)[number];

export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'StoreError';
  }
}

export function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/** Maps a better-sqlite3 failure at open to a StoreError with a message a user can act on. */
export function storeErrorFrom(
  err: unknown,
  file: string,
  options: { encrypted?: boolean } = {},
): StoreError | null {
  const code = errorCode(err);
  // With encryption a wrong key and a damaged file look the same to SQLite: neither decrypts to a database.
  if (options.encrypted && code === 'SQLITE_NOTADB') {
    return new StoreError(
      'wrong_key',
      `De wachtwoordzin (of sleutel) klopt niet, of ${file} is beschadigd of geen Schakel-database. Er is niets gewijzigd.`,
      { cause: err },
    );
  }
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
  // A full disk is SQLITE_FULL; a file that may not grow (quota, size limit) reaches SQLite as a failed write.
  if (
    code.startsWith('SQLITE_FULL') ||
    code === 'SQLITE_IOERR_WRITE' ||
    code === 'ENOSPC' ||
    code === 'EFBIG'
  ) {
    return new StoreError(
      'no_space',
      `De schijf is vol of weigert te schrijven: Schakel kan niet schrijven bij ${file}. Er is niets half opgeslagen; maak ruimte vrij en probeer het opnieuw.`,
      { cause: err },
    );
  }
  if (
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    ['EACCES', 'EPERM', 'EROFS'].includes(code)
  ) {
    return new StoreError(
      'no_access',
      `Schakel kan de database ${file} niet openen of schrijven. Controleer of de map bestaat en of je er schrijfrechten hebt.`,
      { cause: err },
    );
  }
  return null;
}
