/** Dutch labels of input fields: used by forms and by the main process to name the field in an error. */
export const fieldLabels = {
  voornaam: 'Voornaam',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  roepnaam: 'Roepnaam',
  geboortedatum: 'Geboortedatum',
  gender: 'Gender',
  herkomstland: 'Herkomstland',
  talen: 'Talen',
  taal: 'Taal',
  niveau: 'Niveau',
  niveauNederlands: 'Niveau Nederlands',
  straat: 'Straat',
  huisnummer: 'Huisnummer',
  postcode: 'Postcode',
  plaats: 'Plaats',
  gemeente: 'Gemeente',
  telefoon: 'Telefoon',
  email: 'E-mail',
  iban: 'IBAN',
  bic: 'BIC',
  bijstand: 'Bijstand',
  toestemmingNodig: 'Toestemming gemeente nodig',
  toestemmingDatum: 'Datum toestemming',
  vogAfgiftedatum: 'VOG afgiftedatum',
  begeleiderId: 'Vaste begeleider',
  begeleider: 'Vaste begeleider',
  notities: 'Notities',
  status: 'Status',
  statusDatum: 'Statusdatum',
  datum: 'Datum',
  toelichting: 'Toelichting',
  organisatieNaam: 'Naam organisatie',
  naam: 'Naam',
  kvkNummer: 'KvK-nummer',
  logo: 'Logo',
  displayName: 'Naam',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  role: 'Rol',
  isBeheerder: 'Beheerder',
  active: 'Actief',
  version: 'Versie',
  id: 'Record',
  search: 'Zoeken',
  page: 'Pagina',
  pageSize: 'Aantal per pagina',
  sort: 'Sortering',
  from: 'Vanaf',
  to: 'Tot en met',
} as const satisfies Record<string, string>;

/** The label of any field name, or the name itself where none is known. */
export function labelOf(field: string): string {
  return (fieldLabels as Record<string, string | undefined>)[field] ?? field;
}

/** 'talen.1.taal' → 'Talen (regel 2): Taal' */
export function labelForPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number') {
      parts[parts.length - 1] = `${parts.at(-1) ?? ''} (regel ${key + 1})`;
    } else {
      const name = String(key);
      parts.push(labelOf(name));
    }
  }
  return parts.join(': ');
}
