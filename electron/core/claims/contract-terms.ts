import type { ClaimKind } from '../../../shared/claims.ts';
import type { ContractDraft } from '../../../shared/contracts.ts';
import { storedContractDraft } from '../../../shared/contracts.ts';
import type { Reader } from '../context.ts';
import { contractEndDate } from '../contracts/read.ts';
import { runCompiledOnce } from '../store/compiled-once.ts';
import { perStore } from '../store/per-store.ts';
import { valuesList } from '../store/values-list.ts';

export interface ActiveContract {
  id: string;
  nummer: string;
  startdatum: string;
  einddatum: string | null;
  /** Shared between calls (see parseDraft): read only. */
  readonly draft: Readonly<ContractDraft>;
}

/**
 * Contract terms by contract, kept with the text they were parsed from. A finalised contract's draft never changes,
 * yet every queue page would parse and validate the same few again. A cached value is used only while the stored
 * text is the same, so it can never be stale; looked up by id, since hashing the whole text costs more than
 * comparing it.
 */
const parsedDrafts = new Map<string, { text: string; draft: ContractDraft }>();
const parsedDraftsMax = 2000;

function parseDraft(contractId: string, text: string): Readonly<ContractDraft> {
  const cached = parsedDrafts.get(contractId);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache; parsing again answers the same
  if (cached?.text === text) return cached.draft;
  const draft = storedContractDraft.parse(JSON.parse(text));
  // Stryker disable next-line all: equivalent, bounds the cache
  if (parsedDrafts.size >= parsedDraftsMax) parsedDrafts.delete(parsedDrafts.keys().next().value as string);
  // Stryker disable next-line all: equivalent, a cache
  parsedDrafts.set(contractId, { text, draft });
  return draft;
}

/** The fixed part of the contracts statement, built once per store handle (the claims queue asks it per page). */
const contractRows = perStore((db) =>
  db
    .selectFrom('contracts')
    .select([
      'id',
      'person_id',
      'nummer',
      'startdatum',
      'einddatum',
      'draft',
      'beeindigd_datum',
      'status',
      'vorige_id',
    ]),
);

/**
 * Definitief or signed contracts of these people that no newer version replaced, with their terms. A new version
 * belongs to the same person as the one it replaces, so the replaced ones are found among the same rows (one
 * statement, no correlated look-up per contract).
 */
export async function activeContracts(
  db: Reader,
  personIds: string[],
): Promise<Map<string, ActiveContract[]>> {
  const byPerson = new Map<string, ActiveContract[]>();
  if (personIds.length === 0) return byPerson;
  // A concept is left out here rather than in SQL: with a status condition beside the people, SQLite without
  // statistics searches the contracts by status (all of them) instead of by person.
  // Stryker disable next-line StringLiteral: equivalent, the name of a compiled statement
  const found = await runCompiledOnce(db, 'active-contracts', { people: personIds }, ({ people }) =>
    contractRows(db).where('person_id', 'in', valuesList(people)),
  );
  const rows = found.filter((r) => r.status !== 'concept');
  const replaced = new Set(rows.map((r) => r.vorige_id));
  for (const r of rows) {
    if (replaced.has(r.id)) continue;
    const list = byPerson.get(r.person_id) ?? [];
    list.push({
      id: r.id,
      nummer: r.nummer,
      startdatum: r.startdatum,
      // An ended contract ran until the day it was ended; claims after it have no contract.
      einddatum: contractEndDate(r),
      draft: parseDraft(r.id, r.draft),
    });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}

export function contractOn(contracts: ActiveContract[] | undefined, date: string): ActiveContract | null {
  return (
    contracts?.find((c) => c.startdatum <= date && (c.einddatum === null || c.einddatum >= date)) ?? null
  );
}

/** The claim an activity earns under a contract: hours or the activity for a volunteer paid that way, else none. */
export function activityClaimKind(contract: ActiveContract | null): 'uren' | 'activiteit' | null {
  const d = contract?.draft;
  if (d?.vorm !== 'vrijwilligersovereenkomst') return null;
  if (d.vergoedingEenheid === 'uur') return 'uren';
  return d.vergoedingEenheid === 'activiteit' ? 'activiteit' : null;
}

/**
 * The amount of a claim from the contract's terms (km, activity, hours, the month's fixed amount) or as entered
 * (receipt-backed costs).
 * Returns null when the contract does not allow this kind; hours round to whole cents.
 */
export function claimAmount(
  soort: ClaimKind,
  entered: { km: number | null; minuten: number | null; bedragCents: number | null },
  contract: ActiveContract | null,
): number | null {
  if (soort === 'ov' || soort === 'parkeren') return entered.bedragCents;
  const d = contract?.draft;
  if (soort === 'onkosten')
    return d?.vorm === 'vrijwilligersovereenkomst' && !d.onkostenMetBon ? null : entered.bedragCents;
  if (d?.vorm !== 'vrijwilligersovereenkomst') return null;
  if (soort === 'km') return d.kmVergoedingCents > 0 && entered.km ? entered.km * d.kmVergoedingCents : null;
  if (soort === 'activiteit') return d.vergoedingEenheid === 'activiteit' ? d.vergoedingCents : null;
  // The month's fixed amount, whatever day of the month the claim is dated.
  if (soort === 'maand') {
    return d.vergoedingEenheid === 'maand' && d.vergoedingCents > 0 ? d.vergoedingCents : null;
  }
  if (soort === 'uren') {
    return d.vergoedingEenheid === 'uur' && entered.minuten
      ? Math.round((entered.minuten * d.vergoedingCents) / 60)
      : null;
  }
  return null;
}
