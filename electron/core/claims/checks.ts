import { sql } from 'kysely';
import {
  blockingChecks,
  type ClaimCheck,
  type ClaimCheckCode,
  type ClaimKind,
} from '../../../shared/claims.ts';
import { checkAllowanceCap, type DeclaredElsewhere } from '../../../shared/fiscal/allowance-cap.ts';
import { formatCents } from '../../../shared/format.ts';
import { sepaIbanProblem } from '../../../shared/iban.ts';
import type { Reader } from '../context.ts';
import { runCompiledOnce } from '../store/compiled-once.ts';
import { perStore } from '../store/per-store.ts';
import { valuesList } from '../store/values-list.ts';
import { type ActiveContract, activeContracts, claimAmount, contractOn } from './contract-terms.ts';
import { isAllowance, monthKey, yearKey } from './granted.ts';

/** A submitted claim as the checks read it, with the person's bijstand answers joined in. */
export interface CheckedClaim {
  id: string;
  person_id: string;
  soort: string;
  datum: string;
  km: number | null;
  minuten: number | null;
  bedrag_cents: number;
  bonnen: number;
  bijstand: number;
  toestemming_nodig: number;
  toestemming_datum: string | null;
  /** The person's IBAN as stored: a claim without a valid one cannot be paid. */
  iban: string | null;
}

export interface ClaimCheckResult {
  checks: ClaimCheck[];
  /** Untaxed allowance left in the claim's month and year before it; null for costs and unknown years. */
  ruimteCents: number | null;
}

/**
 * What the checks of a set of claims need from the store, read in two statements whatever their number: the
 * people's contracts; and the keys (person, date, kind, amount) that more than one live claim shares together with
 * the allowance already granted per person in the claims' months and years. The rest is map look-ups.
 */
export interface CheckBasis {
  contracts: Map<string, ActiveContract[]>;
  duplicateKeys: Set<string>;
  /** Granted allowance by `person|YYYY-MM` and by `person|YYYY`. */
  granted: Map<string, number>;
}

/**
 * What two likely duplicates share: person, day, kind and amount; for the fixed allowance of a month, person and
 * month (one per month, whatever its day or amount). The same two expressions group the claims in SQL below.
 */
const duplicateKey = (c: { person_id: string; datum: string; soort: string; bedrag_cents: number }) =>
  c.soort === 'maand'
    ? `${c.person_id}|${c.datum.slice(0, 7)}|maand|0`
    : `${c.person_id}|${c.datum}|${c.soort}|${c.bedrag_cents}`;
const duplicateDay = sql<string>`case when soort = 'maand' then substr(datum, 1, 7) else datum end`;
const duplicateAmount = sql<number>`case when soort = 'maand' then 0 else bedrag_cents end`;

export async function loadCheckBasis(db: Reader, claims: readonly CheckedClaim[]): Promise<CheckBasis> {
  if (claims.length === 0) return { contracts: new Map(), duplicateKeys: new Set(), granted: new Map() };
  const personIds = [...new Set(claims.map((c) => c.person_id))];
  return {
    contracts: await activeContracts(db, personIds),
    ...(await duplicatesAndGranted(db, personIds, claims)),
  };
}

