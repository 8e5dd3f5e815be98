import { printable } from './printable.ts';

/** Dutch labels of input fields: used by forms and by the main process to name the field in an error. */
export const fieldLabels = {
  voornaam: 'Voornaam',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  roepnaam: 'Roepnaam',
  geboortedatum: 'Geboortedatum',
  gender: 'Geslacht',
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
  vogAfgiftedatum: 'VOG-afgiftedatum',
  vogVernieuwdatum: 'VOG vernieuwen op',
  begeleiderId: 'Vaste begeleider',
  begeleider: 'Vaste begeleider',
  notities: 'Notities',
  status: 'Status',
  statusDatum: 'Statusdatum',
  datum: 'Datum',
  toelichting: 'Toelichting',
  organisatieNaam: 'Naam organisatie',
  organisatieIban: 'IBAN van de organisatie',
  naam: 'Naam',
  kvkNummer: 'KvK-nummer',
  vergrendelenNaMinuten: 'Vergrendelen na',
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
  personId: 'Sleutelpersoon',
  profileVersionId: 'Functieprofiel',
  velden: 'Invulvelden',
  vorm: 'Contractvorm',
  startdatum: 'Begindatum',
  einddatum: 'Einddatum',
  vergoedingEenheid: 'Vergoeding',
  vergoedingCents: 'Bedrag vergoeding',
  verwachtUrenPerMaand: 'Verwachte uren per maand',
  verwachteActiviteitenPerMaand: 'Verwachte activiteiten per maand',
  kmVergoedingCents: 'Kilometervergoeding',
  verwachteKmPerMaand: 'Verwachte kilometers per maand',
  andereOrganisatiesPerMaandCents: 'Vergoeding elders per maand',
  onkostenMetBon: 'Onkosten met bon',
  waVerzekering: 'WA-verzekering',
  ongevallenVerzekering: 'Ongevallenverzekering',
  verzekeringVia: 'Verzekerd via',
  vasteBegeleiderId: 'Vaste begeleider',
  werktijden: 'Werktijden',
  bereikbaarheid: 'Bereikbaarheid',
  werktelefoon: 'Werktelefoon',
  scholing: 'Scholing en ontwikkeling',
  opzegtermijnWeken: 'Opzegtermijn (weken)',
  urenPerWeek: 'Uren per week',
  cao: 'Cao',
  schaal: 'Schaal',
  trede: 'Trede',
  brutoMaandsalarisCents: 'Bruto maandsalaris',
  proeftijdMaanden: 'Proeftijd (maanden)',
  onderwijsinstelling: 'Onderwijsinstelling',
  opleiding: 'Opleiding',
  praktijkbegeleider: 'Praktijkbegeleider',
  stagevergoedingCents: 'Stagevergoeding per maand',
  opdrachtOmschrijving: 'Opdracht en resultaat',
  tariefSoort: 'Soort tarief',
  tariefCents: 'Tarief',
  fiscaleReden: 'Reden ondanks fiscale grens',
  bevestigOverlap: 'Overlap bevestigen',
  reden: 'Reden',
  titel: 'Titel',
  doel: 'Doel',
  taken: 'Taken',
  rol: 'Rol',
  leefgebieden: 'Leefgebieden',
  eisen: 'Profiel (eisen)',
  competenties: 'Competenties',
  werkomstandigheden: 'Werkomstandigheden',
  label: 'Label',
  soort: 'Soort',
  verplicht: 'Verplicht',
  keuzes: 'Keuzes',
  standaardVorm: 'Standaard contractvorm',
  standaardVergoedingEenheid: 'Standaard vergoeding',
  standaardVergoedingCents: 'Standaard bedrag',
  omschrijving: 'Omschrijving',
  van: 'Van',
  naar: 'Naar',
  km: 'Kilometers',
  minuten: 'Tijd (minuten)',
  bedragCents: 'Bedrag',
  bonnen: 'Bon',
  items: 'Declaraties',
  claimIds: 'Declaraties',
  uitvoerdatum: 'Uitvoerdatum',
  jaar: 'Jaar',
  csv: 'Importbestand',
  personIds: 'Sleutelpersonen',
  grens: 'Verwijderen van vóór',
  // Fields that appear in the audit log's changes (a verslag, a POP, a contract's course).
  vertrouwelijk: 'Vertrouwelijk',
  leerdoelen: 'Leerdoelen',
  gesloten: 'Gesloten',
  getekendDatum: 'Getekend op',
  beeindigdDatum: 'Beëindigd op',
  thema: 'Thema',
  aanwezig: 'Aanwezig',
  leden: 'Leden',
  search: 'Zoeken',
  page: 'Pagina',
  pageSize: 'Aantal per pagina',
  sort: 'Sortering',
  from: 'Vanaf',
  to: 'Tot en met',
  // Doorgroei: education, Dutch per skill, work experience, uitstroom.
  opleidingen: 'Opleidingen',
  land: 'Land',
  richting: 'Richting',
  diploma: 'Diploma',
  idw: 'Waardering IDW',
  nederlands: 'Nederlands',
  vaardigheid: 'Vaardigheid',
  examen: 'Examen',
  examenDatum: 'Examendatum',
  werkervaring: 'Werkervaring',
  functie: 'Functie',
  sector: 'Sector',
  tot: 'Tot',
  uitstroom: 'Uitstroom',
  vervolg: 'Vervolg',
  portfolioTekst: 'Tekst voor het portfolio',
  // Scholing: the aanbod, a person's training, a group training.
  trainingId: 'Training',
  aanbieder: 'Aanbieder',
  aanbiederAnders: 'Naam aanbieder',
  duurEenheid: 'Duur in',
  duur: 'Duur',
  certificaat: 'Certificaat',
  geldigheidMaanden: 'Geldigheid (maanden)',
  kostenCents: 'Kosten',
  gearchiveerd: 'Gearchiveerd',
  metGearchiveerd: 'Ook gearchiveerd',
  verloopdatum: 'Geldig tot',
  notitie: 'Notitie',
  bestand: 'Certificaat',
  trainer: 'Trainer',
  minimumDeelnemers: 'Minimum aantal deelnemers',
  deelnemers: 'Deelnemers',
  metAfgelopen: 'Ook afgelopen',
  // Inzet (an activity and its import).
  projectId: 'Project',
  partnerId: 'Ketenpartner',
  requestId: 'Aanvraag',
  rollen: 'Rollen',
  bereikVolwassenen: 'Bereikt: volwassenen',
  bereikKinderen: 'Bereikt: kinderen',
  bereikStatushouders: 'Waarvan statushouders',
  bereikProfessionals: 'Waarvan professionals',
  herkomst: 'Bereik naar herkomst',
  hulpvraag: 'Hulpvraag',
  hulpvraagNotitie: 'Notitie bij de hulpvraag',
  doorverwijzing: 'Doorverwijzing',
  uitkomst: 'Uitkomst',
  waarde: 'Waarde',
  aantal: 'Aantal',
  base64: 'Bestand',
} as const satisfies Record<string, string>;

