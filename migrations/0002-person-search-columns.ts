import {
  personSearchText,
  personSortName,
  type SearchableFields,
} from '../electron/core/persons/search-text.ts';
import type { Migration } from './types.ts';

/**
 * Accent- and case-insensitive register search and sorting: a folded search text and sort name per person
 * (so Çelik sorts with the C's), filled for existing rows.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'person-search-columns',
  async up(db) {
    await db.schema
      .alterTable('persons')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('persons')
      .addColumn('sort_name', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('persons_sort_name').on('persons').column('sort_name').execute();
    const persons = await db.selectFrom('persons').selectAll().execute();
    const languages = await db.selectFrom('person_languages').select(['person_id', 'taal']).execute();
    for (const row of persons) {
      const p = row as SearchableFields & { id: string };
      const talen = languages.filter((l) => l.person_id === p.id).map((l) => l.taal as string);
      await db
        .updateTable('persons')
        .set({ search_text: personSearchText({ ...p, talen }), sort_name: personSortName(p) })
        .where('id', '=', p.id)
        .execute();
    }
  },
};
