import { personSearchText, type SearchableFields } from '../electron/core/persons/search-text.ts';
import type { Migration } from './types.ts';

/** Accent- and case-insensitive register search: a folded search text per person, filled for existing rows. */
export const migration0002: Migration = {
  version: 2,
  name: 'person-search-text',
  async up(db) {
    await db.schema
      .alterTable('persons')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const persons = await db.selectFrom('persons').selectAll().execute();
    const languages = await db.selectFrom('person_languages').select(['person_id', 'taal']).execute();
    for (const p of persons) {
      const talen = languages.filter((l) => l.person_id === p.id).map((l) => l.taal as string);
      await db
        .updateTable('persons')
        .set({ search_text: personSearchText({ ...(p as SearchableFields), talen }) })
        .where('id', '=', p.id)
        .execute();
    }
  },
};
