import type { ContractDraft, ContractStatus } from '../../../shared/contracts.ts';
import { contractStatusLabels, storedContractDraft } from '../../../shared/contracts.ts';
import type { Person } from '../../../shared/persons.ts';
import type { ProfileVersion } from '../../../shared/profiles.ts';
import type { Reader } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { loadPerson } from '../persons/read.ts';
import { loadProfileVersion } from '../profiles/read.ts';
import { loadSettings } from '../settings/read.ts';
import type { ContractsTable } from '../store/schema.ts';
import { contractDocument } from './documents.ts';

/**
 * A stored draft read with today's schema, so every reader sees the same normalised terms; rules on input added
 * since it was saved do not make it unreadable (finalizing checks them again).
 */
export function draftOf(row: ContractsTable): ContractDraft {
  return storedContractDraft.parse(JSON.parse(row.draft));
}

export async function loadRow(db: Reader, id: string): Promise<ContractsTable> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Dit contract');
  return row;
}

async function profileOf(db: Reader, draft: ContractDraft): Promise<ProfileVersion | null> {
  if (!draft.profileVersionId) return null;
  try {
    return await loadProfileVersion(db, draft.profileVersionId);
  } catch {
    throw invalidField('profileVersionId', 'deze versie van het functieprofiel bestaat niet (meer)');
  }
}

async function begeleiderName(db: Reader, draft: ContractDraft, person: Person): Promise<string | null> {
  const id =
    draft.vorm === 'vrijwilligersovereenkomst'
      ? (draft.vasteBegeleiderId ?? person.begeleiderId)
      : person.begeleiderId;
  if (!id) return null;
  const row = await db
    .selectFrom('accounts')
    .select(['display_name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

/** Person, profile and organisation a draft refers to, and the checks that need them. */
export async function loadReferenced(db: Reader, draft: ContractDraft, signerName: string) {
  const person = await loadPerson(db, draft.personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  const profile = await profileOf(db, draft);
  const settings = await loadSettings(db);
  return { person, profile, settings, begeleiderNaam: await begeleiderName(db, draft, person), signerName };
}

export type Referenced = Awaited<ReturnType<typeof loadReferenced>>;

export function documentFor(
  referenced: Referenced,
  draft: ContractDraft,
  nummer: string,
  versie: number,
  concept: boolean,
) {
  return contractDocument({ ...referenced, draft, nummer, versie, concept });
}

/** Contracts of one person that a newer definitief version has replaced. */
export async function replacedIds(db: Reader, personId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'vorige_id'])
    .where('person_id', '=', personId)
    .where('status', '!=', 'concept')
    .where('vorige_id', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.vorige_id as string, row.id]));
}

export function requireStatus(row: ContractsTable, allowed: ContractStatus[], what: string): void {
  if (!allowed.includes(row.status as ContractStatus)) {
    throw new Failure(
      'invalid_input',
      `${what} kan niet: dit contract is ${contractStatusLabels[row.status as ContractStatus].toLowerCase()}.${
        row.status !== 'concept' && what === 'Bewerken'
          ? ' Een definitief contract verander je met Wijzigen: dat maakt een nieuwe versie.'
          : ''
      }`,
    );
  }
}
