/**
 * The files a pulled page refers to (wire-rows.ts) that the desk holds already in the same row (unchanged, the row
 * changed otherwise), read before the page's transaction opens. Every other file is written as an empty
 * placeholder and fetched when needed (desk-files.ts).
 */
import type { Kysely } from 'kysely';
import type { PullResponse } from '../../../shared/sync.ts';
import type { DB } from '../store/schema.ts';
import { blobHashOf, isBlobRef, sha256Hex } from './wire-rows.ts';

/** Ids per statement: far below SQLite's limit on bound values. */
const idsPerStatement = 500;

interface Wanted {
  /** Per table and column: the ids of rows whose file the page names. */
  rows: Map<string, Map<string, string[]>>;
  /** The hashes the page names. */
  refs: Set<string>;
}

/** The desk's tables, each with its columns (desk-undo.ts syncedTables). */
type DeskTables = ReadonlyMap<string, readonly { name: string }[]>;

function wantedOn(page: PullResponse, tables: DeskTables): Wanted {
  const wanted: Wanted = { rows: new Map(), refs: new Set() };
  for (const pulled of page.tables) {
    const known = tables.get(pulled.table);
    // A table this desk does not have is not applied (desk-pull.ts): its files are not wanted either.
    if (!known) continue;
    const idAt = pulled.columns.indexOf('id');
    for (const values of pulled.rows) {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (!isBlobRef(value)) continue;
        wanted.refs.add(blobHashOf(value));
        const column = pulled.columns[i] as string;
        if (!known.some((c) => c.name === column)) continue;
        const byColumn = wanted.rows.get(pulled.table) ?? new Map<string, string[]>();
        wanted.rows.set(pulled.table, byColumn);
        byColumn.set(column, [...(byColumn.get(column) ?? []), String(values[idAt])]);
      }
    }
  }
  return wanted;
}

/** The content of the files the page names that their rows here hold already, by hash. */
export async function heldBlobs(
  db: Kysely<DB>,
  page: PullResponse,
  tables: DeskTables,
): Promise<Map<string, Buffer>> {
  const { rows, refs } = wantedOn(page, tables);
  const found = new Map<string, Buffer>();
  if (refs.size === 0) return found;
  for (const [table, byColumn] of rows) {
    for (const [column, ids] of byColumn) {
      for (let i = 0; i < ids.length; i += idsPerStatement) {
        const held = await db
          .selectFrom(table as 'receipts')
          .select(column as 'bytes')
          .where('id', 'in', ids.slice(i, i + idsPerStatement))
          .execute();
        for (const row of held) {
          const bytes = (row as Record<string, unknown>)[column];
          if (!(bytes instanceof Uint8Array)) continue;
          const hash = sha256Hex(bytes);
          if (refs.has(hash)) found.set(hash, Buffer.from(bytes));
        }
      }
    }
  }
  return found;
}
