import type { ParsedInput } from '../../../shared/contract.ts';
import { formatDateLong } from '../../../shared/format.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import type { ContractsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { loadRow, requireStatus } from './contract-rows.ts';

/** A definitief contract signed or ended: the status and its date change, audited as those fields. */
async function saveStatusChange(
  ctx: WriteCtx,
  row: ContractsTable,
  set: Partial<ContractsTable>,
  summary: string,
): Promise<{ id: string; version: number }> {
  return updateVersioned(
    ctx,
    'contracts',
    row,
    { ...set, updated_at: ctx.now },
    {
      recordType: 'contract',
      summary,
      changes: diff(
        { status: row.status, getekendDatum: row.getekend_datum, beeindigdDatum: row.beeindigd_datum },
        {
          status: set.status ?? row.status,
          getekendDatum: set.getekend_datum ?? row.getekend_datum,
          beeindigdDatum: set.beeindigd_datum ?? row.beeindigd_datum,
        },
      ),
    },
  );
}

/** contracts.sign: the date a definitief contract was signed, not in the future nor before it was made definitief. */
export async function signContract(ctx: WriteCtx, input: ParsedInput<'contracts.sign'>) {
  const row = await loadRow(ctx.db, input.id);
  requireStatus(row, ['definitief'], 'Ondertekening vastleggen');
  await assertCurrent(ctx.db, 'contracts', input);
  if (input.datum > ctx.today) throw invalidField('datum', 'ligt in de toekomst');
  if (row.definitief_at && input.datum < row.definitief_at.slice(0, 10)) {
    throw invalidField(
      'datum',
      `ligt vóór het definitief maken (${formatDateLong(row.definitief_at.slice(0, 10))})`,
    );
  }
  return saveStatusChange(
    ctx,
    row,
    { status: 'getekend', getekend_datum: input.datum },
    `Contract ${row.nummer} getekend op ${formatDateLong(input.datum)}`,
  );
}

/**
 * contracts.end: a definitief or signed contract ends on a date, with a reason: not before it began, and not after
 * its own end date. Ending only shortens a contract; a longer one is a wijziging, checked and printed anew.
 */
export async function endContract(ctx: WriteCtx, input: ParsedInput<'contracts.end'>) {
  const row = await loadRow(ctx.db, input.id);
  requireStatus(row, ['definitief', 'getekend'], 'Beëindigen');
  await assertCurrent(ctx.db, 'contracts', input);
  if (input.datum < row.startdatum) throw invalidField('datum', 'ligt vóór de begindatum van het contract');
  if (row.einddatum && input.datum > row.einddatum) {
    throw invalidField(
      'datum',
      `ligt na de einddatum van het contract (${formatDateLong(row.einddatum)}); beëindigen kan een contract alleen inkorten. Verlengen gaat met Wijzigen.`,
    );
  }
  return saveStatusChange(
    ctx,
    row,
    { status: 'beeindigd', beeindigd_datum: input.datum, beeindigd_reden: input.reden },
    `Contract ${row.nummer} beëindigd per ${formatDateLong(input.datum)}`,
  );
}

/**
 * contracts.amend: a definitief or signed contract is changed through a new concept version under the same number,
 * once: a second amendment works on the newer version.
 */
export async function amendContract(ctx: WriteCtx, input: ParsedInput<'contracts.amend'>) {
  const row = await loadRow(ctx.db, input.id);
  requireStatus(row, ['definitief', 'getekend'], 'Wijzigen');
  await assertCurrent(ctx.db, 'contracts', input);
  const successor = await ctx.db
    .selectFrom('contracts')
    .select(['id', 'versie'])
    .where('vorige_id', '=', row.id)
    .executeTakeFirst();
  if (successor) {
    throw new Failure(
      'conflict',
      `Er is al een nieuwere versie (${successor.versie}) van dit contract; werk die bij.`,
    );
  }
  const id = ctx.newId();
  await ctx.db
    .insertInto('contracts')
    .values({
      id,
      person_id: row.person_id,
      nummer: row.nummer,
      versie: row.versie + 1,
      vorige_id: row.id,
      vorm: row.vorm,
      status: 'concept',
      profile_version_id: row.profile_version_id,
      draft: row.draft,
      startdatum: row.startdatum,
      einddatum: row.einddatum,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    })
    .execute();
  ctx.audit({
    recordType: 'contract',
    recordId: id,
    recordVersion: 1,
    summary: `Wijziging van contract ${row.nummer}: concept versie ${row.versie + 1}`,
    changes: [{ field: 'versie', before: row.versie, after: row.versie + 1 }],
  });
  return { id, version: 1 };
}
