/**
 * Anonymising a person after the retention period. What goes: every fact about them (name, contact details, birth
 * date, origin, languages, notes, IBAN), their POP, begeleidingslog and intervisie membership, the receipts, the
 * free text of contracts and claims, the printed contract PDFs, and the same data wherever the audit log or a
 * payment file repeats it. What stays, under a neutral name ('Verwijderd persoon 2026-0012'): the person row with
 * its status dates, the contracts' numbers, forms, periods and amounts, and every claim's date, kind, amount and
 * status, so the register's counts and the declaraties overviews add up as before.
 */
import { sql, type Transaction } from 'kysely';
import { anonymousFirstName } from '../../../shared/avg.ts';
import { contractDraftInput } from '../../../shared/contracts.ts';
import { formatIban } from '../../../shared/format.ts';
import { foldForSearch } from '../../../shared/search.ts';
import type { WriteCtx } from '../context.ts';
import { sepaText } from '../payouts/sepa.ts';
import { personSearchText } from '../persons/search-text.ts';
import type { DB, PersonsTable } from '../store/schema.ts';
import { removed, type ScrubTarget } from './audit-scrub.ts';

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

/** The draft with its free text removed; it still reads as a valid draft, so the contract screens keep working. */
export function scrubDraft(draft: string): string {
  const d = JSON.parse(draft) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    if (key === 'velden') out[key] = {};
    else if (key === 'kvkNummer') out[key] = '00000000';
    else if (typeof value === 'string' && !neutralTerms.has(key)) out[key] = removed;
    else out[key] = value;
  }
  contractDraftInput.parse(out);
  return JSON.stringify(out);
}

const bump = sql<number>`version + 1`;

