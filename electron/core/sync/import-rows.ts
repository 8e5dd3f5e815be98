/**
 * The server's side of a desk's upload (desk-upload.ts): one command's rows of one table, inserted as the desk held
 * them, in the command's one transaction. Only what could have come from a desk passes: a data table of the schema
 * (upload-tables.ts), its own columns, values a column can hold, ids and usernames the server does not have yet.
 * Anything else refuses the whole command, naming what, and nothing is written. The change feed's triggers list
 * the rows, so other desks pull them.
 */
import type { ImportedRows, ImportRowsInput } from '../../../shared/sync.ts';
import { adjustGrantedAllowance, grantedStatuses } from '../claims/granted.ts';
import type { WriteCtx } from '../context.ts';
import { unstorableText } from '../dispatch-errors.ts';
import { Failure } from '../failure.ts';
import { settingsId } from '../settings/read.ts';
import type { ClaimsTable } from '../store/schema.ts';
import { errorCode } from '../store/store-error.ts';
import { updateVersioned } from '../versioning.ts';
import { type UploadTable, uploadTables } from './upload-tables.ts';
import { bytesOf } from './wire-rows.ts';

type ClaimRow = Pick<ClaimsTable, 'person_id' | 'datum' | 'soort' | 'bedrag_cents' | 'status'>;

const nothing = 'Er is niets overgenomen.';
const refused = (field: 'table' | 'rows', message: string) =>
  new Failure('invalid_input', `${message} ${nothing}`, field);

/** A value as the column stores it: text, a number or null, and bytes only in a column of bytes. */
function storedValue(name: string, table: UploadTable, column: string, value: unknown): unknown {
  if (value === null) return null;
  if (table.bytes.has(column)) {
    const bytes = bytesOf(value);
    if (bytes) return bytes;
  } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
    return value;
  }
  throw refused('rows', `Kolom ${column} van tabel ${name} heeft een waarde die niet in die kolom past.`);
}

function storedRow(name: string, table: UploadTable, row: Record<string, unknown>): Record<string, unknown> {
  const stored = new Map<string, unknown>();
  for (const [column, value] of Object.entries(row)) {
    if (!table.columns.has(column)) throw refused('rows', `Kolom ${column} bestaat niet in tabel ${name}.`);
    stored.set(column, storedValue(name, table, column, value));
  }
  if (typeof stored.get('id') !== 'string' || stored.get('id') === '')
    throw refused('rows', `Een rij van tabel ${name} heeft geen id.`);
  return Object.fromEntries(stored);
}

/** The whole command is refused when any of its ids is on the server already (or twice in it). */
async function refuseExisting(ctx: WriteCtx, name: string, ids: string[]): Promise<void> {
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw refused('rows', `Rij ${twice} staat twee keer in deze opdracht voor tabel ${name}.`);
  const present = await ctx.db
    .selectFrom(name as 'persons')
    .select('id')
    .where('id', 'in', ids)
    .executeTakeFirst();
  if (present) throw refused('rows', `Rij ${present.id} van tabel ${name} bestaat al op de server.`);
}

async function refuseTakenUsernames(ctx: WriteCtx, rows: Record<string, unknown>[]): Promise<void> {
  const usernames = rows.map((r) => r.username).filter((u): u is string => typeof u === 'string');
  if (usernames.length === 0) return;
  const taken = await ctx.db
    .selectFrom('accounts')
    .select('username')
    .where('username', 'in', usernames)
    .executeTakeFirst();
  if (taken) throw refused('rows', `De gebruikersnaam ${taken.username} bestaat al op de server.`);
}

/** A row the database itself refuses (a missing parent, a value it cannot hold), said in Dutch. */
function databaseRefusal(name: string, thrown: unknown): Failure | null {
  const code = errorCode(thrown);
  // A NUL in text is refused by the dispatcher with its own message.
  if (unstorableText(thrown)) return null;
  const column = (thrown as { column?: unknown }).column;
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return refused('rows', `Een rij van tabel ${name} verwijst naar iets dat niet op de server staat.`);
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return refused('rows', `Een rij van tabel ${name} heeft een waarde die op de server al bestaat.`);
  if (code === '23502' || code === 'SQLITE_CONSTRAINT_NOTNULL') {
    const which = typeof column === 'string' ? `Kolom ${column}` : 'Een verplichte kolom';
    return refused('rows', `${which} van tabel ${name} is leeg.`);
  }
  if (/^2[23]/.test(code) || code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH')
    return refused('rows', `Een waarde in tabel ${name} past niet in de database van de server.`);
  return null;
}

/**
 * The organisation's settings are one row under a fixed id, which the server has from its own setup (`inrichten`):
 * the desk that takes its records along brings its own name, address, IBAN and logo, and they replace the server's
 * as long as nobody changed those since the setup (a second desk does not overwrite the first one's).
 */
async function replaceSettings(ctx: WriteCtx, rows: Record<string, unknown>[]): Promise<ImportedRows> {
  const [row, ...more] = rows;
  if (!row || more.length > 0 || row.id !== settingsId)
    throw refused('rows', 'Tabel settings neemt alleen de instellingen van de organisatie over.');
  const { id: _id, version: _version, updated_at: _at, ...values } = row;
  // Version 1 is the row as the setup wrote it.
  await updateVersioned(
    ctx,
    'settings',
    { id: settingsId, version: 1 },
    { ...values, updated_at: ctx.now },
    null,
  ).catch((thrown: unknown) => {
    if (thrown instanceof Failure && thrown.error.code === 'conflict')
      throw refused(
        'rows',
        'De instellingen van de organisatie zijn op de server al gewijzigd sinds die is ingericht; ze blijven zoals ze daar zijn.',
      );
    throw thrown;
  });
  return { table: 'settings', rijen: 1 };
}

export async function importRows(ctx: WriteCtx, input: ImportRowsInput): Promise<ImportedRows> {
  const name = input.table;
  const table = (await uploadTables(ctx.db)).get(name);
  if (!table) throw refused('table', `Tabel ${name} kan niet van een computer worden overgenomen.`);
  const rows = input.rows.map((row) => storedRow(name, table, row));
  if (name === 'settings') return replaceSettings(ctx, rows);
  await refuseExisting(
    ctx,
    name,
    rows.map((r) => r.id as string),
  );
  if (name === 'accounts') await refuseTakenUsernames(ctx, rows);
  try {
    await ctx.db
      .insertInto(name as 'persons')
      .values(rows as never)
      .execute();
  } catch (thrown) {
    throw databaseRefusal(name, thrown) ?? thrown;
  }
  // The granted allowance is derived in the same transaction as claims change (claims/granted.ts).
  if (name === 'claims') {
    const claims = rows as unknown as ClaimRow[];
    await adjustGrantedAllowance(
      ctx.db,
      claims.filter((c) => grantedStatuses.has(c.status)),
      1,
    );
  }
  return { table: name, rijen: rows.length };
}
