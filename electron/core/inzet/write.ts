/**
 * Saving and removing an activity: the head row versioned, its people, tags and reach replaced under the head's
 * version, the claims it prepares kept in step, and a matched request marked done.
 */

import type { z } from 'zod';
import { formatDate, formatMinutes } from '../../../shared/format.ts';
import type { InzetFields, inzetRemoveInput, inzetSaveInput } from '../../../shared/inzet.ts';
import { fullName } from '../../../shared/persons.ts';
import { activityKindLabels } from '../../../shared/work-vocabulary.ts';
import { markRequestDone } from '../aanvragen/done.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { requirePartner, requireProject } from '../ketenpartners/read.ts';
import { personsWithRemoval } from '../persons/read.ts';
import { assertCurrent, deleteVersioned, updateVersioned } from '../versioning.ts';
import {
  dropClaims,
  isDecided,
  linkedClaims,
  prepareClaims,
  refuseChangingDecided,
} from './prepared-claims.ts';

/** The people of an activity must exist, not be anonymised, and, for a begeleider, be their own. */
async function checkPeople(ctx: WriteCtx, personIds: string[]) {
  const rows = await personsWithRemoval(ctx.db)
    .select([
      'persons.id',
      'persons.voornaam',
      'persons.roepnaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.begeleider_id',
      'removal.id as removal_id',
    ])
    .where('persons.id', 'in', personIds)
    .execute();
  if (rows.length !== personIds.length)
    throw invalidField('personIds', 'een gekozen sleutelpersoon bestaat niet (meer)');
  const gone = rows.find((r) => r.removal_id !== null);
  if (gone)
    throw invalidField(
      'personIds',
      `${fullName(gone)} is geanonimiseerd; daarover wordt niets meer vastgelegd`,
    );
  refuseOthersPeople(ctx, rows);
  return rows;
}

/** A begeleider records inzet for the people they guide, and no one else. */
export function refuseOthersPeople(
  ctx: WriteCtx,
  rows: {
    begeleider_id: string | null;
    voornaam: string;
    roepnaam: string | null;
    tussenvoegsel: string | null;
    achternaam: string;
  }[],
) {
  if (ctx.account?.role !== 'begeleider') return;
  const others = rows.filter((r) => r.begeleider_id !== ctx.account?.id);
  if (others.length > 0)
    throw new Failure(
      'forbidden',
      `Je legt alleen inzet vast voor sleutelpersonen die jij begeleidt; ${others.map(fullName).join(', ')} ${others.length === 1 ? 'hoort' : 'horen'} niet bij jouw caseload.`,
    );
}

/** The request, partner and project an activity points at must exist; a request fills in what was left open. */
async function resolveLinks(ctx: WriteCtx, fields: InzetFields) {
  let { partnerId, projectId } = fields;
  let request = null;
  if (fields.requestId) {
    request = await ctx.db
      .selectFrom('requests')
      .select(['id', 'version', 'status', 'partner_id', 'project_id'])
      .where('id', '=', fields.requestId)
      .executeTakeFirst();
    if (!request) throw invalidField('requestId', 'deze aanvraag bestaat niet (meer)');
    if (request.status === 'niet_uitvoerbaar' || request.status === 'afgesloten')
      throw invalidField('requestId', 'deze aanvraag is al afgesloten');
    partnerId ??= request.partner_id;
    projectId ??= request.project_id;
  }
  const partnerNaam = partnerId ? (await requirePartner(ctx.db, partnerId)).naam : null;
  if (projectId) await requireProject(ctx.db, projectId);
  return { fields: { ...fields, partnerId, projectId }, partnerNaam, request };
}

const peopleCount = (n: number) => `${n} ${n === 1 ? 'sleutelpersoon' : 'sleutelpersonen'}`;

function headValues(ctx: WriteCtx, f: InzetFields) {
  return {
    datum: f.datum,
    minuten: f.minuten,
    partner_id: f.partnerId,
    request_id: f.requestId,
    project_id: f.projectId,
    soort: f.soort as string,
    gemeente: f.gemeente,
    bereik_volwassenen: f.bereikVolwassenen,
    bereik_kinderen: f.bereikKinderen,
    bereik_statushouders: f.bereikStatushouders,
    bereik_professionals: f.bereikProfessionals,
    hulpvraag_notitie: f.hulpvraagNotitie,
    uitkomst: f.uitkomst,
    updated_at: ctx.now,
  };
}

