import {
  type RetentionAnonymised,
  type RetentionOverview,
  type RetentionRemoval,
  retentionPeriod,
  retentionYears,
} from '../../../shared/avg.ts';
import { claimStatuses } from '../../../shared/claims.ts';
import { addYears } from '../../../shared/dates.ts';
import { formatCount } from '../../../shared/field-labels.ts';
import { formatDateLong } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import type { Reader, WriteCtx } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { type ReadRecord, updateVersioned } from '../versioning.ts';
import { anonymisePerson, remainingMentions } from './anonymise.ts';
import { scrubAudit } from './audit-scrub.ts';
import { closedClaimStatuses, purgeFinancial, removableBatches, removableClaims } from './financial.ts';

/** Claims not yet paid or rejected: they hold a person back from anonymisation. */
const openClaimStatuses = claimStatuses.filter(
  (s) => !(closedClaimStatuses as readonly string[]).includes(s),
);

/**
 * The retention limits on a given day: people who stopped before the first; financial records dated before the
 * second, the 1 January that lies the bewaarplicht's whole years after the end of their boekjaar.
 */
function retentionLimits(today: string) {
  return {
    personen: addYears(today, -retentionYears.personen),
    financieel: `${Number(today.slice(0, 4)) - retentionYears.financieel}-01-01`,
  };
}

/** Counts as audit changes: how many of each kind, never which. Kinds with none are left out. */
export const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([field, n]) => ({ field, before: null, after: n }));

async function recordRemoval(
  ctx: WriteCtx,
  row: { soort: 'persoon' | 'financieel'; personId: string | null; label: string; grens: string },
  counts: Record<string, number>,
): Promise<ReadRecord> {
  const id = ctx.newId();
  await ctx.db
    .insertInto('retention_removals')
    .values({
      id,
      soort: row.soort,
      person_id: row.personId,
      label: row.label,
      grens: row.grens,
      aantallen: JSON.stringify(counts),
      account_id: ctx.account?.id ?? null,
      at: ctx.now,
      version: 1,
    })
    .execute();
  return { id, version: 1 };
}

async function dueForAnonymisation(db: Reader, grens: string) {
  const rows = await db
    .selectFrom('persons')
    .select((eb) => [
      'persons.id',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'persons.status_datum',
      eb
        .selectFrom('contracts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('contracts.person_id', '=', 'persons.id')
        .as('contracten'),
      eb
        .selectFrom('log_entries')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('log_entries.person_id', '=', 'persons.id')
        .as('verslagen'),
      eb
        .selectFrom('claims')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('claims.person_id', '=', 'persons.id')
        .as('declaraties'),
      eb
        .selectFrom('claims')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('claims.person_id', '=', 'persons.id')
        .where('claims.status', 'in', openClaimStatuses)
        .as('open'),
    ])
    .where('persons.status', '=', 'gestopt')
    .where('persons.status_datum', '<', grens)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('retention_removals')
            .select('retention_removals.id')
            .whereRef('retention_removals.person_id', '=', 'persons.id'),
        ),
      ),
    )
    .orderBy('persons.status_datum')
    .orderBy('persons.sort_name')
    .execute();
  return rows.map((r) => {
    const open = Number(r.open ?? 0);
    return {
      id: r.id,
      naam: fullName(r),
      statusDatum: r.status_datum,
      contracten: Number(r.contracten ?? 0),
      verslagen: Number(r.verslagen ?? 0),
      declaraties: Number(r.declaraties ?? 0),
      blokkade:
        open > 0
          ? `${open} declaratie${open === 1 ? ' is' : 's zijn'} nog niet afgehandeld (betaald of afgewezen)`
          : null,
    };
  });
}

