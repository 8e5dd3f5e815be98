/**
 * The files a pulled page refers to (wire-rows.ts), gathered before its transaction opens: no network inside a
 * SQLite transaction. A file the desk already holds in the same row (unchanged, the row changed otherwise) is taken
 * from there; every other hash is fetched once per page, whatever the number of rows that name it, and its content
 * must have that hash: else nothing of the page is applied and the cursor stays.
 */
import type { Kysely } from 'kysely';
import type { PullResponse } from '../../../shared/sync.ts';
import type { DB } from '../store/schema.ts';
import { ServerRefusal } from './server-refusal.ts';
import { type BlobRef, blobHashOf, isBlobRef, sha256Hex } from './wire-rows.ts';

/** Fetches the content with this hash from the server, as the user who pulls (GET /sync/blob/<sha256>). */
export type FetchBlob = (sha256: string) => Promise<Buffer>;

export const blobRefusal =
  'Een bestand van de server (bon, certificaat of contract) klopt niet met zijn vingerafdruk. Er is niets van deze wijzigingen overgenomen; Schakel probeert het bij de volgende synchronisatie opnieuw.';

/** Ids per statement: far below SQLite's limit on bound values. */
const idsPerStatement = 500;

interface Wanted {
  /** Per table and column: the ids of rows whose file the page names. */
  rows: Map<string, Map<string, string[]>>;
  refs: Map<string, BlobRef>;
}

/** The desk's tables, each with its columns (desk-undo.ts syncedTables). */
type DeskTables = ReadonlyMap<string, readonly { name: string }[]>;

function wantedOn(page: PullResponse, tables: DeskTables): Wanted {
  const wanted: Wanted = { rows: new Map(), refs: new Map() };
  for (const pulled of page.tables) {
    const known = tables.get(pulled.table);
    // A table this desk does not have is not applied (desk-pull.ts): its files are not wanted either.
    if (!known) continue;
    const idAt = pulled.columns.indexOf('id');
    for (const values of pulled.rows) {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (!isBlobRef(value)) continue;
        wanted.refs.set(blobHashOf(value), value);
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

/** The content of every file the page names, by hash. */
export async function gatherBlobs(
  db: Kysely<DB>,
  page: PullResponse,
  tables: DeskTables,
  fetch: FetchBlob,
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
  for (const [hash, ref] of refs) {
    if (found.has(hash)) continue;
    const content = await fetch(hash);
    if (content.length !== ref.size || sha256Hex(content) !== hash)
      throw new ServerRefusal({ code: 'unavailable', message: blobRefusal });
    found.set(hash, content);
  }
  return found;
}
