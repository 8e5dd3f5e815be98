/**
 * The server's side of GET /sync/blob/<sha256>: a file's content, only when some row this user may read (the same
 * rules as a pull, visibility.ts) holds it in a column of files. Else null, as for a hash nobody has: a desk must
 * not learn that a file exists. On PostgreSQL only (the server); the lookup by hash uses the expression indexes of
 * migration 0021.
 */
import { type Kysely, sql } from 'kysely';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { DB } from '../store/schema.ts';
import { fileColumns } from './pull-page.ts';
import { ruleFor, visibleRows } from './visibility.ts';
import { sha256Hex } from './wire-rows.ts';

export async function blobFor(
  db: Kysely<DB>,
  account: SessionAccount,
  sha256: string,
): Promise<Buffer | null> {
  for (const [table, columns] of Object.entries(fileColumns) as [keyof DB, readonly string[]][]) {
    if (ruleFor(table, account).kind === 'geen') continue;
    for (const column of columns) {
      // The same expression as the index, so PostgreSQL finds the rows without hashing every file.
      const { rows } = await sql<{ id: string }>`
        select id from ${sql.table(table)} where sha256(${sql.ref(column)}) = decode(${sha256}, 'hex')`.execute(
        db,
      );
      if (rows.length === 0) continue;
      for (const { row } of await visibleRows(
        db,
        table,
        rows.map((r) => r.id),
        account,
      )) {
        const content = row?.[column];
        // As the rule gives it to this user: a redaction that blanked the file gives nothing.
        if (content instanceof Uint8Array && sha256Hex(content) === sha256) return Buffer.from(content);
      }
    }
  }
  return null;
}
