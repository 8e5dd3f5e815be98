import { personSearchText, personSortName } from '../../electron/core/persons/search-text.ts';

/** The register's search text and sort name of a person seeded straight into SQLite, as the services would write. */
export function searchColumns(voornaam: string, achternaam: string, gemeente: string, talen: string[]) {
  return {
    searchText: personSearchText({
      voornaam,
      achternaam,
      tussenvoegsel: null,
      roepnaam: null,
      email: null,
      telefoon: null,
      gemeente,
      plaats: null,
      herkomstland: null,
      talen,
    }),
    sortName: personSortName({ voornaam, achternaam }),
  };
}
