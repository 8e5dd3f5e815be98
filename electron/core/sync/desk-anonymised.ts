/**
 * A person anonymised on the server (avg.anonymise, there or pushed from a desk) arrives on a desk by pull: their
 * rows anonymised, and a retention_removals row of soort 'persoon' that marks it. The desk also keeps command input
 * outside its tables, and this forgets what of it concerns that person, in the transaction of the page that
 * brought the marker (so a pull cut short never leaves one without the other):
 * - Te verwerken: each item about them keeps its call and moment, loses its input, server message and conflict
 *   details, and reads as refused with a notice that says why (resolved ones too, though no one sees them). The
 *   user finds out what happened to their change instead of it vanishing; only letting it go remains.
 * - The outbox: each waiting command about them moves to Te verwerken the same way. The server would refuse it
 *   (nothing is written about an anonymised person) and the refusal would carry the input back into the inbox.
 *   avg.anonymise itself stays: its input is ids only, and it may be the very command that made the marker, its
 *   answer lost, which the server then answers again as applied.
 * - The undo log needs no step of its own: the pull's first page has put every row in it back and emptied it
 *   before any page applies, and the replay after the pull fills it again only from the commands still waiting,
 *   on the rows as the server now has them.
 *
 * "About them": the command's input or the ids it drew name the person, a record of theirs (any row with their
 * person_id, before and after the page applies, so one the page deletes counts too), or a record drawn by an
 * earlier command about them. Ids are UUIDv7 strings, unique, so they are looked for in the input's JSON text
 * whatever its shape.
 */
import type { Transaction } from 'kysely';
import type { PulledTable } from '../../../shared/sync.ts';
import type { DB } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import type { CommandContext } from './desk-outbox.ts';
import { syncedTables } from './desk-undo.ts';
import { rowsOf } from './wire-rows.ts';

/** What stands in for the input of a command about an anonymised person. */
export const forgottenInput = JSON.stringify({ invoer: '[verwijderd]' });

export const anonymisedNotice = (label: string) =>
  `Deze wijziging ging over een sleutelpersoon die na de bewaartermijn is geanonimiseerd (nu ‘${label}’). Over deze persoon wordt niets meer vastgelegd: de wijziging wordt niet verwerkt, en wat je invoerde is van deze computer verwijderd. Kies ‘Laten vervallen’.`;

/** A person a page reports anonymised, with the ids of their records on this desk. */
export interface Anonymised {
  personId: string;
  label: string;
  at: string;
  records: Set<string>;
}

const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const idsIn = (json: string) => (json.match(uuids) ?? []).map((id) => id.toLowerCase());

/** Adds the ids of every row on the desk that carries one of these people's person_id. */
async function addRecords(transaction: Transaction<DB>, people: readonly Anonymised[]): Promise<void> {
  const byPerson = new Map(people.map((p) => [p.personId, p]));
  for (const [table, columns] of await syncedTables(transaction)) {
    if (!columns.some((c) => c.name === 'person_id')) continue;
    const rows = await transaction
      // Any table with a person_id; kysely types none chosen at run time.
      .selectFrom(table as 'contracts')
      .select(['id', 'person_id'])
      .where('person_id', 'in', [...byPerson.keys()])
      .execute();
    for (const row of rows) byPerson.get(row.person_id)?.records.add(row.id.toLowerCase());
  }
}

/**
 * The people this page reports anonymised, with their records as the desk holds them before the page applies.
 * Called in the page's transaction, before its rows are written.
 */
export async function anonymisedOnPage(
  transaction: Transaction<DB>,
  tables: readonly PulledTable[],
): Promise<Anonymised[]> {
  const people: Anonymised[] = [];
  const removals = tables.filter((t) => t.table === 'retention_removals').flatMap((t) => rowsOf(t));
  for (const row of removals) {
    if (row.soort !== 'persoon') continue;
    if (typeof row.person_id !== 'string') continue;
    const personId = row.person_id.toLowerCase();
    people.push({ personId, label: String(row.label), at: String(row.at), records: new Set([personId]) });
  }
  if (people.length > 0) await addRecords(transaction, people);
  return people;
}

/** Forgets the input about these people in Te verwerken and the outbox; after the page's rows are written. */
export async function forgetAnonymised(transaction: Transaction<DB>, people: Anonymised[]): Promise<void> {
  if (people.length === 0) return;
  await addRecords(transaction, people);
  const inbox = await transaction
    .selectFrom('sync_inbox')
    .select(['id', 'input', 'context', 'version'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const outbox = await transaction
    .selectFrom('sync_outbox')
    .selectAll()
    .where('call', '<>', 'avg.anonymise')
    .orderBy('position')
    .execute();
  /** The person a command is about, taking in the ids it drew: a later command may name those. */
  const about = (input: string, context: string): Anonymised | undefined => {
    const drawn = (JSON.parse(context) as CommandContext).ids.map((id) => id.toLowerCase());
    const named = [...idsIn(input), ...drawn];
    const person = people.find((p) => named.some((id) => p.records.has(id)));
    if (person) for (const id of drawn) person.records.add(id);
    return person;
  };

  // Versioned: an item changes under whoever has it open, whose choice is then refused and who sees it anew.
  const write = { db: transaction, audit: () => undefined };
  for (const item of inbox) {
    const person = about(item.input, item.context);
    if (!person || item.input === forgottenInput) continue;
    const values = {
      input: forgottenInput,
      outcome: 'afgewezen' as const,
      message: anonymisedNotice(person.label),
      details: null,
    };
    await updateVersioned(write, 'sync_inbox', item, values, null);
  }
  for (const command of outbox) {
    const person = about(command.input, command.context);
    if (!person) continue;
    await transaction.deleteFrom('sync_outbox').where('id', '=', command.id).execute();
    await transaction
      .insertInto('sync_inbox')
      .values({
        id: command.id,
        account_id: command.account_id,
        call: command.call,
        input: forgottenInput,
        context: command.context,
        outcome: 'afgewezen',
        message: anonymisedNotice(person.label),
        details: null,
        created_at: person.at,
      })
      .execute();
  }
}
