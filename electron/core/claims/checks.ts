import {
  blockingChecks,
  type ClaimCheck,
  type ClaimCheckCode,
  type ClaimKind,
  receiptKinds,
} from '../../../shared/claims.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { formatCents } from '../../../shared/format.ts';
import type { Reader } from '../context.ts';
import { type ActiveContract, contractOn } from './contract-terms.ts';

export interface CheckedClaim {
  id: string;
  person_id: string;
  soort: string;
  datum: string;
  bedrag_cents: number;
  status: string;
  bonnen: number;
}

const counted = ['goedgekeurd', 'in_batch', 'betaald'];

function check(code: ClaimCheckCode, message: string): ClaimCheck {
  return { code, message, blocking: blockingChecks.has(code) };
}

/** Allowance (not receipt-backed costs) already approved or paid, per person per month and per year. */
async function approvedTotals(db: Reader, personIds: string[]) {
  const rows =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('claims')
          .select(['person_id', 'datum', 'bedrag_cents', 'soort', 'id'])
          .where('person_id', 'in', personIds)
          .where('status', 'in', counted)
          .where('soort', 'not in', [...receiptKinds])
          .execute();
  return rows;
}

/**
 * What stands in the way of approving each claim: no contract on its date, a kind the contract does not allow, a
 * likely duplicate, a missing receipt, the fiscal limit for its month or year crossed once approved (together with
 * what is already approved), or bijstand without recorded toestemming.
 */
export async function claimChecks(
  db: Reader,
  claims: CheckedClaim[],
  contracts: Map<string, ActiveContract[]>,
  allowed: (claim: CheckedClaim, contract: ActiveContract | null) => boolean,
): Promise<Map<string, { checks: ClaimCheck[]; ruimteCents: number | null }>> {
  const personIds = [...new Set(claims.map((c) => c.person_id))];
  const approved = await approvedTotals(db, personIds);
  const others =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('claims')
          .select(['id', 'person_id', 'datum', 'soort', 'bedrag_cents'])
          .where('person_id', 'in', personIds)
          .where('status', '!=', 'afgewezen')
          .execute();
  const persons =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('persons')
          .select(['id', 'bijstand', 'toestemming_nodig', 'toestemming_datum'])
          .where('id', 'in', personIds)
          .execute();
  const personBy = new Map(persons.map((p) => [p.id, p]));

  const result = new Map<string, { checks: ClaimCheck[]; ruimteCents: number | null }>();
  for (const c of claims) {
    const list: ClaimCheck[] = [];
    let ruimteCents: number | null = null;
    const contract = contractOn(contracts.get(c.person_id), c.datum);
    if (!contract) list.push(check('geen_contract', 'Geen lopend contract op deze datum.'));
    if (contract && !allowed(c, contract))
      list.push(check('soort_niet_toegestaan', 'Het contract kent deze soort vergoeding niet.'));
    if (
      others.some(
        (o) =>
          o.id !== c.id &&
          o.person_id === c.person_id &&
          o.datum === c.datum &&
          o.soort === c.soort &&
          o.bedrag_cents === c.bedrag_cents,
      )
    ) {
      list.push(check('dubbel', 'Lijkt dubbel: zelfde persoon, datum, soort en bedrag.'));
    }
    if (receiptKinds.has(c.soort as ClaimKind) && c.bonnen === 0)
      list.push(check('bon_ontbreekt', 'Bon ontbreekt.'));
    if (!receiptKinds.has(c.soort as ClaimKind) && !counted.includes(c.status) && c.status !== 'afgewezen') {
      const year = Number(c.datum.slice(0, 4));
      const figures = fiscalYear(year);
      if (!figures) {
        list.push(
          check(
            'jaar_onbekend',
            `Voor ${year} zijn geen fiscale bedragen bekend; Schakel kan de grens niet controleren.`,
          ),
        );
      } else {
        const mine = approved.filter((a) => a.person_id === c.person_id);
        const month =
          mine
            .filter((a) => a.datum.slice(0, 7) === c.datum.slice(0, 7))
            .reduce((n, a) => n + a.bedrag_cents, 0) + c.bedrag_cents;
        const yearTotal =
          mine
            .filter((a) => a.datum.slice(0, 4) === c.datum.slice(0, 4))
            .reduce((n, a) => n + a.bedrag_cents, 0) + c.bedrag_cents;
        // What this person may still receive untaxed before this claim: the tighter of month and year.
        ruimteCents = Math.min(
          figures.maxPerMonth - (month - c.bedrag_cents),
          figures.maxPerYear - (yearTotal - c.bedrag_cents),
        );
        if (month > figures.maxPerMonth) {
          list.push(
            check(
              'over_grens',
              `Na goedkeuring ${formatCents(month)} in deze maand: boven het maximum van ${formatCents(figures.maxPerMonth)}; de hele vergoeding wordt dan belast.`,
            ),
          );
        } else if (yearTotal > figures.maxPerYear) {
          list.push(
            check(
              'over_grens',
              `Na goedkeuring ${formatCents(yearTotal)} in ${year}: boven het maximum van ${formatCents(figures.maxPerYear)}; de hele vergoeding wordt dan belast.`,
            ),
          );
        }
      }
    }
    const p = personBy.get(c.person_id);
    if (
      p &&
      p.bijstand === 1 &&
      p.toestemming_nodig === 1 &&
      !p.toestemming_datum &&
      !receiptKinds.has(c.soort as ClaimKind)
    ) {
      list.push(check('toestemming_ontbreekt', 'Bijstand: toestemming van de gemeente is niet vastgelegd.'));
    }
    result.set(c.id, { checks: list, ruimteCents });
  }
  return result;
}