export const avgHandlers = {
  'avg.retention': async (ctx): Promise<RetentionOverview> => {
    const grens = retentionLimits(ctx.today);
    const years = await removableClaims(ctx.db, grens.financieel)
      .select((eb) => [
        eb.fn<string>('substr', ['claims.datum', eb.val(1), eb.val(4)]).as('jaar'),
        'claims.status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('claims.bedrag_cents').as('cents'),
      ])
      .groupBy(['jaar', 'claims.status'])
      .execute();
    const receipts = await removableClaims(ctx.db, grens.financieel)
      .innerJoin('receipts', 'receipts.claim_id', 'claims.id')
      .select((eb) => [
        eb.fn<string>('substr', ['claims.datum', eb.val(1), eb.val(4)]).as('jaar'),
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy('jaar')
      .execute();
    const receiptsPerYear = new Map(receipts.map((r) => [Number(r.jaar), Number(r.n)]));
    const jaren = new Map<number, RetentionOverview['financieel']['jaren'][number]>();
    for (const y of years) {
      const jaar = Number(y.jaar);
      const row = jaren.get(jaar) ?? {
        jaar,
        declaraties: 0,
        betaaldCents: 0,
        afgewezen: 0,
        bonnen: receiptsPerYear.get(jaar) ?? 0,
      };
      row.declaraties += Number(y.n);
      if (y.status === 'betaald') row.betaaldCents += Number(y.cents ?? 0);
      else row.afgewezen += Number(y.n);
      jaren.set(jaar, row);
    }
    const batches = await removableBatches(ctx.db, grens.financieel)
      .select(['id', 'nummer', 'uitvoerdatum', 'totaal_cents'])
      .orderBy('uitvoerdatum')
      .execute();
    const archief = await ctx.db
      .selectFrom('archived_claim_totals')
      .select((eb) => [
        eb.fn<string>('substr', ['maand', eb.val(1), eb.val(4)]).as('jaar'),
        'status',
        eb.fn.sum<number>('aantal').as('aantal'),
        eb.fn.sum<number>('bedrag_cents').as('cents'),
      ])
      .groupBy(['jaar', 'status'])
      .execute();
    const archiefJaren = new Map<number, RetentionOverview['archief'][number]>();
    for (const a of archief) {
      const jaar = Number(a.jaar);
      const row = archiefJaren.get(jaar) ?? { jaar, aantal: 0, betaaldCents: 0 };
      row.aantal += Number(a.aantal);
      if (a.status === 'betaald') row.betaaldCents += Number(a.cents ?? 0);
      archiefJaren.set(jaar, row);
    }
    const eerder = await ctx.db
      .selectFrom('retention_removals')
      .leftJoin('accounts', 'accounts.id', 'retention_removals.account_id')
      .select([
        'retention_removals.id',
        'retention_removals.soort',
        'retention_removals.label',
        'retention_removals.grens',
        'retention_removals.aantallen',
        'retention_removals.at',
        'accounts.display_name',
      ])
      .orderBy('retention_removals.at', 'desc')
      .orderBy('retention_removals.id', 'desc')
      .limit(100)
      .execute();
    return {
      vandaag: ctx.today,
      grensPersonen: grens.personen,
      grensFinancieel: grens.financieel,
      personen: await dueForAnonymisation(ctx.db, grens.personen),
      financieel: {
        jaren: [...jaren.values()].sort((a, b) => a.jaar - b.jaar),
        betaalbestanden: batches.map((b) => ({
          id: b.id,
          nummer: b.nummer,
          uitvoerdatum: b.uitvoerdatum,
          totaalCents: b.totaal_cents,
        })),
      },
      archief: [...archiefJaren.values()].sort((a, b) => a.jaar - b.jaar),
      eerder: eerder.map(
        (r): RetentionRemoval => ({
          id: r.id,
          soort: r.soort as RetentionRemoval['soort'],
          label: r.label,
          grens: r.grens,
          aantallen: JSON.parse(r.aantallen) as Record<string, number>,
          at: r.at,
          door: r.display_name,
        }),
      ),
    };
  },

  'avg.anonymise': async (ctx, input): Promise<RetentionAnonymised> => {
    const grens = retentionLimits(ctx.today).personen;
    const done = [];
    for (const [i, personId] of input.personIds.entries()) {
      const field = `personIds.${i}`;
      const person = await ctx.db
        .selectFrom('persons')
        .selectAll()
        .where('id', '=', personId)
        .executeTakeFirst();
      if (!person) throw invalidField(field, 'deze sleutelpersoon bestaat niet (meer)');
      const earlier = await ctx.db
        .selectFrom('retention_removals')
        .select('id')
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (earlier) throw invalidField(field, `${fullName(person)} is al geanonimiseerd`);
      if (person.status !== 'gestopt' || person.status_datum >= grens) {
        throw invalidField(
          field,
          `${fullName(person)} is niet vóór ${formatDateLong(grens)} gestopt; de bewaartermijn van ${retentionPeriod('personen')} loopt nog`,
        );
      }
      const open = await ctx.db
        .selectFrom('claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('status', 'in', openClaimStatuses)
        .executeTakeFirstOrThrow();
      if (Number(open.n) > 0) {
        throw invalidField(
          field,
          `${fullName(person)} heeft nog ${open.n} declaratie${Number(open.n) === 1 ? '' : 's'} die niet betaald of afgewezen ${Number(open.n) === 1 ? 'is' : 'zijn'}`,
        );
      }
      const result = await anonymisePerson(ctx, person);
      const removal = await recordRemoval(
        ctx,
        { soort: 'persoon', personId: person.id, label: result.label, grens },
        result.counts,
      );
      done.push({ person, result, removal });
    }
    // One pass over the audit log for everyone removed in this call.
    const rewritten = await scrubAudit(
      ctx,
      done.map((d) => d.result.scrub),
    );
    const nakijken: RetentionAnonymised['nakijken'] = [];
    for (const [i, { person, result, removal }] of done.entries()) {
      // Counted once everyone in this call is done, so a mention in another removed person's verslag is gone.
      const vermeldingen = await remainingMentions(ctx.db, result.firstNames);
      if (vermeldingen > 0)
        nakijken.push({ label: result.label, voornamen: result.firstNames, vermeldingen });
      const counts = { ...result.counts, logboekregels: rewritten[i] ?? 0, vermeldingen };
      await updateVersioned(ctx, 'retention_removals', removal, { aantallen: JSON.stringify(counts) }, null);
      ctx.audit({
        recordType: 'person',
        recordId: person.id,
        recordVersion: result.version,
        summary: `Geanonimiseerd na de bewaartermijn: ${result.label}`,
        changes: counted(counts),
      });
    }
    return { count: done.length, nakijken };
  },

  'avg.purge': async (ctx, input) => {
    const limit = retentionLimits(ctx.today).financieel;
    if (input.grens > limit) {
      throw invalidField(
        'grens',
        `valt binnen de fiscale bewaartermijn van ${retentionPeriod('financieel')} na het boekjaar; kies ${formatDateLong(limit)} of eerder`,
      );
    }
    const counts = await purgeFinancial(ctx, input.grens);
    if (counts.declaraties === 0 && counts.betaalbestanden === 0) {
      throw new Failure(
        'invalid_input',
        `Er zijn geen financiële gegevens van vóór ${formatDateLong(input.grens)} om te verwijderen.`,
      );
    }
    const label = `Financiële gegevens van vóór ${formatDateLong(input.grens)}`;
    const { id } = await recordRemoval(
      ctx,
      { soort: 'financieel', personId: null, label, grens: input.grens },
      counts,
    );
    ctx.audit({
      recordType: 'bewaartermijn',
      recordId: id,
      recordVersion: 1,
      summary: `${label} verwijderd: ${formatCount(counts.declaraties, 'declaraties')}, ${formatCount(counts.betaalbestanden, 'betaalbestanden')}; totalen bewaard`,
      changes: counted(counts),
    });
    return { declaraties: counts.declaraties, betaalbestanden: counts.betaalbestanden };
  },
} satisfies AreaHandlers<'avg'>;
