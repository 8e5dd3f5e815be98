import type { z } from 'zod';
import { type claimCorrectInput, type claimCreateInput, claimKindLabels } from '../../../shared/claims.ts';
import { formatCents } from '../../../shared/format.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { ClaimsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { activeContracts, claimAmount, contractOn } from './contract-terms.ts';
import type { readReceipt } from './receipts.ts';

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
    contract_id: contract?.id ?? null,
    soort: fields.soort,
    datum: fields.datum,
    omschrijving: fields.omschrijving,
    van: fields.van,
    naar: fields.naar,
    km: fields.km ?? null,
    minuten: fields.minuten ?? null,
    bedrag_cents: amount,
    origineel: null,
    status: 'ingediend',
    reden_afwijzing: null,
    batch_id: null,
    account_id: ctx.account?.id ?? null,
    beoordeeld_door: null,
    beoordeeld_op: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  };
  await ctx.db.insertInto('claims').values(row).execute();
  if (receipts.length > 0) {
    await ctx.db
      .insertInto('receipts')
      .values(receipts.map((r) => ({ id: ctx.newId(), claim_id: id, ...r, created_at: ctx.now, version: 1 })))
      .execute();
  }
  ctx.audit({
    recordType: 'claim',
    recordId: id,
    recordVersion: 1,
    summary: `Declaratie ingediend: ${formatCents(amount)} (${person.naam}), ${claimKindLabels[fields.soort].toLowerCase()}`,
    changes: diff(null, { ...snapshot(row), bonnen: receipts.length }),
  });
  return { id, version: 1 };
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
  const next = {
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
  return updateVersioned(
    ctx,
    'claims',
    { id, version },
    { ...next, origineel: row.origineel ?? JSON.stringify(snapshot(row)), updated_at: ctx.now },
    {
      recordType: 'claim',
      summary: `Declaratie gecorrigeerd vóór beoordeling: ${formatCents(amount)} (${person.naam})`,
      changes: diff(snapshot(row), snapshot({ ...row, ...next })),
    },
  );
}
