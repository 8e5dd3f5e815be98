/**
 * Uitstroom: what a person went on to when they stopped (paid work, study, another organisation, …), one record
 * per stop. Given with the status change to gestopt, or recorded later; editable afterwards.
 */
import type { z } from 'zod';
import type { Saved } from '../../../shared/contract.ts';
import {
  type Outflow,
  type OutflowKind,
  outflowKindLabels,
  type outflowUpdateInput,
} from '../../../shared/doorgroei.ts';
import { formatDate } from '../../../shared/format.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { invalidField, notFound } from '../failure.ts';
import { updateVersioned } from '../versioning.ts';

export interface OutflowFields {
  datum: string;
  vervolg: OutflowKind;
  toelichting: string | null;
}

export async function listOutflows(db: Reader, personId: string): Promise<Outflow[]> {
  const rows = await db
    .selectFrom('doorgroei_outflows')
    .leftJoin('accounts', 'accounts.id', 'doorgroei_outflows.account_id')
    .selectAll('doorgroei_outflows')
    .select('accounts.display_name')
    .where('doorgroei_outflows.person_id', '=', personId)
    .orderBy('doorgroei_outflows.datum', 'desc')
    .orderBy('doorgroei_outflows.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    datum: r.datum,
    vervolg: r.vervolg as OutflowKind,
    toelichting: r.toelichting,
    doorNaam: r.display_name,
  }));
}

/** The audit log keeps the kind and the date; the toelichting stays in the record. */
const snapshot = (o: OutflowFields) => ({ vervolg: outflowKindLabels[o.vervolg], datum: o.datum });

function refuseFuture(datum: string, today: string): void {
  if (datum > today) throw invalidField('datum', 'een uitstroom ligt niet in de toekomst');
}

/**
 * Records an uitstroom for a person whose status is gestopt, in the caller's transaction (the status change's,
 * or doorgroei.addOutflow's).
 */
export async function recordOutflow(
  ctx: WriteCtx,
  person: { id: string; naam: string },
  fields: OutflowFields,
): Promise<Saved> {
  refuseFuture(fields.datum, ctx.today);
  const id = ctx.newId();
  await ctx.db
    .insertInto('doorgroei_outflows')
    .values({
      id,
      person_id: person.id,
      datum: fields.datum,
      vervolg: fields.vervolg,
      toelichting: fields.toelichting,
      account_id: ctx.account?.id ?? null,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    })
    .execute();
  ctx.audit({
    recordType: 'uitstroom',
    recordId: id,
    recordVersion: 1,
    summary: `Uitstroom vastgelegd: ${person.naam}, ${outflowKindLabels[fields.vervolg].toLowerCase()} per ${formatDate(fields.datum)}`,
    changes: diff(null, snapshot(fields)),
  });
  return { id, version: 1 };
}

/** Whose uitstroom this is, before anything is checked or changed. */
export async function outflowPersonId(db: Reader, id: string): Promise<string> {
  const row = await db
    .selectFrom('doorgroei_outflows')
    .select('person_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deze uitstroom');
  return row.person_id;
}

export async function updateOutflow(
  ctx: WriteCtx,
  input: z.output<typeof outflowUpdateInput>,
  person: { naam: string },
): Promise<Saved> {
  const before = await ctx.db
    .selectFrom('doorgroei_outflows')
    .select(['datum', 'vervolg'])
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow();
  refuseFuture(input.datum, ctx.today);
  const fields = { datum: input.datum, vervolg: input.vervolg, toelichting: input.toelichting };
  return updateVersioned(
    ctx,
    'doorgroei_outflows',
    input,
    { ...fields, updated_at: ctx.now },
    {
      recordType: 'uitstroom',
      summary: `Uitstroom gewijzigd: ${person.naam}`,
      changes: diff(
        snapshot({ ...before, vervolg: before.vervolg as OutflowKind, toelichting: null }),
        snapshot(fields),
      ),
    },
  );
}
