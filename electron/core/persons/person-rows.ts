import type { Person, PersonLanguage, PersonStatus } from '../../../shared/persons.ts';
import { fullName, languageLevelLabels } from '../../../shared/persons.ts';
import type { Reader } from '../context.ts';
import { runCompiledOnce } from '../store/compiled-once.ts';
import { perStore } from '../store/per-store.ts';
import type { PersonsTable } from '../store/schema.ts';

/** Built once per store handle: the register asks for a page's languages on every page. */
const languageQuery = perStore((db) =>
  db.selectFrom('person_languages').select(['person_id', 'taal', 'niveau']),
);

export async function languagesOf(db: Reader, personIds: string[]): Promise<Map<string, PersonLanguage[]>> {
  const byPerson = new Map<string, PersonLanguage[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await runCompiledOnce(db, 'languages', { ids: personIds }, ({ ids }) =>
    languageQuery(db).where('person_id', 'in', ids).orderBy('person_id').orderBy('position'),
  );
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    list.push({ taal: r.taal, niveau: r.niveau as PersonLanguage['niveau'] });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}

export function toPerson(
  row: PersonsTable,
  talen: PersonLanguage[],
  begeleiderNaam: string | null,
): Omit<Person, 'geanonimiseerd'> {
  return {
    id: row.id,
    version: row.version,
    naam: fullName(row),
    voornaam: row.voornaam,
    tussenvoegsel: row.tussenvoegsel,
    achternaam: row.achternaam,
    roepnaam: row.roepnaam,
    geboortedatum: row.geboortedatum,
    gender: row.gender as Person['gender'],
    herkomstland: row.herkomstland,
    talen,
    niveauNederlands: row.niveau_nederlands as Person['niveauNederlands'],
    straat: row.straat,
    huisnummer: row.huisnummer,
    postcode: row.postcode,
    plaats: row.plaats,
    gemeente: row.gemeente,
    telefoon: row.telefoon,
    email: row.email,
    iban: row.iban,
    bijstand: row.bijstand === 1,
    toestemmingNodig: row.toestemming_nodig === 1,
    toestemmingDatum: row.toestemming_datum,
    vogAfgiftedatum: row.vog_afgiftedatum,
    vogVernieuwdatum: row.vog_vernieuwdatum,
    begeleiderId: row.begeleider_id,
    begeleiderNaam,
    notities: row.notities,
    status: row.status as PersonStatus,
    statusDatum: row.status_datum,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The flat view of a person that the audit log compares before and after a save. */
export function personSnapshot(
  p: Omit<
    Person,
    'naam' | 'begeleiderNaam' | 'createdAt' | 'updatedAt' | 'version' | 'id' | 'geanonimiseerd'
  >,
) {
  return {
    voornaam: p.voornaam,
    tussenvoegsel: p.tussenvoegsel,
    achternaam: p.achternaam,
    roepnaam: p.roepnaam,
    geboortedatum: p.geboortedatum,
    gender: p.gender,
    herkomstland: p.herkomstland,
    talen: p.talen.map((t) => `${t.taal} (${languageLevelLabels[t.niveau].toLowerCase()})`).join(', '),
    niveauNederlands: p.niveauNederlands,
    straat: p.straat,
    huisnummer: p.huisnummer,
    postcode: p.postcode,
    plaats: p.plaats,
    gemeente: p.gemeente,
    telefoon: p.telefoon,
    email: p.email,
    iban: p.iban,
    bijstand: p.bijstand,
    toestemmingNodig: p.toestemmingNodig,
    toestemmingDatum: p.toestemmingDatum,
    vogAfgiftedatum: p.vogAfgiftedatum,
    vogVernieuwdatum: p.vogVernieuwdatum,
    begeleiderId: p.begeleiderId,
    notities: p.notities,
    status: p.status,
    statusDatum: p.statusDatum,
  };
}
