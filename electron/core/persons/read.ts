import type { Person } from '../../../shared/persons.ts';
import type { Reader } from '../context.ts';
import { Failure, notFound } from '../failure.ts';
import { languagesOf, toPerson } from './person-rows.ts';

/**
 * Persons with their anonymisation, if any: `removal.id` is set for a person anonymised after the retention period
 * (see refuseIfAnonymised). One place for the join, so no check reads the marker differently.
 */
export function personsWithRemoval(db: Reader) {
  return db
    .selectFrom('persons')
    .leftJoin('retention_removals as removal', (join) =>
      join.onRef('removal.person_id', '=', 'persons.id').on('removal.soort', '=', 'persoon'),
    );
}

/** What other areas read of a person. */
export async function loadPerson(db: Reader, id: string): Promise<Person> {
  const row = await personsWithRemoval(db)
    .leftJoin('accounts as begeleider', 'begeleider.id', 'persons.begeleider_id')
    .selectAll('persons')
    .select(['begeleider.display_name as begeleider_naam', 'removal.id as removal_id'])
    .where('persons.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deze sleutelpersoon');
  const talen = (await languagesOf(db, [id])).get(id) ?? [];
  return { ...toPerson(row, talen, row.begeleider_naam), geanonimiseerd: row.removal_id !== null };
}

/**
 * A person anonymised after the retention period stays a neutral record for the totals: nothing about them may be
 * written again (that would undo the removal the audit log records).
 */
export function refuseIfAnonymised(person: Person): void {
  if (person.geanonimiseerd) {
    throw new Failure(
      'conflict',
      `${person.naam} is geanonimiseerd na de bewaartermijn; over deze sleutelpersoon wordt niets meer vastgelegd.`,
    );
  }
}

/** Checks that depend on the store or on today: the zod schema has already checked each field's form. */
