/**
 * Anonymising a person after the retention period. What goes: the facts in their own records (name, contact
 * details, birth date, origin, languages, notes, IBAN), their POP, begeleidingslog and intervisie membership, the
 * receipts, training certificates and notes, the free text of their contracts and claims, the printed contract PDFs, and their transfers in every
 * stored payment file (found by IBAN). What stays, under a neutral name ('Verwijderd persoon 2026-0012'): the
 * person row with its status dates, the contracts' numbers, forms, periods and amounts, and every claim's date,
 * kind, amount and status, so the register's counts and the declaraties overviews add up as before.
 *
 * Text others wrote is changed only where it plainly names the person: their full name in the audit log and in
 * the intervisie sessions they attended, and there their first name too. A name another person in the register
 * also carries is left alone. A mention elsewhere (a first name in a colleague's verslag) is not guessed at:
 * remainingMentions counts those, for the beheerder to read; the audit log keeps its copy of such a verslag.
 */
import { sql, type Transaction } from 'kysely';
import { anonymousFirstName } from '../../../shared/avg.ts';
import { capitalise, formatIban } from '../../../shared/format.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { anonymiseAvailability } from '../aanvragen/retention.ts';
import type { WriteCtx } from '../context.ts';
import { anonymiseDoorgroei } from '../doorgroei/retention.ts';
import { personSearchText } from '../persons/search-text.ts';
import { anonymiseTrainings } from '../scholing/retention.ts';
import type { DB, PersonsTable } from '../store/schema.ts';
import { updateVersioned, updateVersionedMany } from '../versioning.ts';
import { removed, type ScrubTarget } from './audit-scrub.ts';
import { identifyingText } from './identity.ts';
import { scrubPaymentFile } from './payment-files.ts';
import { mentionsAny, type Phrase, PhraseReplacer } from './phrases.ts';

/** Contract terms that say nothing about the person; every other text in a draft is removed. */
const neutralTerms = new Set([
  'personId',
  'profileVersionId',
  'vorm',
  'vergoedingEenheid',
  'startdatum',
  'einddatum',
  'vasteBegeleiderId',
  'cao',
  'schaal',
  'trede',
  'tariefSoort',
]);

/** Texts anywhere inside a value removed; numbers (amounts, hours) and yes/no terms stay. */
function withoutText(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? value : removed;
  if (Array.isArray(value)) return value.map(withoutText);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutText(v)]));
  return value;
}

/**
 * The draft with its free text removed. A draft is stored as it was written, perhaps in an older shape than
 * today's form, so it is read as plain JSON, never against today's schema: unknown keys are scrubbed the same way.
 */
function scrubDraft(draft: string): string {
  let d: unknown;
  try {
    d = JSON.parse(draft);
  } catch {
    return '{}';
  }
  if (!d || typeof d !== 'object' || Array.isArray(d)) return '{}';
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    if (key === 'velden') out[key] = {};
    else if (key === 'kvkNummer') out[key] = typeof value === 'string' ? '00000000' : value;
    else if (neutralTerms.has(key)) out[key] = value;
    else out[key] = withoutText(value);
  }
  return JSON.stringify(out);
}

