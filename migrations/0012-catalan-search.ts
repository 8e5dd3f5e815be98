import type { Migration } from './types.ts';

/**
 * The search folding now reads Catalan l·l as one word ("Paŀlarès" is found by "pallares"): refold the search text
 * and sort name of the people whose details hold a middle dot or ŀ. Nobody else's text changes.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'catalan-search',
  async up(db) {
    const fields = [
      'voornaam',
      'tussenvoegsel',
      'achternaam',
      'roepnaam',
      'email',
      'gemeente',
      'plaats',
      'herkomstland',
    ] as const;
    const persons = await db
      .selectFrom('persons')
      .selectAll()
      .where((eb) => eb.or(fields.flatMap((f) => ['·', 'ŀ', 'Ŀ'].map((c) => eb(f, 'like', `%${c}%`)))))
      .execute();
    for (const row of persons) {
      const p = row as SearchableFields & { id: string };
      const languages = await db
        .selectFrom('person_languages')
        .select('taal')
        .where('person_id', '=', p.id)
        .execute();
      const talen = languages.map((l) => l.taal as string);
      await db
        .updateTable('persons')
        .set({ search_text: personSearchText({ ...p, talen }), sort_name: personSortName(p) })
        .where('id', '=', p.id)
        .execute();
    }
  },
};

// Frozen copies of the search folding as it is at this step (shared/search.ts, persons/search-text.ts).
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
};

function foldForSearch(text: string): string {
  return text
    .replace(/(?<=\p{L})[·ŀĿ](?=\p{L})/gu, (c) => (c === '·' ? '' : 'l'))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłđðøæœßþ]/g, (c) => extraFolds[c] ?? c)
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
