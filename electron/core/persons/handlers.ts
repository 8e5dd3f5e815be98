import type { z } from 'zod';
import { mayCall, seesWellbeingNotes } from '../../../shared/permissions.ts';
import type { PersonLanguage, PersonStatus, personCreateInput } from '../../../shared/persons.ts';
import { fullName, statusLabels } from '../../../shared/persons.ts';
import { listAudit } from '../audit/read.ts';
import { diff, type WriteCtx } from '../context.ts';
import { recordOutflow } from '../doorgroei/outflow.ts';
import { Failure, invalidField } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import type { PersonsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { listPersons } from './list.ts';
import { personSnapshot } from './person-rows.ts';
import { loadPerson, refuseIfAnonymised } from './read.ts';
import { personSearchText, personSortName } from './search-text.ts';

type PersonFields = Omit<z.output<typeof personCreateInput>, 'status' | 'statusDatum'>;

async function checkFields(ctx: WriteCtx, fields: PersonFields): Promise<void> {
  if (fields.geboortedatum && fields.geboortedatum > ctx.today) {
    throw invalidField('geboortedatum', 'ligt in de toekomst');
  }
  if (fields.begeleiderId) {
    const begeleider = await ctx.db
      .selectFrom('accounts')
      .select(['active'])
      .where('id', '=', fields.begeleiderId)
      .executeTakeFirst();
    if (begeleider?.active !== 1) throw invalidField('begeleiderId', 'kies een actief account');
  }
}

function columns(fields: PersonFields, ctx: WriteCtx) {
  return {
    voornaam: fields.voornaam,
    tussenvoegsel: fields.tussenvoegsel,
    achternaam: fields.achternaam,
    roepnaam: fields.roepnaam,
    geboortedatum: fields.geboortedatum,
    gender: fields.gender,
    herkomstland: fields.herkomstland,
    niveau_nederlands: fields.niveauNederlands,
    straat: fields.straat,
    huisnummer: fields.huisnummer,
    postcode: fields.postcode,
    plaats: fields.plaats,
    gemeente: fields.gemeente,
    telefoon: fields.telefoon,
    email: fields.email,
    iban: fields.iban,
    bijstand: fields.bijstand ? 1 : 0,
    toestemming_nodig: fields.toestemmingNodig ? 1 : 0,
    toestemming_datum: fields.toestemmingDatum,
    vog_afgiftedatum: fields.vogAfgiftedatum,
    vog_vernieuwdatum: fields.vogVernieuwdatum,
    begeleider_id: fields.begeleiderId,
    notities: fields.notities,
    search_text: personSearchText({ ...fields, talen: fields.talen.map((language) => language.taal) }),
    sort_name: personSortName(fields),
    updated_at: ctx.now,
  } satisfies Partial<PersonsTable>;
}

async function writeLanguages(ctx: WriteCtx, personId: string, talen: PersonLanguage[]): Promise<void> {
  await ctx.db.deleteFrom('person_languages').where('person_id', '=', personId).execute();
  if (talen.length === 0) return;
  await ctx.db
    .insertInto('person_languages')
    .values(
      talen.map((language, position) => ({
        id: ctx.newId(),
        person_id: personId,
        position,
        ...language,
        version: 1,
      })),
    )
    .execute();
}

async function addStatus(
  ctx: WriteCtx,
  personId: string,
  status: PersonStatus,
  datum: string,
  toelichting: string | null,
): Promise<void> {
  await ctx.db
    .insertInto('person_status_history')
    .values({
      id: ctx.newId(),
      person_id: personId,
      status,
      datum,
      toelichting,
      account_id: ctx.account?.id ?? null,
      created_at: ctx.now,
      version: 1,
    })
    .execute();
}

export const personsHandlers = {
  'persons.list': (ctx, input) => {
    // The Dutch level per skill is doorgroei, which the administrateur does not see: nor through the register.
    if (input.nederlands && !mayCall(ctx.account, 'doorgroei.get'))
      throw new Failure('forbidden', 'Geen toegang: je rol mag niet filteren op het niveau Nederlands.');
    if (input.basistraining && !mayCall(ctx.account, 'scholing.listForPerson'))
      throw new Failure('forbidden', 'Geen toegang: je rol mag niet filteren op gevolgde trainingen.');
    return listPersons(ctx.db, input);
  },

  'persons.filterOptions': async (ctx) => {
    const gemeenten = await ctx.db
      .selectFrom('persons')
      .select('gemeente')
      .distinct()
      .where('gemeente', 'is not', null)
      .orderBy('gemeente')
      .execute();
    const talen = await ctx.db
      .selectFrom('person_languages')
      .select('taal')
      .distinct()
      .orderBy('taal')
      .execute();
    return { gemeenten: gemeenten.map((row) => row.gemeente as string), talen: talen.map((row) => row.taal) };
  },

  'persons.get': async (ctx, input) => {
    const person = await loadPerson(ctx.db, input.id);
    return seesWellbeingNotes(ctx.account) ? person : { ...person, notities: null };
  },

  'persons.statusHistory': async (ctx, input) => {
    const rows = await ctx.db
      .selectFrom('person_status_history')
      .leftJoin('accounts', 'accounts.id', 'person_status_history.account_id')
      .select([
        'person_status_history.id',
        'person_status_history.status',
        'person_status_history.datum',
        'person_status_history.toelichting',
        'person_status_history.created_at',
        'accounts.display_name',
      ])
      .where('person_status_history.person_id', '=', input.id)
      .orderBy('person_status_history.datum', 'desc')
      .orderBy('person_status_history.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      status: row.status as PersonStatus,
      datum: row.datum,
      toelichting: row.toelichting,
      doorNaam: row.display_name,
      at: row.created_at,
    }));
  },

  'persons.changes': async (ctx, input) => {
    const page = await listAudit(
      ctx.db,
      { recordId: input.id, recordType: 'person', call: null, page: 0, pageSize: 200, from: null, to: null },
      ctx.account,
    );
    return page.rows;
  },

  'persons.create': async (ctx, input) => {
    await checkFields(ctx, input);
    const id = ctx.newId();
    await ctx.db
      .insertInto('persons')
      .values({
        id,
        ...columns(input, ctx),
        status: input.status,
        status_datum: input.statusDatum,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    await writeLanguages(ctx, id, input.talen);
    await addStatus(ctx, id, input.status, input.statusDatum, null);
    ctx.audit({
      recordType: 'person',
      recordId: id,
      recordVersion: 1,
      summary: `Sleutelpersoon toegevoegd: ${fullName(input)}`,
      changes: diff(null, personSnapshot(input)),
    });
    return { id, version: 1 };
  },

  'persons.update': async (ctx, input) => {
    const before = await loadPerson(ctx.db, input.id);
    refuseIfAnonymised(before);
    await assertCurrent(ctx.db, 'persons', input);
    const fields = seesWellbeingNotes(ctx.account) ? input : { ...input, notities: before.notities };
    await checkFields(ctx, fields);
    const saved = await updateVersioned(ctx, 'persons', input, columns(fields, ctx), {
      recordType: 'person',
      summary: `Gegevens gewijzigd: ${fullName(fields)}`,
      changes: diff(personSnapshot(before), personSnapshot({ ...before, ...fields })),
    });
    await writeLanguages(ctx, input.id, fields.talen);
    return saved;
  },

  'persons.setStatus': async (ctx, input) => {
    const before = await loadPerson(ctx.db, input.id);
    refuseIfAnonymised(before);
    if (input.datum > ctx.today) throw invalidField('datum', 'een statuswijziging ligt niet in de toekomst');
    const saved = await updateVersioned(
      ctx,
      'persons',
      input,
      { status: input.status, status_datum: input.datum, updated_at: ctx.now },
      {
        recordType: 'person',
        summary: `Status ${statusLabels[input.status].toLowerCase()}: ${before.naam}`,
        changes: diff(
          { status: before.status, statusDatum: before.statusDatum },
          { status: input.status, statusDatum: input.datum },
        ),
      },
    );
    await addStatus(ctx, input.id, input.status, input.datum, input.toelichting);
    // What the person went on to, in the same transaction: a stop is never saved with half its uitstroom.
    if (input.uitstroom) await recordOutflow(ctx, before, { ...input.uitstroom, datum: input.datum });
    return saved;
  },
} satisfies AreaHandlers<'persons'>;