/** 'Verwijderd persoon 2026-0012': numbered per year of removal, so two removals never share a name. */
async function nextLabel(db: Transaction<DB>, year: string): Promise<{ voornaam: string; nummer: string }> {
  const taken = await db
    .selectFrom('retention_removals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('soort', '=', 'persoon')
    .where('label', 'like', `${anonymousFirstName} ${year}-%`)
    .executeTakeFirstOrThrow();
  return { voornaam: anonymousFirstName, nummer: `${year}-${String(Number(taken.n) + 1).padStart(4, '0')}` };
}

interface Anonymised {
  label: string;
  counts: Record<string, number>;
  scrub: ScrubTarget;
  version: number;
  /** Every first name the person had, to count the mentions left in others' text once everyone is done. */
  firstNames: string[];
}

/**
 * Anonymises one person inside the caller's transaction and returns what the audit scrub must still remove. The
 * caller has checked that the person may be anonymised.
 */
export async function anonymisePerson(ctx: WriteCtx, person: PersonsTable): Promise<Anonymised> {
  const db = ctx.db;
  const id = person.id;
  const known = await identifyingText(db, person);
  const { voornaam, nummer } = await nextLabel(db, ctx.today.slice(0, 4));
  const label = `${voornaam} ${nummer}`;

  const ids = async (q: Promise<{ id: string }[]>) => (await q).map((r) => r.id);
  const contracts = await db.selectFrom('contracts').selectAll().where('person_id', '=', id).execute();
  const pop = await db.selectFrom('pops').select('id').where('person_id', '=', id).executeTakeFirst();
  const entryIds = await ids(db.selectFrom('log_entries').select('id').where('person_id', '=', id).execute());
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'version', 'reden_afwijzing'])
    .where('person_id', '=', id)
    .execute();
  const claimIds = claims.map((c) => c.id);
  const sessions = (
    await db
      .selectFrom('intervisie_sessions')
      .select(['id', 'version', 'thema', 'samenvatting', 'aanwezig'])
      .where('aanwezig', 'like', `%${id}%`)
      .execute()
  ).filter((s) => (JSON.parse(s.aanwezig) as string[]).includes(id));

  const count = (n: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]) =>
    n.reduce((sum, r) => sum + Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0n), 0);
  const counts: Record<string, number> = {};

  counts.voortgangsnotities = count(
    await db.deleteFrom('goal_progress').where('person_id', '=', id).execute(),
  );
  counts.verslagen = count(await db.deleteFrom('log_entries').where('person_id', '=', id).execute());
  counts.popVersies = pop
    ? count(await db.deleteFrom('pop_versions').where('pop_id', '=', pop.id).execute())
    : 0;
  if (pop) await db.deleteFrom('pops').where('id', '=', pop.id).execute();
  counts.talen = count(await db.deleteFrom('person_languages').where('person_id', '=', id).execute());
  counts.intervisiegroepen = count(
    await db.deleteFrom('intervisie_members').where('person_id', '=', id).execute(),
  );
  const doorgroei = await anonymiseDoorgroei(ctx, id);
  Object.assign(counts, doorgroei.counts);
  const trainings = await anonymiseTrainings(ctx, id);
  Object.assign(counts, trainings.counts);
  const availability = await anonymiseAvailability(ctx, id);
  Object.assign(counts, availability.counts);
  counts.bonnen =
    claimIds.length === 0
      ? 0
      : count(await db.deleteFrom('receipts').where('claim_id', 'in', claimIds).execute());

  // The audit entry of the anonymisation as a whole is the caller's; these writes record none of their own.
  for (const c of contracts) {
    const scrubbed = {
      draft: scrubDraft(c.draft),
      snapshot: null,
      pdf: null,
      pdf_sha256: null,
      fiscale_reden: c.fiscale_reden ? removed : null,
      beeindigd_reden: c.beeindigd_reden ? removed : null,
    };
    await updateVersioned(ctx, 'contracts', c, { ...scrubbed, updated_at: ctx.now }, null);
  }
  counts.contracten = contracts.length;
  // A claim keeps its date, kind, amount and status; a rejected one that it was rejected, not why.
  const claimText = { omschrijving: removed, van: null, naar: null, origineel: null, updated_at: ctx.now };
  const rejected = claims.filter((c) => c.reden_afwijzing !== null);
  await updateVersionedMany(ctx, 'claims', rejected, { ...claimText, reden_afwijzing: removed }, null);
  const others = claims.filter((c) => c.reden_afwijzing === null);
  await updateVersionedMany(ctx, 'claims', others, claimText, null);
  counts.declaraties = claimIds.length;
  const notes = await db
    .selectFrom('person_status_history')
    .select(['id', 'version'])
    .where('person_id', '=', id)
    .where('toelichting', 'is not', null)
    .execute();
  await updateVersionedMany(ctx, 'person_status_history', notes, { toelichting: null }, null);

  // Payment files keep their amounts; the person's name and account go from every file that pays into one of
  // their accounts, also a cancelled batch's, whose claims no longer point at it.
  const ibans = [...known.ibans];
  const batches =
    ibans.length === 0
      ? []
      : await db
          .selectFrom('payout_batches')
          .select(['id', 'xml', 'version'])
          .where('xml', '!=', '')
          .where((eb) => eb.or(ibans.map((iban) => eb('xml', 'like', `%${iban}%`))))
          .execute();
  counts.betaalbestanden = 0;
  for (const b of batches) {
    const xml = scrubPaymentFile(b.xml, known.ibans, label);
    if (xml !== b.xml) {
      counts.betaalbestanden += 1;
      await updateVersioned(ctx, 'payout_batches', b, { xml, updated_at: ctx.now }, null);
    }
  }

  const identifiers: Phrase[] = [
    ...known.emails.map((text) => ({ text, replacement: removed })),
    ...known.phones.map((text) => ({ text, replacement: removed })),
    ...ibans.flatMap((iban) => [
      { text: iban, replacement: removed },
      { text: formatIban(iban), replacement: removed },
    ]),
  ];
  const names = known.names.map((text) => ({ text, replacement: label, name: true }));

  // The intervisie sessions they attended, and each attendee's entry copied from one, name them as a group
  // member: there the first name alone is theirs too (unless someone else in the register carries it).
  const firstNames = known.firstNames.map((text) => ({ text, replacement: label }));
  const inSessions = new PhraseReplacer([...names, ...firstNames, ...identifiers]);
  const sessionText = (text: string | null) => (text === null ? null : inSessions.replace(text));
  for (const s of sessions) {
    const thema = sessionText(s.thema) ?? s.thema;
    const samenvatting = sessionText(s.samenvatting);
    if (thema !== s.thema || samenvatting !== s.samenvatting)
      await updateVersioned(ctx, 'intervisie_sessions', s, { thema, samenvatting }, null);
    const copies = await db
      .selectFrom('log_entries')
      .select(['id', 'version', 'samenvatting'])
      .where('session_id', '=', s.id)
      .execute();
    for (const e of copies) {
      const text = sessionText(e.samenvatting) ?? e.samenvatting;
      if (text !== e.samenvatting) await updateVersioned(ctx, 'log_entries', e, { samenvatting: text }, null);
    }
  }

  const anonymous = {
    voornaam,
    tussenvoegsel: null,
    achternaam: nummer,
    roepnaam: null,
    email: null,
    telefoon: null,
    gemeente: null,
    plaats: null,
    herkomstland: null,
  };
  const { version } = await updateVersioned(
    ctx,
    'persons',
    person,
    {
      ...anonymous,
      geboortedatum: null,
      gender: null,
      niveau_nederlands: null,
      straat: null,
      huisnummer: null,
      postcode: null,
      iban: null,
      bijstand: 0,
      toestemming_nodig: 0,
      toestemming_datum: null,
      vog_afgiftedatum: null,
      vog_vernieuwdatum: null,
      begeleider_id: null,
      notities: null,
      search_text: personSearchText({ ...anonymous, talen: [] }),
      sort_name: foldForSearch(label),
      updated_at: ctx.now,
    },
    null,
  );

  return {
    label,
    counts,
    version,
    firstNames: known.allFirstNames,
    scrub: {
      recordIds: new Set([
        id,
        ...contracts.map((c) => c.id),
        ...(pop ? [pop.id] : []),
        ...entryIds,
        ...claimIds,
        ...doorgroei.recordIds,
        ...trainings.recordIds,
        ...availability.recordIds,
      ]),
      phrases: [...names, ...identifiers],
      firstNames: { personId: id, phrases: firstNames },
      csvKeys: known.emails,
      summaryLabel: label,
    },
  };
}