/**
 * What the audit log keeps of an activity. What it was about (hulpvraag, its note, the outcome) stays out: the log
 * is read by the beheerder, who may be the administrateur. People by id, not by name: an activity outlives the
 * anonymisation of a person on it, and its log entry must not keep their name.
 */
function audited(f: InzetFields) {
  return {
    datum: f.datum,
    minuten: f.minuten,
    soort: activityKindLabels[f.soort],
    personIds: f.personIds.join(', '),
    partnerId: f.partnerId,
    requestId: f.requestId,
    projectId: f.projectId,
    gemeente: f.gemeente,
    rollen: f.rollen.join(', '),
    bereikVolwassenen: f.bereikVolwassenen,
    bereikKinderen: f.bereikKinderen,
    bereikStatushouders: f.bereikStatushouders,
    bereikProfessionals: f.bereikProfessionals,
  };
}

async function writeChildren(ctx: WriteCtx, inzetId: string, f: InzetFields, claimOf: Map<string, string>) {
  await ctx.db
    .insertInto('inzet_persons')
    .values(
      f.personIds.map((personId) => ({
        id: ctx.newId(),
        inzet_id: inzetId,
        person_id: personId,
        claim_id: claimOf.get(personId) ?? null,
        version: 1,
      })),
    )
    .execute();
  const tags = [
    ...f.rollen.map((waarde) => ({ kind: 'rol', waarde })),
    ...f.leefgebieden.map((waarde) => ({ kind: 'leefgebied', waarde })),
    ...f.hulpvraag.map((waarde) => ({ kind: 'hulpvraag', waarde: waarde as string })),
    ...f.doorverwijzing.map((waarde) => ({ kind: 'doorverwijzing', waarde: waarde as string })),
  ];
  if (tags.length > 0)
    await ctx.db
      .insertInto('inzet_tags')
      .values(tags.map((t) => ({ id: ctx.newId(), inzet_id: inzetId, ...t, version: 1 })))
      .execute();
  const reach = [
    ...f.herkomst.map((r) => ({ dimensie: 'herkomst', ...r })),
    ...f.talen.map((r) => ({ dimensie: 'taal', ...r })),
  ].filter((r) => r.aantal > 0);
  if (reach.length > 0)
    await ctx.db
      .insertInto('inzet_reach')
      .values(reach.map((r) => ({ id: ctx.newId(), inzet_id: inzetId, ...r, version: 1 })))
      .execute();
}

async function deleteChildren(ctx: WriteCtx, inzetId: string) {
  await ctx.db.deleteFrom('inzet_persons').where('inzet_id', '=', inzetId).execute();
  await ctx.db.deleteFrom('inzet_tags').where('inzet_id', '=', inzetId).execute();
  await ctx.db.deleteFrom('inzet_reach').where('inzet_id', '=', inzetId).execute();
}

/** The people on an activity now, for the begeleider check on an edit and the audit entry. */
async function peopleOnActivity(ctx: WriteCtx, inzetId: string) {
  return ctx.db
    .selectFrom('inzet_persons')
    .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
    .select([
      'persons.id',
      'persons.voornaam',
      'persons.roepnaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.begeleider_id',
    ])
    .where('inzet_persons.inzet_id', '=', inzetId)
    .orderBy('persons.sort_name')
    .execute();
}

