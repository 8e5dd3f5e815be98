/** What other areas read of contracts: when a contract ends (the claim checks), the contracts a person held (the portfolio). */
import type { ContractStatus } from '../../../shared/contracts.ts';
import type { ContractForm, ProfileContent } from '../../../shared/profiles.ts';
import type { Reader } from '../context.ts';

export interface ContractHeld {
  nummer: string;
  vorm: ContractForm;
  /** The function profile's title, when the contract was made from one. */
  functie: string | null;
  status: Exclude<ContractStatus, 'concept'>;
  startdatum: string;
  /** The day it ended or ends: the end date it was ended on, else its own end date; null while open-ended. */
  einddatum: string | null;
}

/** The day a contract ends: once ended, the date it was ended on; else its own end date (null: open-ended). */
export function contractEndDate(c: {
  status: string;
  einddatum: string | null;
  beeindigd_datum: string | null;
}): string | null {
  return c.status === 'beeindigd' ? c.beeindigd_datum : c.einddatum;
}

/**
 * The contracts a person held or holds: made definitief (signed or ended since), one per contract number (the
 * newest version, as a wijziging replaces the one before it; a concept wijziging does not count yet), newest first.
 */
export async function contractsHeld(db: Reader, personId: string): Promise<ContractHeld[]> {
  const rows = await db
    .selectFrom('contracts')
    .leftJoin('function_profile_versions as v', 'v.id', 'contracts.profile_version_id')
    .select([
      'contracts.nummer',
      'contracts.versie',
      'contracts.vorm',
      'contracts.status',
      'contracts.startdatum',
      'contracts.einddatum',
      'contracts.beeindigd_datum',
      'v.content',
    ])
    .where('contracts.person_id', '=', personId)
    .where('contracts.status', 'in', ['definitief', 'getekend', 'beeindigd'])
    .execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = newest.get(row.nummer);
    if (!seen || row.versie > seen.versie) newest.set(row.nummer, row);
  }
  return [...newest.values()]
    .sort((a, b) => b.startdatum.localeCompare(a.startdatum) || b.nummer.localeCompare(a.nummer))
    .map((row) => ({
      nummer: row.nummer,
      vorm: row.vorm as ContractForm,
      functie: row.content ? (JSON.parse(row.content) as ProfileContent).titel : null,
      status: row.status as ContractHeld['status'],
      startdatum: row.startdatum,
      einddatum: contractEndDate(row),
    }));
}