/** Free text where people write about others: a verslag, a session, a note, a claim, a contract's terms. */
const freeText = [
  ['log_entries', ['samenvatting', 'afspraken', 'opvolging']],
  ['intervisie_sessions', ['thema', 'samenvatting']],
  ['persons', ['notities']],
  ['person_status_history', ['toelichting']],
  ['goal_progress', ['notitie']],
  ['pop_versions', ['content']],
  ['claims', ['omschrijving', 'reden_afwijzing']],
  ['person_trainings', ['notitie']],
  ['contracts', ['draft', 'fiscale_reden', 'beeindigd_reden']],
  ['doorgroei_outflows', ['toelichting']],
] as const;

/**
 * How many texts still name one of these first names as a word (at least three letters), once the person's own
 * records are gone: mentions in what others wrote, for the beheerder to read and correct by hand.
 */
export async function remainingMentions(db: Transaction<DB>, firstNames: string[]): Promise<number> {
  const names = firstNames.filter((n) => n.trim().length >= 3);
  if (names.length === 0) return 0;
  // LIKE narrows (it ignores case for ASCII only, hence the spellings); the word pattern decides.
  const spellings = [
    ...new Set(
      names.flatMap((n) => {
        const lower = n.toLowerCase();
        return [n, lower, n.toUpperCase(), capitalise(lower)];
      }),
    ),
  ].map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
  let found = 0;
  for (const [table, columns] of freeText) {
    for (const column of columns) {
      const rows = await sql<{
        text: string;
      }>`select ${sql.ref(column)} as text from ${sql.table(table)} where ${sql.join(
        spellings.map((like) => sql`${sql.ref(column)} like ${like} escape '\\'`),
        sql` or `,
      )}`.execute(db);
      found += rows.rows.filter((r) => mentionsAny(r.text, names)).length;
    }
  }
  return found;
}
