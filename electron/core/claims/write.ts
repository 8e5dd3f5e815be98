import type { z } from 'zod';
import {
  type claimCorrectInput,
  type claimCreateInput,
  claimKindLabels,
  type claimSetReceiptsInput,
} from '../../../shared/claims.ts';
import { formatCents } from '../../../shared/format.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { requireProject } from '../ketenpartners/read.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { ClaimsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { activeContracts, claimAmount, contractOn } from './contract-terms.ts';
import { readReceipt } from './receipts.ts';

export type ClaimFields = Omit<z.output<typeof claimCreateInput>, 'bonnen'>;

/**
 * Checks a claim against its person (exists, not anonymised) and its date (not in the future), finds the contract
 * running on that date and works out the amount from the contract's terms.
 */
async function validateAndPriceClaim(ctx: WriteCtx, f: ClaimFields) {
  const person = await loadPerson(ctx.db, f.personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  refuseIfAnonymised(person);
  if (f.datum > ctx.today) throw invalidField('datum', 'ligt in de toekomst');
  if (f.projectId) await requireProject(ctx.db, f.projectId);
  const contracts = await activeContracts(ctx.db, [f.personId]);
  const contract = contractOn(contracts.get(f.personId), f.datum);
  const amount = claimAmount(
    f.soort,
    { km: f.km ?? null, minuten: f.minuten ?? null, bedragCents: f.bedragCents ?? null },
    contract,
  );
  // A kind the contract does not allow is recorded (so it can be seen and rejected) at the amount entered, or zero.
  return { person, contract, amount: amount ?? f.bedragCents ?? 0 };
}

/** The entered values of a claim as the audit log and the correction's `origineel` keep them. */
function snapshot(
  row: Pick<
    ClaimsTable,
    'soort' | 'datum' | 'omschrijving' | 'van' | 'naar' | 'km' | 'minuten' | 'bedrag_cents'
  >,
) {
  return {
    soort: row.soort,
    datum: row.datum,
    omschrijving: row.omschrijving,
    van: row.van,
    naar: row.naar,
    km: row.km,
    minuten: row.minuten,
    bedragCents: row.bedrag_cents,
  };
}

/** A claim's receipts as rows of their own. */
async function insertReceipts(ctx: WriteCtx, claimId: string, receipts: ReturnType<typeof readReceipt>[]) {
  if (receipts.length === 0) return;
  await ctx.db
    .insertInto('receipts')
    .values(
      receipts.map((r) => ({ id: ctx.newId(), claim_id: claimId, ...r, created_at: ctx.now, version: 1 })),
    )
    .execute();
}

/** Stores one claim with its receipts and audits it: the one path for entered and imported claims. */
export async function insertClaim(
  ctx: WriteCtx,
  fields: ClaimFields,
  receipts: ReturnType<typeof readReceipt>[],
) {
  const { person, contract, amount } = await validateAndPriceClaim(ctx, fields);
  const id = ctx.newId();
  const row: ClaimsTable = {
    id,
    person_id: fields.personId,
    ...claimColumns(fields, contract, amount),
    origineel: null,
    status: 'ingediend',
    reden_afwijzing: null,
    batch_id: null,
    account_id: ctx.account?.id ?? null,
    beoordeeld_door: null,
    beoordeeld_op: null,
    project_id: fields.projectId ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  };
  await ctx.db.insertInto('claims').values(row).execute();
  await insertReceipts(ctx, id, receipts);
  ctx.audit({
    recordType: 'claim',
    recordId: id,
    recordVersion: 1,
    summary: `Declaratie ingediend: ${formatCents(amount)} (${person.naam}), ${claimKindLabels[fields.soort].toLowerCase()}`,
    changes: diff(null, { ...snapshot(row), bonnen: receipts.length }),
  });
  return { id, version: 1 };
}

/** The columns a claim's entered fields fill, entered anew or corrected: one mapping for both. */
function claimColumns(fields: ClaimFields, contract: { id: string } | null, amount: number) {
  return {
    contract_id: contract?.id ?? null,
    soort: fields.soort,
    datum: fields.datum,
    omschrijving: fields.omschrijving,
    van: fields.van,
    naar: fields.naar,
    km: fields.km ?? null,
    minuten: fields.minuten ?? null,
    bedrag_cents: amount,
  };
}

/** Corrects a submitted claim before it is decided; the values first entered stay visible beside the new ones. */
export async function correctClaim(ctx: WriteCtx, input: z.output<typeof claimCorrectInput>) {
  const { id, version, ...fields } = input;
  const row = await ctx.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze declaratie');
  if (row.status !== 'ingediend')
    throw new Failure('invalid_input', 'Alleen een ingediende declaratie kan nog gecorrigeerd worden.');
  await assertCurrent(ctx.db, 'claims', { id, version });
  if (fields.personId !== row.person_id)
    throw invalidField('personId', 'een declaratie hoort bij één persoon');
  const { person, contract, amount } = await validateAndPriceClaim(ctx, fields);
  const next = claimColumns(fields, contract, amount);
  return updateVersioned(
    ctx,
    'claims',
    { id, version },
    {
      ...next,
      ...(fields.projectId === undefined ? {} : { project_id: fields.projectId }),
      origineel: row.origineel ?? JSON.stringify(snapshot(row)),
      updated_at: ctx.now,
    },
    {
      recordType: 'claim',
      summary: `Declaratie gecorrigeerd vóór beoordeling: ${formatCents(amount)} (${person.naam})`,
      changes: diff(snapshot(row), snapshot({ ...row, ...next })),
    },
  );
}

/**
 * Gives a submitted claim its receipts after the fact (an imported claim, or one entered before the receipt came
 * in), or replaces the ones it has (a wrong or unreadable photo), until it is decided. Each file is typed by its
 * content, as on entry. The claim's version moves on, so a desk that read it before sees the change.
 */
export async function setClaimReceipts(ctx: WriteCtx, input: z.output<typeof claimSetReceiptsInput>) {
  const row = await ctx.db
    .selectFrom('claims')
    .select((eb) => [
      'id',
      'status',
      eb
        .selectFrom('receipts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('receipts.claim_id', '=', 'claims.id')
        .as('bonnen'),
    ])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw notFound('Deze declaratie');
  if (row.status !== 'ingediend') {
    throw new Failure(
      'invalid_input',
      'Alleen bij een ingediende declaratie kunnen nog bonnen worden toegevoegd of vervangen.',
    );
  }
  const receipts = input.bonnen.map((b, i) => readReceipt(b.base64, i));
  const before = Number(row.bonnen ?? 0);
  const saved = await updateVersioned(
    ctx,
    'claims',
    { id: input.id, version: input.version },
    { updated_at: ctx.now },
    {
      recordType: 'claim',
      summary:
        before === 0
          ? `${receipts.length === 1 ? 'Bon' : 'Bonnen'} toegevoegd aan declaratie`
          : `${before === 1 ? 'Bon' : 'Bonnen'} van declaratie vervangen`,
      changes: [{ field: 'bonnen', before, after: receipts.length }],
    },
  );
  await ctx.db.deleteFrom('receipts').where('claim_id', '=', input.id).execute();
  await insertReceipts(ctx, input.id, receipts);
  return saved;
}
