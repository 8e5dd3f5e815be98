import { type ClaimKind, claimKindShort } from '../../../shared/claims.ts';
import { formatCents, formatDate, formatMonthSpan } from '../../../shared/format.ts';
import type { BatchStatus, PayoutBatch } from '../../../shared/payouts.ts';
import { fullName } from '../../../shared/persons.ts';
import type { WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import type { PayoutBatchesTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned, updateVersionedMany } from '../versioning.ts';
import { buildPain001, SepaError, type SepaTransfer, sepaId, validatePain001 } from './sepa.ts';

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
    if (!settings.iban)
      throw invalidField('uitvoerdatum', 'vul eerst het IBAN van de organisatie in bij Instellingen');
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
    if (claims.length !== new Set(input.claimIds).size)
      throw invalidField('claimIds', 'een of meer declaraties bestaan niet (meer)');
    const notApproved = claims.find((c) => c.status !== 'goedgekeurd');
    if (notApproved) {
      throw invalidField(
        'claimIds',
        `de declaratie van ${fullName({ ...notApproved, roepnaam: null })} van ${formatDate(notApproved.datum)} is ${notApproved.status === 'in_batch' ? 'al in een batch' : 'niet goedgekeurd'}`,
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
    const missing = transfers.find((t) => t.iban === '');
    if (missing)
      throw invalidField(
        'claimIds',
        `van ${missing.name} is geen IBAN bekend; vul het in bij de sleutelpersoon`,
      );
    let xml: string;
    try {
      xml = buildPain001({
        messageId: sepaId(nummer, 35),
        createdAt: ctx.now,
        executionDate: input.uitvoerdatum,
        debtor: { name: settings.naam, iban: settings.iban, bic: settings.bic },
        transfers,
      });
    } catch (err) {
      if (err instanceof SepaError)
        throw new Failure(
          'invalid_input',
          `Betaalbestand niet gemaakt: ${err.message}`,
          'claimIds',
          err.message,
        );
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
