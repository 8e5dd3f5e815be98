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

// Frozen copies of the search folding as it was at this step (shared/search.ts, persons/search-text.ts): the app's
// own code may change, the texts this step wrote may not.
interface SearchableFields {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  roepnaam: string | null;
  email: string | null;
  telefoon: string | null;
  gemeente: string | null;
  plaats: string | null;
  herkomstland: string | null;
  talen: string[];
}

const extraFolds: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ŀ: 'l',
};

function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłđðøæœßþŀ]/g, (c) => extraFolds[c] ?? c)
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim();
}

function personSearchText(p: SearchableFields): string {
  return foldForSearch(
    [
      p.voornaam,
      p.tussenvoegsel,
      p.achternaam,
      p.roepnaam,
      p.email,
      p.telefoon?.replace(/\D/g, ''),
      p.gemeente,
      p.plaats,
      p.herkomstland,
      ...p.talen,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

function personSortName(p: { achternaam: string; voornaam: string }): string {
  return foldForSearch(`${p.achternaam} ${p.voornaam}`);
}
