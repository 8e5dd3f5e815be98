import type { z } from 'zod';
import {
  type Claim,
  type ClaimKind,
  type ClaimStatus,
  type claimCreateInput,
  claimKindLabels,
} from '../../../shared/claims.ts';
import { formatCents } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import type { ClaimsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { type CheckedClaim, claimChecks } from './checks.ts';
import { activeContracts, claimAmount, contractOn } from './contract-terms.ts';
import { parseClaimsCsv } from './import.ts';
import { readReceipt } from './receipts.ts';

type ClaimFields = Omit<z.output<typeof claimCreateInput>, 'bonnen'>;

const allowedBy = (claim: CheckedClaim & Partial<ClaimsTable>, contract: Parameters<typeof claimAmount>[2]) =>
  claimAmount(
    claim.soort as ClaimKind,
    { km: claim.km ?? null, minuten: claim.uren ?? null, bedragCents: claim.bedrag_cents },
    contract,
  ) !== null;

/** Validates a claim against the person, the date and the contract, and works out its amount. */
async function prepare(ctx: WriteCtx, f: ClaimFields) {
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

function snapshot(
  row: Pick<
    ClaimsTable,
    'soort' | 'datum' | 'omschrijving' | 'van' | 'naar' | 'km' | 'uren' | 'bedrag_cents'
  >,
) {
  return {
    soort: row.soort,
    datum: row.datum,
    omschrijving: row.omschrijving,
    van: row.van,
    naar: row.naar,
    km: row.km,
    minuten: row.uren,
    bedragCents: row.bedrag_cents,
  };
}

export async function listClaims(
  db: Reader,
  filter: {
    ids?: string[];
    personIds?: string[] | null;
    maand?: string | null;
    soort?: string | null;
    status?: string | null;
  },
) {
  let q = db
    .selectFrom('claims')
    .innerJoin('persons', 'persons.id', 'claims.person_id')
    .leftJoin('contracts', 'contracts.id', 'claims.contract_id')
    .selectAll('claims')
    .select((eb) => [
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'contracts.nummer',
      eb
        .selectFrom('receipts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('receipts.claim_id', '=', 'claims.id')
        .as('bonnen'),
    ]);
  if (filter.ids) q = q.where('claims.id', 'in', filter.ids);
  if (filter.personIds) q = q.where('claims.person_id', 'in', filter.personIds);
  if (filter.maand) q = q.where('claims.datum', 'like', `${filter.maand}-%`);
  if (filter.soort) q = q.where('claims.soort', '=', filter.soort);
  if (filter.status) q = q.where('claims.status', '=', filter.status);
  const rows = await q.orderBy('claims.datum', 'desc').orderBy('persons.sort_name').execute();
  const contracts = await activeContracts(db, [...new Set(rows.map((r) => r.person_id))]);
  const checks = await claimChecks(
    db,
    rows.map((r) => ({ ...r, bonnen: Number(r.bonnen ?? 0) })),
    contracts,
    allowedBy,
  );
  return rows.map(
    (r): Claim => ({
      id: r.id,
      version: r.version,
      personId: r.person_id,
      personNaam: fullName(r),
      contractNummer: r.nummer,
      soort: r.soort as ClaimKind,
      datum: r.datum,
      omschrijving: r.omschrijving,
      van: r.van,
      naar: r.naar,
      km: r.km,
      minuten: r.uren,
      bedragCents: r.bedrag_cents,
      origineel: r.origineel ? (JSON.parse(r.origineel) as Record<string, unknown>) : null,
      status: r.status as ClaimStatus,
      redenAfwijzing: r.reden_afwijzing,
      bonnen: Number(r.bonnen ?? 0),
      // Checks speak before approval; a claim already decided carries none.
      checks: r.status === 'ingediend' ? (checks.get(r.id)?.checks ?? []) : [],
      ruimteCents: r.status === 'ingediend' ? (checks.get(r.id)?.ruimteCents ?? null) : null,
    }),
  );
}

async function loadForReview(ctx: WriteCtx, items: { id: string; version: number }[]) {
  const rows = await ctx.db
    .selectFrom('claims')
    .selectAll()
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((item, i) => {
    const row = byId.get(item.id);
    if (!row) throw invalidField(`items.${i}.id`, 'deze declaratie bestaat niet (meer)');
    if (row.version !== item.version) {
      throw new Failure(
        'conflict',
        'Een of meer declaraties zijn intussen gewijzigd. Er is niets opgeslagen; laad de lijst opnieuw.',
      );
    }
    if (row.status !== 'ingediend') {
      throw invalidField(
        `items.${i}.id`,
        `de declaratie van ${row.datum} is al ${row.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'}`,
      );
    }
    return row;
  });
}

/** Records the administrateur's decision on one submitted claim, with who and when, and audits it. */
async function decide(
  ctx: WriteCtx,
  row: { id: string; version: number },
  status: 'goedgekeurd' | 'afgewezen',
  reden: string | null,
  summary: string,
) {
  await updateVersioned(
    ctx,
    'claims',
    row,
    {
      status,
      reden_afwijzing: reden,
      beoordeeld_door: ctx.account?.id ?? null,
      beoordeeld_op: ctx.now,
      updated_at: ctx.now,
    },
    { recordType: 'claim', summary, changes: [{ field: 'status', before: 'ingediend', after: status }] },
  );
}

/** Stores one claim with its receipts and audits it: the one path for entered and imported claims. */
async function insertClaim(ctx: WriteCtx, fields: ClaimFields, receipts: ReturnType<typeof readReceipt>[]) {
  const { person, contract, amount } = await prepare(ctx, fields);
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
    uren: fields.minuten ?? null,
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
  for (const r of receipts) {
    await ctx.db
      .insertInto('receipts')
      .values({ id: ctx.newId(), claim_id: id, ...r, created_at: ctx.now, version: 1 })
      .execute();
  }
  ctx.audit({
    recordType: 'claim',
    recordId: id,
    recordVersion: 1,
    summary: `Declaratie ${claimKindLabels[fields.soort].toLowerCase()} ${formatCents(amount)}: ${person.naam}`,
    changes: diff(null, { ...snapshot(row), bonnen: receipts.length }),
  });
  return { id, version: 1 };
}

export const claimsHandlers = {
  'claims.list': async (ctx, input) => {
    // A begeleider sees the status of their own caseload's claims only.
    let personIds: string[] | null = input.personId ? [input.personId] : null;
    if (ctx.account?.role === 'begeleider') {
      const own = await ctx.db
        .selectFrom('persons')
        .select('id')
        .where('begeleider_id', '=', ctx.account.id)
        .execute();
      const mine = own.map((p) => p.id);
      personIds = personIds ? personIds.filter((id) => mine.includes(id)) : mine;
      if (personIds.length === 0) return [];
    }
    const claims = await listClaims(ctx.db, {
      personIds,
      maand: input.maand,
      soort: input.soort,
      status: input.status,
    });
    return input.alleenMetMelding ? claims.filter((c) => c.checks.length > 0) : claims;
  },

  'claims.receipts': async (ctx, input) => {
    const claim = await ctx.db
      .selectFrom('claims')
      .select(['person_id'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!claim) throw notFound('Deze declaratie');
    const rows = await ctx.db
      .selectFrom('receipts')
      .select(['mime', 'bytes'])
      .where('claim_id', '=', input.id)
      .orderBy('created_at')
      .execute();
    const ext = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as Record<
      string,
      string
    >;
    return rows.map((r, i) => ({
      fileName: `bon-${i + 1}.${ext[r.mime] ?? 'bin'}`,
      mime: r.mime,
      base64: Buffer.from(r.bytes).toString('base64'),
    }));
  },

  'claims.create': async (ctx, input) => {
    const { bonnen, ...fields } = input;
    const receipts = bonnen.map((b, i) => readReceipt(b.base64, i));
    return insertClaim(ctx, fields, receipts);
  },

  'claims.import': async (ctx, input) => {
    const rows = await parseClaimsCsv(ctx.db, input.csv);
    for (const fields of rows) await insertClaim(ctx, fields, []);
    return { count: rows.length };
  },

  'claims.correct': async (ctx, input) => {
    const { id, version, ...fields } = input;
    const row = await ctx.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Deze declaratie');
    if (row.status !== 'ingediend')
      throw new Failure('invalid_input', 'Alleen een ingediende declaratie kan nog gecorrigeerd worden.');
    await assertCurrent(ctx.db, 'claims', { id, version });
    if (fields.personId !== row.person_id)
      throw invalidField('personId', 'een declaratie hoort bij één persoon');
    const { contract, amount } = await prepare(ctx, fields);
    const next = {
      contract_id: contract?.id ?? null,
      soort: fields.soort,
      datum: fields.datum,
      omschrijving: fields.omschrijving,
      van: fields.van,
      naar: fields.naar,
      km: fields.km ?? null,
      uren: fields.minuten ?? null,
      bedrag_cents: amount,
    };
    return updateVersioned(
      ctx,
      'claims',
      { id, version },
      { ...next, origineel: row.origineel ?? JSON.stringify(snapshot(row)), updated_at: ctx.now },
      {
        recordType: 'claim',
        summary: 'Declaratie gecorrigeerd vóór beoordeling',
        changes: diff(snapshot(row), snapshot({ ...row, ...next })),
      },
    );
  },

  'claims.approve': async (ctx, input) => {
    const rows = await loadForReview(ctx, input.items);
    // In date order, each against what is approved before it: two claims together can cross a limit.
    const ordered = [...rows].sort((a, b) => a.datum.localeCompare(b.datum));
    for (const row of ordered) {
      const [checked] = await listClaims(ctx.db, { ids: [row.id] });
      const blocking = checked?.checks.filter((c) => c.blocking) ?? [];
      if (blocking.length > 0) {
        throw new Failure(
          'invalid_input',
          `Niet goedgekeurd: ${checked?.personNaam}, ${row.datum}: ${blocking.map((b) => b.message).join(' ')} Corrigeer of wijs deze declaratie af; er is niets goedgekeurd.`,
        );
      }
      await decide(ctx, row, 'goedgekeurd', null, `Declaratie goedgekeurd: ${formatCents(row.bedrag_cents)}`);
    }
    return { count: rows.length };
  },

  'claims.reject': async (ctx, input) => {
    const rows = await loadForReview(ctx, input.items);
    for (const [i, row] of rows.entries()) {
      const reden = input.items[i]?.reden ?? '';
      await decide(ctx, row, 'afgewezen', reden, `Declaratie afgewezen: ${reden}`);
    }
    return { count: rows.length };
  },
} satisfies AreaHandlers<'claims'>;
