import { foldForSearch } from '../../../shared/search.ts';

export interface SearchableFields {
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

/** The folded text a register search matches against; written with every save of a person. */
export function personSearchText(p: SearchableFields): string {
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

/** Surname first, folded: the register sorts Çelik with the C's and Øztürk with the O's. */
export function personSortName(p: { achternaam: string; voornaam: string }): string {
  return foldForSearch(`${p.achternaam} ${p.voornaam}`);
}
