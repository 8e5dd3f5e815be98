import { type ClaimKind, claimKindShort } from '../../../shared/claims.ts';
import { formatCents, formatDate, formatMonthSpan } from '../../../shared/format.ts';
import { sepaIbanProblem } from '../../../shared/iban.ts';
import type { BatchStatus, PayoutBatch } from '../../../shared/payouts.ts';
import { fullName } from '../../../shared/persons.ts';
import type { WriteCtx } from '../context.ts';
import { Failure, invalidField, invalidFields, notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import type { PayoutBatchesTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned, updateVersionedMany } from '../versioning.ts';
import { buildPain001, SepaError, type SepaTransfer, sepaId, validatePain001 } from './sepa.ts';

/** Who can fix the organisation's IBAN, said to whoever meets the problem (the administrateur cannot). */
function organisationIbanHint(iban: string | null, problem: string): string {
  return iban
    ? `${problem}; de beheerder past het IBAN van de organisatie aan bij Instellingen`
    : 'ontbreekt; de beheerder vult het IBAN van de organisatie in bij Instellingen';
}

interface BatchClaim {
  status: string;
  datum: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  iban: string | null;
}

/** Why this claim cannot go into a batch, or null: gone, not approved, already in one, or nowhere to pay it to. */
function whyNotInBatch(c: BatchClaim | undefined): string | null {
  if (!c) return 'deze declaratie bestaat niet (meer)';
  const what = `de declaratie van ${fullName({ ...c, roepnaam: null })} van ${formatDate(c.datum)}`;
  if (c.status === 'in_batch') return `${what} is al in een batch`;
  if (c.status !== 'goedgekeurd') return `${what} is niet goedgekeurd`;
  const problem = sepaIbanProblem(c.iban);
  return problem
    ? `${what} kan niet worden betaald: IBAN ontbreekt of klopt niet (${problem}); vul het in bij de sleutelpersoon`
    : null;
}

/**
 * The SEPA builder's problems at the place they belong: a transfer's at the first of its person's claims, the
 * paying account's at the organisation's IBAN, the date's at the date.
 */
function sepaProblemFields(
  err: SepaError,
  perPerson: { id: string }[][],
  claimIds: readonly string[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const problem of err.problems) {
    const transfer = /^transfers\.(\d+)/.exec(problem.field);
    const firstClaim = transfer ? perPerson[Number(transfer[1])]?.[0]?.id : undefined;
    const key = firstClaim
      ? `claimIds.${claimIds.indexOf(firstClaim)}`
      : problem.field.startsWith('debtor.')
        ? 'organisatieIban'
        : problem.field === 'executionDate'
          ? 'uitvoerdatum'
          : 'claimIds';
    fields[key] = fields[key] ? `${fields[key]}; ${problem.message}` : problem.message;
  }
  return fields;
}

/** One transfer per person (see payouts.create), so the transfer count is the number of people paid. */
function toBatch(row: PayoutBatchesTable): PayoutBatch {
  return {
    id: row.id,
    version: row.version,
    nummer: row.nummer,
    status: row.status as BatchStatus,
    uitvoerdatum: row.uitvoerdatum,
    aantal: row.aantal,
    totaalCents: row.totaal_cents,
    personen: row.aantal,
    createdAt: row.created_at,
  };
}

async function loadBatch(ctx: WriteCtx, id: string, version: number, allowed: BatchStatus[], what: string) {
  const row = await ctx.db.selectFrom('payout_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze betaalbatch');
  await assertCurrent(ctx.db, 'payout_batches', { id, version });
  if (!allowed.includes(row.status as BatchStatus))
    throw new Failure('invalid_input', `${what} kan niet: deze batch is ${row.status}.`);
  return row;
}

async function moveClaims(ctx: WriteCtx, batchId: string, to: string, clearBatch: boolean) {
  const claims = await ctx.db
    .selectFrom('claims')
    .select(['id', 'version'])
    .where('batch_id', '=', batchId)
    .execute();
  await updateVersionedMany(
    ctx,
    'claims',
    claims,
    { status: to, ...(clearBatch ? { batch_id: null } : {}), updated_at: ctx.now },
    null,
  );
}

async function setStatus(ctx: WriteCtx, row: PayoutBatchesTable, status: BatchStatus, summary: string) {
  return updateVersioned(
    ctx,
    'payout_batches',
    row,
    { status, updated_at: ctx.now },
    { recordType: 'payout', summary, changes: [{ field: 'status', before: row.status, after: status }] },
  );
}

/** Approved claims paid by one SEPA file: one transfer per person, with a remittance text they can read. */
export const payoutsHandlers = {
  'payouts.list': async (ctx) => {
    const rows = await ctx.db
      .selectFrom('payout_batches')
      .selectAll()
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toBatch);
  },

  'payouts.create': async (ctx, input) => {
    if (input.uitvoerdatum < ctx.today) throw invalidField('uitvoerdatum', 'ligt in het verleden');
    const settings = await loadSettings(ctx.db);
    const debtorProblem = sepaIbanProblem(settings.iban);
    if (debtorProblem)
      throw invalidField('organisatieIban', organisationIbanHint(settings.iban, debtorProblem));
    const claims = await ctx.db
      .selectFrom('claims')
      .innerJoin('persons', 'persons.id', 'claims.person_id')
      .select([
        'claims.id',
        'claims.version',
        'claims.status',
        'claims.soort',
        'claims.datum',
        'claims.bedrag_cents',
        'claims.person_id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.iban',
      ])
      .where('claims.id', 'in', input.claimIds)
      .execute();
    // Every claim that cannot go in has its reason at its own place in the input, so the screen shows it there.
    const byId = new Map(claims.map((c) => [c.id, c]));
    const refused: Record<string, string> = {};
    input.claimIds.forEach((id, i) => {
      const reason = whyNotInBatch(byId.get(id));
      if (reason) refused[`claimIds.${i}`] = reason;
    });
    const reasons = Object.values(refused);
    if (reasons.length > 0) {
      throw invalidFields(
        `Geen betaalbatch gemaakt: ${reasons[0]}${reasons.length > 1 ? ` (en ${reasons.length - 1} meer)` : ''}. Laat ${reasons.length === 1 ? 'deze declaratie' : 'deze declaraties'} weg of los het op; er is niets veranderd.`,
        refused,
      );
    }
    const count = await ctx.db
      .selectFrom('payout_batches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const nummer = `B${ctx.today.slice(0, 4)}-${String(Number(count.n) + 1).padStart(4, '0')}`;
    const byPerson = new Map<string, typeof claims>();
    for (const c of claims) byPerson.set(c.person_id, [...(byPerson.get(c.person_id) ?? []), c]);
    const transfers: SepaTransfer[] = [...byPerson.values()].map((list, i) => {
      const first = list[0] as (typeof claims)[number];
      const kinds = [...new Set(list.map((c) => claimKindShort[c.soort as ClaimKind].toLowerCase()))].join(
        ', ',
      );
      // Every month the claims come from, not only the first one's.
      const month = formatMonthSpan(list.map((c) => c.datum));
      return {
        endToEndId: sepaId(`${nummer}-${i + 1}`, 35),
        name: fullName({ ...first, roepnaam: null }),
        iban: first.iban ?? '',
        amountCents: list.reduce((n, c) => n + c.bedrag_cents, 0),
        remittance: `${settings.naam}: ${list.length} declaratie${list.length === 1 ? '' : 's'} (${kinds}) ${month}`,
      };
    });
    let xml: string;
    try {
      xml = buildPain001({
        messageId: sepaId(nummer, 35),
        createdAt: ctx.now,
        executionDate: input.uitvoerdatum,
        debtor: { name: settings.naam, iban: settings.iban ?? '', bic: settings.bic },
        transfers,
      });
    } catch (err) {
      if (err instanceof SepaError) {
        throw invalidFields(
          `Betaalbestand niet gemaakt: ${err.message}`,
          sepaProblemFields(err, [...byPerson.values()], input.claimIds),
        );
      }
      throw err;
    }
    const checked = await validatePain001(xml);
    if (!checked.valid)
      throw new Failure(
        'internal',
        `Het betaalbestand voldoet niet aan het bankformaat: ${checked.errors[0] ?? ''}`,
      );
    const id = ctx.newId();
    const totaal = transfers.reduce((n, t) => n + t.amountCents, 0);
    await ctx.db
      .insertInto('payout_batches')
      .values({
        id,
        nummer,
        status: 'concept',
        uitvoerdatum: input.uitvoerdatum,
        aantal: transfers.length,
        totaal_cents: totaal,
        xml,
        account_id: ctx.account?.id ?? null,
        created_at: ctx.now,
        updated_at: ctx.now,
        version: 1,
      })
      .execute();
    await updateVersionedMany(
      ctx,
      'claims',
      claims,
      { status: 'in_batch', batch_id: id, updated_at: ctx.now },
      null,
    );
    ctx.audit({
      recordType: 'payout',
      recordId: id,
      recordVersion: 1,
      summary: `Betaalbatch ${nummer}: ${transfers.length} betalingen, ${formatCents(totaal)}`,
      changes: [{ field: 'status', before: null, after: 'concept' }],
    });
    return { id, version: 1 };
  },

  'payouts.file': async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('payout_batches')
      .select(['nummer', 'xml'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Deze betaalbatch');
    if (row.xml === '') {
      throw new Failure(
        'not_found',
        'Het betaalbestand van deze batch is na de fiscale bewaartermijn verwijderd; aantal en totaal staan nog in de lijst.',
      );
    }
    return { fileName: `sepa-${row.nummer}.xml`, base64: Buffer.from(row.xml, 'utf8').toString('base64') };
  },

  'payouts.submit': async (ctx, input) => {
    const row = await loadBatch(ctx, input.id, input.version, ['concept'], 'Aanbieden');
    return setStatus(ctx, row, 'aangeboden', `Betaalbatch ${row.nummer} aangeboden aan de bank`);
  },

  'payouts.paid': async (ctx, input) => {
    const row = await loadBatch(ctx, input.id, input.version, ['aangeboden'], 'Betaald melden');
    await moveClaims(ctx, row.id, 'betaald', false);
    return setStatus(ctx, row, 'betaald', `Betaalbatch ${row.nummer} betaald`);
  },

  'payouts.cancel': async (ctx, input) => {
    const row = await loadBatch(ctx, input.id, input.version, ['concept'], 'Annuleren');
    await moveClaims(ctx, row.id, 'goedgekeurd', true);
    return setStatus(
      ctx,
      row,
      'geannuleerd',
      `Betaalbatch ${row.nummer} geannuleerd; declaraties weer goedgekeurd`,
    );
  },
} satisfies AreaHandlers<'payouts'>;