/** Creates or updates one activity with everything it carries; the claims it prepares follow. */
export async function saveInzet(ctx: WriteCtx, input: z.output<typeof inzetSaveInput>) {
  const { id: givenId, version, ...given } = input;
  if (given.datum > ctx.today)
    throw invalidField('datum', 'ligt in de toekomst; leg inzet vast als die gedaan is');
  await checkPeople(ctx, given.personIds);
  const { fields, partnerNaam, request } = await resolveLinks(ctx, given);
  const summaryOf = (verb: string) =>
    `Inzet ${verb}: ${activityKindLabels[fields.soort]} op ${formatDate(fields.datum)}, ${formatMinutes(fields.minuten)} (${peopleCount(fields.personIds.length)})`;

  let inzetId: string;
  let saved: { id: string; version: number };
  if (givenId) {
    const row = await ctx.db.selectFrom('inzet').selectAll().where('id', '=', givenId).executeTakeFirst();
    if (!row) throw notFound('Deze inzet');
    await assertCurrent(ctx.db, 'inzet', { id: givenId, version: version ?? 0 });
    const before = await peopleOnActivity(ctx, givenId);
    refuseOthersPeople(ctx, before);
    const linked = await linkedClaims(ctx.db, givenId);
    refuseChangingDecided(linked, fields, row);
    const { claimOf, dropped } = await prepareClaims(ctx, fields, partnerNaam, linked);
    const previous = await ctx.db
      .selectFrom('inzet_tags')
      .select(['kind', 'waarde'])
      .where('inzet_id', '=', givenId)
      .execute();
    saved = await updateVersioned(
      ctx,
      'inzet',
      { id: givenId, version: version ?? 0 },
      headValues(ctx, fields),
      {
        recordType: 'inzet',
        summary: summaryOf('gewijzigd'),
        changes: diff(
          audited({
            ...fields,
            personIds: before.map((p) => p.id),
            datum: row.datum,
            minuten: row.minuten,
            soort: row.soort as InzetFields['soort'],
            partnerId: row.partner_id,
            requestId: row.request_id,
            projectId: row.project_id,
            gemeente: row.gemeente,
            rollen: previous.filter((t) => t.kind === 'rol').map((t) => t.waarde),
            bereikVolwassenen: row.bereik_volwassenen,
            bereikKinderen: row.bereik_kinderen,
            bereikStatushouders: row.bereik_statushouders,
            bereikProfessionals: row.bereik_professionals,
          }),
          audited(fields),
        ),
      },
    );
    inzetId = givenId;
    await deleteChildren(ctx, inzetId);
    await writeChildren(ctx, inzetId, fields, claimOf);
    await dropClaims(ctx, dropped);
  } else {
    inzetId = ctx.newId();
    await ctx.db
      .insertInto('inzet')
      .values({
        id: inzetId,
        ...headValues(ctx, fields),
        account_id: ctx.account?.id ?? null,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    ctx.audit({
      recordType: 'inzet',
      recordId: inzetId,
      recordVersion: 1,
      summary: summaryOf('vastgelegd'),
      changes: diff(null, audited(fields)),
    });
    const { claimOf } = await prepareClaims(ctx, fields, partnerNaam, new Map());
    await writeChildren(ctx, inzetId, fields, claimOf);
    saved = { id: inzetId, version: 1 };
  }

  // The request is done once its inzet is recorded (the aanvragen area's one rule for it).
  if (request) await markRequestDone(ctx, request.id, fields.datum);
  return saved;
}

/** Removes an activity, unless a claim it prepared is approved or paid; its submitted claims go with it. */
export async function removeInzet(ctx: WriteCtx, input: z.output<typeof inzetRemoveInput>) {
  const row = await ctx.db.selectFrom('inzet').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Deze inzet');
  await assertCurrent(ctx.db, 'inzet', input);
  const people = await peopleOnActivity(ctx, input.id);
  refuseOthersPeople(ctx, people);
  const linked = await linkedClaims(ctx.db, input.id);
  const fixed = [...linked.values()].find((c) => isDecided(c.status));
  if (fixed)
    throw new Failure(
      'conflict',
      `Deze inzet kan niet worden verwijderd: de declaratie van ${fixed.naam} is al ${fixed.status === 'betaald' ? 'betaald' : 'goedgekeurd'}.`,
    );
  await deleteChildren(ctx, input.id);
  await dropClaims(
    ctx,
    [...linked.values()].filter((c) => c.status === 'ingediend'),
  );
  await deleteVersioned(ctx, 'inzet', input);
  ctx.audit({
    recordType: 'inzet',
    recordId: input.id,
    recordVersion: null,
    summary: `Inzet verwijderd: ${activityKindLabels[row.soort as InzetFields['soort']] ?? row.soort} op ${formatDate(row.datum)}, ${formatMinutes(row.minuten)} (${peopleCount(people.length)})`,
    changes: [],
  });
  return { count: 1 };
}