/** 'Verwijderd persoon 2026-0012': numbered per year of removal, so two removals never share a name. */
export async function nextLabel(
  db: Transaction<DB>,
  year: string,
): Promise<{ voornaam: string; nummer: string }> {
  const taken = await db
    .selectFrom('retention_removals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('soort', '=', 'persoon')
    .where('label', 'like', `${anonymousFirstName} ${year}-%`)
    .executeTakeFirstOrThrow();
  return { voornaam: anonymousFirstName, nummer: `${year}-${String(Number(taken.n) + 1).padStart(4, '0')}` };
}

/** Every way the person's name, e-mail, phone and IBAN were ever written, from the record and its history. */
async function identifyingText(db: Transaction<DB>, person: PersonsTable) {
  const values: Record<string, Set<string>> = {
    voornaam: new Set([person.voornaam]),
    tussenvoegsel: new Set(person.tussenvoegsel ? [person.tussenvoegsel] : []),
    achternaam: new Set([person.achternaam]),
    roepnaam: new Set(person.roepnaam ? [person.roepnaam] : []),
    email: new Set(person.email ? [person.email] : []),
    telefoon: new Set(person.telefoon ? [person.telefoon] : []),
    iban: new Set(person.iban ? [person.iban] : []),
  };
  const history = await db
    .selectFrom('audit_log')
    .select('changes')
    .where('record_type', '=', 'person')
    .where('record_id', '=', person.id)
    .execute();
  for (const h of history) {
    for (const c of JSON.parse(h.changes) as { field: string; before: unknown; after: unknown }[]) {
      for (const v of [c.before, c.after])
        if (typeof v === 'string' && v && values[c.field]) values[c.field]?.add(v);
    }
  }
  const first = [...(values.voornaam ?? []), ...(values.roepnaam ?? [])];
  const names = new Set<string>();
  for (const v of first) {
    for (const a of values.achternaam ?? []) {
      names.add(`${v} ${a}`);
      for (const t of values.tussenvoegsel ?? []) names.add(`${v} ${t} ${a}`);
    }
  }
  return {
    names: [...names],
    sepaNames: new Set([...names].map((n) => sepaText(n, 70))),
    emails: [...(values.email ?? [])].map((e) => e.toLowerCase()),
    phones: [...(values.telefoon ?? [])],
    ibans: new Set([...(values.iban ?? [])].map((i) => i.replace(/\s+/g, '').toUpperCase())),
  };
}

/** A payment file with the person's transfers renamed and their account removed; other transfers untouched. */
export function scrubPaymentFile(
  xml: string,
  names: ReadonlySet<string>,
  ibans: ReadonlySet<string>,
  label: string,
) {
  return xml.replace(/<CdtTrfTxInf>[\s\S]*?<\/CdtTrfTxInf>/g, (block) => {
    const name = /<Cdtr>\s*<Nm>([^<]*)<\/Nm>/.exec(block)?.[1] ?? '';
    const iban = /<CdtrAcct>[\s\S]*?<IBAN>([^<]*)<\/IBAN>/.exec(block)?.[1] ?? '';
    if (!names.has(name) && !ibans.has(iban)) return block;
    return block
      .replace(/(<Cdtr>\s*<Nm>)[^<]*(<\/Nm>)/, `$1${sepaText(label, 70)}$2`)
      .replace(/(<CdtrAcct>[\s\S]*?<IBAN>)[^<]*(<\/IBAN>)/, `$1VERWIJDERD$2`);
  });
}

export interface Anonymised {
  label: string;
  counts: Record<string, number>;
  scrub: ScrubTarget;
  version: number;
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
    .select(['id', 'batch_id', 'omschrijving'])
    .where('person_id', '=', id)
    .execute();
  const claimIds = claims.map((c) => c.id);
  const sessions = (
    await db
      .selectFrom('intervisie_sessions')
      .select(['id', 'thema', 'samenvatting', 'aanwezig'])
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
  counts.bonnen =
    claimIds.length === 0
      ? 0
      : count(await db.deleteFrom('receipts').where('claim_id', 'in', claimIds).execute());

  for (const c of contracts) {
    await db
      .updateTable('contracts')
      .set({
        draft: scrubDraft(c.draft),
        snapshot: null,
        pdf: null,
        pdf_sha256: null,
        fiscale_reden: c.fiscale_reden ? removed : null,
        beeindigd_reden: c.beeindigd_reden ? removed : null,
        updated_at: ctx.now,
        version: c.version + 1,
      })
      .where('id', '=', c.id)
      .execute();
  }
  counts.contracten = contracts.length;
  if (claimIds.length > 0) {
    await db
      .updateTable('claims')
      .set({
        omschrijving: removed,
        van: null,
        naar: null,
        origineel: null,
        updated_at: ctx.now,
        version: bump,
      })
      .where('person_id', '=', id)
      .execute();
    await db
      .updateTable('claims')
      .set({ reden_afwijzing: removed })
      .where('person_id', '=', id)
      .where('reden_afwijzing', 'is not', null)
      .execute();
  }
  counts.declaraties = claimIds.length;
  await db
    .updateTable('person_status_history')
    .set({ toelichting: null, version: bump })
    .where('person_id', '=', id)
    .where('toelichting', 'is not', null)
    .execute();

  // Payment files already made keep their amounts; the person's name and account in them go.
  const batchIds = [...new Set(claims.map((c) => c.batch_id).filter((b): b is string => b !== null))];
  const batches =
    batchIds.length === 0
      ? []
      : await db
          .selectFrom('payout_batches')
          .select(['id', 'xml', 'version'])
          .where('id', 'in', batchIds)
          .execute();
  for (const b of batches) {
    const xml = scrubPaymentFile(b.xml, known.sepaNames, known.ibans, label);
    if (xml !== b.xml) {
      await db
        .updateTable('payout_batches')
        .set({ xml, updated_at: ctx.now, version: b.version + 1 })
        .where('id', '=', b.id)
        .execute();
    }
  }

  // Others' records that name the person: the intervisie sessions they attended and the entries made from them.
  const nameScrub = (text: string | null) => {
    if (text === null) return null;
    let out = text;
    for (const n of [...known.names].sort((a, b) => b.length - a.length))
      out = out.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), label);
    return out;
  };
  for (const s of sessions) {
    const thema = nameScrub(s.thema) ?? s.thema;
    const samenvatting = nameScrub(s.samenvatting);
    if (thema !== s.thema || samenvatting !== s.samenvatting) {
      await db
        .updateTable('intervisie_sessions')
        .set({ thema, samenvatting, version: bump })
        .where('id', '=', s.id)
        .execute();
    }
    const copies = await db
      .selectFrom('log_entries')
      .select(['id', 'samenvatting'])
      .where('session_id', '=', s.id)
      .execute();
    for (const e of copies) {
      const text = nameScrub(e.samenvatting) ?? e.samenvatting;
      if (text !== e.samenvatting) {
        await db
          .updateTable('log_entries')
          .set({ samenvatting: text, version: bump })
          .where('id', '=', e.id)
          .execute();
      }
    }
  }

  const version = person.version + 1;
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
  await db
    .updateTable('persons')
    .set({
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
      begeleider_id: null,
      notities: null,
      search_text: personSearchText({ ...anonymous, talen: [] }),
      sort_name: foldForSearch(label),
      updated_at: ctx.now,
      version,
    })
    .where('id', '=', id)
    .where('version', '=', person.version)
    .execute();

  const phrases = [
    ...known.names.map((text) => ({ text, replacement: label })),
    ...[...known.sepaNames].map((text) => ({ text, replacement: label })),
    ...known.emails.map((text) => ({ text, replacement: removed })),
    ...known.phones.map((text) => ({ text, replacement: removed })),
    ...[...known.ibans].flatMap((iban) => [
      { text: iban, replacement: removed },
      { text: formatIban(iban), replacement: removed },
    ]),
  ];
  return {
    label,
    counts,
    version,
    scrub: {
      recordIds: new Set([
        id,
        ...contracts.map((c) => c.id),
        ...(pop ? [pop.id] : []),
        ...entryIds,
        ...claimIds,
      ]),
      phrases,
      csvKeys: known.emails,
      summaryLabel: label,
    },
  };
}
