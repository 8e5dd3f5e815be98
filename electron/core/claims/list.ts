import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type {
  Claim,
  ClaimKind,
  ClaimPage,
  ClaimSortColumn,
  ClaimStatus,
  claimListInput,
} from '../../../shared/claims.ts';
import { fullName } from '../../../shared/persons.ts';
import type { Reader } from '../context.ts';
import { runCompiledOnce } from '../store/compiled-once.ts';
import { pageOf } from '../store/page-bounds.ts';
import { perStore } from '../store/per-store.ts';
import type { DB } from '../store/schema.ts';
import {
  type CheckedClaim,
  type ClaimCheckResult,
  checkClaims,
  ibanCheck,
  loadCheckBasis,
} from './checks.ts';

type ListInput = z.output<typeof claimListInput>;

const sortColumns = {
  datum: 'claims.datum',
  persoon: 'persons.sort_name',
  soort: 'claims.soort',
  bedrag: 'claims.bedrag_cents',
  status: 'claims.status',
} as const satisfies Record<ClaimSortColumn, string>;

/** Claims with what a row of the queue and the checks need: the person, the contract number, the receipt count. */
export function claimRows(db: Reader) {
  return db
    .selectFrom('claims')
    .innerJoin('persons', 'persons.id', 'claims.person_id')
    .leftJoin('contracts', 'contracts.id', 'claims.contract_id')
    .selectAll('claims')
    .select((eb) => [
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'persons.bijstand',
      'persons.toestemming_nodig',
      'persons.toestemming_datum',
      'persons.iban',
      'contracts.nummer',
      eb
        .selectFrom('receipts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('receipts.claim_id', '=', 'claims.id')
        .as('bonnen'),
    ]);
}
export type ClaimRow = Awaited<ReturnType<ReturnType<typeof claimRows>['execute']>>[number];

/** The fixed part of the queue's two statements, built once per store handle. */
const baseQueries = perStore((db) => ({
  count: db.selectFrom('claims').select((eb) => eb.fn.countAll<number>().as('n')),
  page: claimRows(db),
}));

/** A row as the checks read it. */
export const asChecked = (r: ClaimRow): CheckedClaim => ({ ...r, bonnen: Number(r.bonnen ?? 0) });

/** What keeps an approved claim out of a payout batch: read from its row alone. */
function payoutChecks(r: ClaimRow) {
  const iban = r.status === 'goedgekeurd' ? ibanCheck(r.iban) : null;
  return iban ? [iban] : [];
}

export function toClaim(r: ClaimRow, checked: ClaimCheckResult | undefined): Claim {
  return {
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
    minuten: r.minuten,
    bedragCents: r.bedrag_cents,
    origineel: r.origineel ? (JSON.parse(r.origineel) as Record<string, unknown>) : null,
    status: r.status as ClaimStatus,
    redenAfwijzing: r.reden_afwijzing,
    bonnen: Number(r.bonnen ?? 0),
    // Checks speak before approval; after it only what keeps the claim out of a batch.
    checks: checked?.checks ?? payoutChecks(r),
    ruimteCents: checked?.ruimteCents ?? null,
  };
}

/**
 * The checks of the submitted claims among these rows, in a fixed number of statements, as one approval of them
 * all would see them: each of a person's claims with room after their earlier ones in the list (in date order), so
 * claims that each fit but cross a limit together show it here, on the row that crosses it, not only when approved.
 * Approving any part of the list that leaves out the claims that block then succeeds.
 */
async function checksOf(db: Reader, rows: readonly ClaimRow[]): Promise<Map<string, ClaimCheckResult>> {
  const submitted = rows.filter((r) => r.status === 'ingediend').map(asChecked);
  return checkClaims(await loadCheckBasis(db, submitted), submitted, { together: true });
}

/**
 * The queue's filters as bound values by name (see runCompiledOnce), each list empty when its filter is off, and
 * `where`, which builds them from whatever stands for the values.
 */
function queueFilter(input: ListInput, begeleiderId: string | null) {
  const wanted = input.alleenMetMelding ? 'ingediend' : input.status;
  const values = {
    person: input.personId ? [input.personId] : [],
    begeleider: begeleiderId ? [begeleiderId] : [],
    month: input.maand ? [`${input.maand}-%`] : [],
    kind: input.soort ? [input.soort] : [],
    status: wanted ? [wanted] : [],
  };
  const where = (eb: ExpressionBuilder<DB, 'claims'>, v: typeof values) => {
    const conditions = [];
    for (const person of v.person) conditions.push(eb('claims.person_id', '=', person));
    for (const begeleider of v.begeleider) {
      conditions.push(
        eb(
          'claims.person_id',
          'in',
          eb.selectFrom('persons').select('persons.id').where('persons.begeleider_id', '=', begeleider),
        ),
      );
    }
    for (const month of v.month) conditions.push(eb('claims.datum', 'like', month));
    for (const kind of v.kind) conditions.push(eb('claims.soort', '=', kind));
    for (const status of v.status) conditions.push(eb('claims.status', '=', status));
    return eb.and(conditions);
  };
  return { values, where };
}

/**
 * The claims queue: filters, sort and paging in SQL, checks for the page's claims only, so a page costs the same
 * at 1,000 or 100,000 claims. `begeleiderId` limits it to that begeleider's caseload.
 *
 * "Alleen met een melding" cannot be said in SQL without a second copy of the checks, so it checks every submitted
 * claim that passes the other filters (set-based, in proportion to them) and pages what has a check.
 */
export async function listClaims(
  db: Reader,
  input: ListInput,
  begeleiderId: string | null,
): Promise<ClaimPage> {
  if (input.alleenMetMelding && input.status && input.status !== 'ingediend') return { rows: [], total: 0 };
  const { values, where } = queueFilter(input, begeleiderId);
  const direction = input.desc ? 'desc' : 'asc';
  const { count, page } = baseQueries(db);
  const ordered = (v: typeof values) => {
    const sorted = page.where((eb) => where(eb, v)).orderBy(sortColumns[input.sort], direction);
    // Ties newest first, then by name: the same order as the default view.
    return (input.sort === 'datum' ? sorted : sorted.orderBy('claims.datum', 'desc'))
      .orderBy('persons.sort_name')
      .orderBy('claims.id');
  };

  if (input.alleenMetMelding) {
    const candidates = await ordered(values).execute();
    const checked = await checksOf(db, candidates);
    const flagged = candidates.filter((r) => (checked.get(r.id)?.checks.length ?? 0) > 0);
    const start = input.page * input.pageSize;
    return {
      rows: flagged.slice(start, start + input.pageSize).map((r) => toClaim(r, checked.get(r.id))),
      total: flagged.length,
    };
  }
  // The total rides along with the page as a scalar subquery (run once, not per row): one statement, not two.
  // Only a page past the end, which has no row to carry it, asks again.
  const rows = await runCompiledOnce(
    db,
    'claims-page',
    values,
    (v) =>
      pageOf(ordered(v).select(count.where((eb) => where(eb, v)).as('total')), input.page, input.pageSize),
    `${input.sort} ${direction} ${input.page} ${input.pageSize}`,
  );
  const total = rows[0]
    ? Number(rows[0].total)
    : input.page === 0
      ? 0
      : Number((await count.where((eb) => where(eb, values)).executeTakeFirstOrThrow()).n);
  const checked = await checksOf(db, rows);
  return { rows: rows.map((r) => toClaim(r, checked.get(r.id))), total };
}