/**
 * What an inzage export or a removal after the retention period counts, singular and plural: '1 verslag',
 * '4 verslagen'. The audit log keeps these counts as changes, so they are field labels too ('Verslagen').
 */
const countNouns: Record<string, readonly [one: string, more: string]> = {
  contracten: ['contract', 'contracten'],
  popVersies: ['POP-versie', 'POP-versies'],
  verslagen: ['verslag', 'verslagen'],
  vertrouwelijkeVerslagen: ['vertrouwelijk verslag', 'vertrouwelijke verslagen'],
  voortgangsnotities: ['voortgangsnotitie', 'voortgangsnotities'],
  talen: ['taal', 'talen'],
  intervisiegroepen: ['intervisiegroep', 'intervisiegroepen'],
  bonnen: ['bon', 'bonnen'],
  declaraties: ['declaratie', 'declaraties'],
  trainingen: ['training', 'trainingen'],
  certificaten: ['certificaat', 'certificaten'],
  betaald: ['betaalde declaratie', 'betaalde declaraties'],
  afgewezen: ['afgewezen declaratie', 'afgewezen declaraties'],
  betaalbestanden: ['betaalbestand', 'betaalbestanden'],
  logboekregels: ['logboekregel', 'logboekregels'],
  vermeldingen: [
    'vermelding van de voornaam in vrije tekst van anderen (nakijken)',
    'vermeldingen van de voornaam in vrije tekst van anderen (nakijken)',
  ],
};

/** '1 declaratie', '3 declaraties'; a kind without a noun reads as its label. */
export function formatCount(n: number, kind: string): string {
  const noun = Object.hasOwn(countNouns, kind) ? countNouns[kind] : undefined;
  return `${n} ${noun ? noun[n === 1 ? 0 : 1] : labelOf(kind).toLowerCase()}`;
}

/**
 * The label of any field name, or the name itself where none is known (shortened and printable: an unknown
 * field comes from the caller). Own keys only: '__proto__' or 'constructor' must not find Object's.
 */
export function labelOf(field: string): string {
  if (Object.hasOwn(fieldLabels, field)) return fieldLabels[field as keyof typeof fieldLabels];
  const noun = Object.hasOwn(countNouns, field) ? countNouns[field]?.[1] : undefined;
  if (noun) return noun.charAt(0).toUpperCase() + noun.slice(1);
  const shown = printable(field, 40);
  return shown.trim() === '' ? 'Veld zonder naam' : shown;
}

/** 'talen.1.taal' → 'Talen (regel 2): Taal' */
export function labelForPath(path: readonly PropertyKey[]): string {
  const labels: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number') {
      labels[labels.length - 1] = `${labels.at(-1) ?? ''} (regel ${key + 1})`;
    } else {
      const name = String(key);
      labels.push(labelOf(name));
    }
  }
  return labels.join(': ');
}
