/**
 * Which tables a desk's upload carries (desk-upload.ts) and the server takes (import-rows.ts): one rule for both
 * sides, read from the schema itself (kysely's introspection, the same on SQLite and PostgreSQL), so a table a later
 * migration adds travels without anyone remembering to list it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { notCaptured } from './change-feed.ts';

export interface UploadTable {
  columns: ReadonlySet<string>;
  /** Columns of bytes (a receipt, a certificate, a contract's PDF): they travel as wire-rows.ts has it. */
  bytes: ReadonlySet<string>;
}

/**
 * Not uploaded: the sync machinery and the migration history. Sessions and sign-in attempts are not tables (they
 * live in memory), and a table without an id of its own (the granted allowance) is derived from the rows that do
 * travel. The organisation's settings do travel, and replace the server's (import-rows.ts).
 */
const notUploaded = (table: string) => notCaptured(table);

/** The tables whose rows an upload carries, each with its columns. */
export async function uploadTables(db: Kysely<DB>): Promise<Map<string, UploadTable>> {
  const result = new Map<string, UploadTable>();
  for (const table of await db.introspection.getTables()) {
    if (table.isView || notUploaded(table.name)) continue;
    const columns = new Set(table.columns.map((c) => c.name));
    if (!columns.has('id')) continue;
    const bytes = table.columns.filter((c) => ['blob', 'bytea'].includes(c.dataType.toLowerCase()));
    result.set(table.name, { columns, bytes: new Set(bytes.map((c) => c.name)) });
  }
  return result;
}