/** The fixed parts of the statement below, built once per store handle: the queue asks it for every page. */
const duplicateRows = perStore((db) =>
  db
    .selectFrom('claims')
    .leftJoin('inzet_persons', 'inzet_persons.claim_id', 'claims.id')
    .select([
      sql.lit('dubbel').as('wat'),
      'claims.person_id',
      'soort',
      duplicateDay.as('sleutel'),
      duplicateAmount.as('cents'),
    ])
    .where('status', '!=', 'afgewezen')
    .groupBy(['claims.person_id', 'soort', 'sleutel', 'cents'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    // Claims prepared by two different activities are two pieces of work, however alike; a typed claim beside
    // any other is what looks like the same claim entered twice.
    .having((eb) => eb(eb.fn.countAll(), '>', eb.fn.count('inzet_persons.id'))),
);
const grantedRows = perStore((db) =>
  db
    .selectFrom('granted_allowance')
    .select([
      sql.lit('toegekend').as('wat'),
      'person_id',
      sql<string>`null`.as('soort'),
      'period as sleutel',
      'cents',
    ]),
);

/**
 * In one statement, the two things the checks read from other claims:
 * - keys that two claims which are not rejected share (see duplicateKey), at least one of them not prepared by an
 *   activity (inzet): likely duplicates. A month's fixed
 *   allowance is compared with every claim of its kind in the same month, not only on the same day;
 * - the allowance granted to these people in each month and year the allowance claims fall in (granted.ts), by
 *   `person|YYYY-MM` and `person|YYYY`.
 */
async function duplicatesAndGranted(
  db: Reader,
  personIds: readonly string[],
  claims: readonly CheckedClaim[],
): Promise<Pick<CheckBasis, 'duplicateKeys' | 'granted'>> {
  const months = [
    ...new Set(claims.filter((c) => c.soort === 'maand').map((c) => c.datum.slice(0, 7))),
  ].sort();
  const periods = [
    ...new Set(
      claims.filter((c) => isAllowance(c.soort)).flatMap((c) => [c.datum.slice(0, 4), c.datum.slice(0, 7)]),
    ),
  ];
  const values = {
    people: personIds,
    days: [...new Set(claims.map((c) => c.datum))],
    // The span of the months whose fixed allowance is checked, if any.
    span: months.length > 0 ? [`${months[0]}-01`, `${months.at(-1)}-31`] : [],
    periods,
  };
  // Stryker disable next-line StringLiteral: equivalent, the name of a compiled statement
  const rows = await runCompiledOnce(db, 'duplicates-granted', values, (v) => {
    const duplicates = duplicateRows(db)
      .where('claims.person_id', 'in', valuesList(v.people))
      .where((eb) =>
        eb.or([
          eb('datum', 'in', v.days),
          ...(v.span.length > 0
            ? [
                // Stryker disable next-line ArrayDeclaration: equivalent, and() of nothing is 1 = 1: more of the person's claims are read, but grouped per day or month they add no key a checked claim has
                eb.and([
                  eb('soort', '=', 'maand'),
                  eb.between('datum', v.span[0] as string, v.span[1] as string),
                ]),
              ]
            : []),
        ]),
      );
    return v.periods.length === 0
      ? duplicates
      : duplicates.unionAll(
          grantedRows(db).where('person_id', 'in', valuesList(v.people)).where('period', 'in', v.periods),
        );
  });
  const duplicateKeys = new Set<string>();
  const granted = new Map<string, number>();
  for (const r of rows) {
    if (r.wat === 'dubbel') duplicateKeys.add(`${r.person_id}|${r.sleutel}|${r.soort}|${r.cents}`);
    else granted.set(`${r.person_id}|${r.sleutel}`, Number(r.cents));
  }
  return { duplicateKeys, granted };
}

function add(map: Map<string, number>, key: string, cents: number): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}

function check(code: ClaimCheckCode, message: string): ClaimCheck {
  return { code, message, blocking: blockingChecks.has(code) };
}

/** IBANs found to take a SEPA transfer: every queue page asks again about the same people's IBANs. */
const sepaReady = new Set<string>();

/**
 * The person's IBAN cannot take a SEPA transfer: missing, wrong, or outside SEPA. It does not stop approval (the
 * claim is owed all the same) but keeps the claim out of a payout batch (payoutBlockingChecks), so it speaks in the
 * queue, where there is time to fix it, and again beside the approved claim.
 */
export function ibanCheck(iban: string | null): ClaimCheck | null {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a cache; the full check answers the same
  if (iban && sepaReady.has(iban)) return null;
  const problem = sepaIbanProblem(iban);
  if (!problem) {
    // Stryker disable next-line all: equivalent, bounds the cache
    if (sepaReady.size >= 10_000) sepaReady.clear();
    sepaReady.add(iban as string);
    return null;
  }
  return check(
    'iban_ontbreekt',
    `IBAN ontbreekt of klopt niet (${problem}): vul het in bij de sleutelpersoon. Tot dan kan deze declaratie niet in een betaalbatch.`,
  );
}

/** What the volunteer declared on their contracts about allowances from other organisations. */
export function declaredElsewhere(contracts: readonly ActiveContract[] | undefined): DeclaredElsewhere[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, an entry that is not a declaration has no start, so it covers no month
  const list: DeclaredElsewhere[] = [];
  for (const c of contracts ?? []) {
    const d = c.draft;
    if (d.vorm === 'vrijwilligersovereenkomst' && d.andereOrganisatiesPerMaandCents > 0) {
      list.push({ start: c.startdatum, end: c.einddatum, monthlyCents: d.andereOrganisatiesPerMaandCents });
    }
  }
  return list;
}

const ofWhichElsewhere = (cents: number) =>
  cents > 0 ? ` (waarvan ${formatCents(cents)} van andere organisaties)` : '';

/**
 * What stands in the way of approving each submitted claim: no contract on its date, a kind the contract does not
 * allow, a likely duplicate, a missing receipt, the fiscal limit of its month or year crossed once approved
 * (together with what is granted already and what other organisations pay), or bijstand without recorded
 * toestemming; and, without blocking approval, an IBAN the claim cannot be paid to. The queue and the approval
 * both ask this one function.
 *
 * `together`: the claims are one approval (or the queue shows what approving them would do). Taken in date order
 * (ties by id, so the same claim is always the one named), each then counts with the ones before it that can be
 * approved, since two claims that each fit can cross a limit together; a claim that blocks will not be approved,
 * so it takes no room from the ones after it. Leaving out the claims that block therefore never makes another one
 * block. Cost: one pass over the claims, map look-ups only.
 */
export function checkClaims(
  basis: CheckBasis,
  claims: readonly CheckedClaim[],
  options: { together: boolean },
): Map<string, ClaimCheckResult> {
  const granted = options.together ? new Map(basis.granted) : basis.granted;
  const ordered = options.together
    ? // ISO dates are all ten characters and ids are unique: date plus id orders by date, then id, never a tie.
      // (Compared by character: localeCompare's collation cost more than the checks themselves.)
      // Stryker disable next-line EqualityOperator: equivalent, two claims never share an id, so never a tie
      [...claims].sort((a, b) => (a.datum + a.id < b.datum + b.id ? -1 : 1))
    : claims;
  const result = new Map<string, ClaimCheckResult>();
  for (const c of ordered) {
    const list: ClaimCheck[] = [];
    let ruimteCents: number | null = null;
    const contracts = basis.contracts.get(c.person_id);
    const contract = contractOn(contracts, c.datum);
    const entered = { km: c.km, minuten: c.minuten, bedragCents: c.bedrag_cents };
    if (!contract) list.push(check('geen_contract', 'Geen lopend contract op deze datum.'));
    else if (claimAmount(c.soort as ClaimKind, entered, contract) === null)
      list.push(check('soort_niet_toegestaan', 'Het contract kent deze soort vergoeding niet.'));
    if (basis.duplicateKeys.has(duplicateKey(c)))
      list.push(
        check(
          'dubbel',
          c.soort === 'maand'
            ? 'Lijkt dubbel: er is al een vaste vergoeding voor deze maand.'
            : 'Lijkt dubbel: zelfde persoon, datum, soort en bedrag.',
        ),
      );
    if (!isAllowance(c.soort) && c.bonnen === 0) list.push(check('bon_ontbreekt', 'Bon ontbreekt.'));
    if (isAllowance(c.soort)) {
      const cap = checkAllowanceCap({
        date: c.datum,
        amountCents: c.bedrag_cents,
        monthBeforeCents: granted.get(monthKey(c.person_id, c.datum)) ?? 0,
        yearBeforeCents: granted.get(yearKey(c.person_id, c.datum)) ?? 0,
        elsewhere: declaredElsewhere(contracts),
      });
      if (!cap.known) {
        list.push(
          check(
            'jaar_onbekend',
            `Voor ${cap.year} zijn geen fiscale bedragen bekend; Schakel kan de grens niet controleren.`,
          ),
        );
      } else {
        ruimteCents = cap.roomCents;
        const { over } = cap;
        if (over) {
          const when =
            over.period === 'maand'
              ? `in deze maand${ofWhichElsewhere(cap.elsewhereMonthCents)}`
              : `in ${cap.year}${ofWhichElsewhere(cap.elsewhereYearCents)}`;
          list.push(
            check(
              'over_grens',
              `Na goedkeuring ${formatCents(over.totalCents)} ${when}: boven het maximum van ${formatCents(over.capCents)}; de hele vergoeding wordt dan belast.`,
            ),
          );
        }
      }
      if (c.bijstand === 1 && c.toestemming_nodig === 1 && !c.toestemming_datum)
        list.push(
          check('toestemming_ontbreekt', 'Bijstand: toestemming van de gemeente is niet vastgelegd.'),
        );
      if (options.together && !list.some((x) => x.blocking)) {
        add(granted, monthKey(c.person_id, c.datum), c.bedrag_cents);
        add(granted, yearKey(c.person_id, c.datum), c.bedrag_cents);
      }
    }
    const iban = ibanCheck(c.iban);
    if (iban) list.push(iban);
    result.set(c.id, { checks: list, ruimteCents });
  }
  return result;
}
