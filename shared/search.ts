/**
 * Folds text for accent- and case-insensitive search: "Şükrü" and "sukru" fold alike, as do "Nguyễn" and "nguyen".
 * Used both when storing a person's search text and when reading the user's query, so both sides always agree.
 */
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

export function foldForSearch(text: string): string {
  return (
    text
      // Catalan l·l ("Pal·larès", or "Paŀlarès", which NFKD splits into l and ·) is one word: drop the dot.
      .replace(/(?<=\p{L})[·ŀĿ](?=\p{L})/gu, (c) => (c === '·' ? '' : 'l'))
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[ıłđðøæœßþ]/g, (c) => extraFolds[c] ?? c)
      .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
      .trim()
  );
}

/** Splits a query into folded terms; every term must match somewhere. */
export function searchTerms(query: string): string[] {
  // Most register pages are asked without a search; six Unicode regexes on nothing still cost a few microseconds.
  // Stryker disable next-line all: equivalent, a shortcut; folding nothing gives no terms either
  if (query === '') return [];
  return foldForSearch(query)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
