/** The register's part of the inzage export: the person, their languages and status history. */
import { formatDateLong, formatDateTime, formatIban } from '../../../shared/format.ts';
import { genderLabels, type PersonStatus, statusLabels } from '../../../shared/persons.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { dash, legalName, none, yes } from '../avg/inzage-values.ts';

export interface PersonsInzage {
  persoon: {
    kenmerk: string;
    naam: string;
    voornaam: string;
    tussenvoegsel: string | null;
    achternaam: string;
    roepnaam: string | null;
    geboortedatum: string | null;
    geslacht: string | null;
    herkomstland: string | null;
    niveauNederlands: string | null;
    straat: string | null;
    huisnummer: string | null;
    postcode: string | null;
    plaats: string | null;
    gemeente: string | null;
    telefoon: string | null;
    email: string | null;
    iban: string | null;
    bijstand: boolean;
    toestemmingGemeenteNodig: boolean;
    toestemmingGemeenteDatum: string | null;
    vogAfgiftedatum: string | null;
    vogVernieuwdatum: string | null;
    status: string;
    statusDatum: string;
    vasteBegeleider: string | null;
    notities: string | null;
    aangemaaktOp: string;
    gewijzigdOp: string;
  };
  talen: { kenmerk: string; taal: string; niveau: string }[];
  statusgeschiedenis: {
    kenmerk: string;
    status: string;
    datum: string;
    toelichting: string | null;
    vastgelegdDoor: string | null;
    vastgelegdOp: string;
  }[];
}

const statusLabel = (status: string) => statusLabels[status as PersonStatus] ?? status;

export const personsInzage: InzagePart<PersonsInzage> = {
  tables: {
    persons: 'persoon (zoektekst en sorteernaam zijn daarvan afgeleid)',
    person_languages: 'talen',
    person_status_history: 'statusgeschiedenis',
  },

  async collect(db, { person, who }) {
    const talen = await db
      .selectFrom('person_languages')
      .select(['id', 'taal', 'niveau'])
      .where('person_id', '=', person.id)
      .orderBy('position')
      .execute();
    const history = await db
      .selectFrom('person_status_history')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('datum')
      .orderBy('created_at')
      .execute();
    return {
      sections: {
        persoon: {
          kenmerk: person.id,
          naam: legalName(person),
          voornaam: person.voornaam,
          tussenvoegsel: person.tussenvoegsel,
          achternaam: person.achternaam,
          roepnaam: person.roepnaam,
          geboortedatum: person.geboortedatum,
          geslacht: person.gender
            ? (genderLabels[person.gender as keyof typeof genderLabels] ?? person.gender)
            : null,
          herkomstland: person.herkomstland,
          niveauNederlands: person.niveau_nederlands,
          straat: person.straat,
          huisnummer: person.huisnummer,
          postcode: person.postcode,
          plaats: person.plaats,
          gemeente: person.gemeente,
          telefoon: person.telefoon,
          email: person.email,
          iban: person.iban,
          bijstand: person.bijstand === 1,
          toestemmingGemeenteNodig: person.toestemming_nodig === 1,
          toestemmingGemeenteDatum: person.toestemming_datum,
          vogAfgiftedatum: person.vog_afgiftedatum,
          vogVernieuwdatum: person.vog_vernieuwdatum,
          status: statusLabel(person.status),
          statusDatum: person.status_datum,
          vasteBegeleider: who(person.begeleider_id),
          notities: person.notities,
          aangemaaktOp: person.created_at,
          gewijzigdOp: person.updated_at,
        },
        talen: talen.map((t) => ({ kenmerk: t.id, taal: t.taal, niveau: t.niveau })),
        statusgeschiedenis: history.map((h) => ({
          kenmerk: h.id,
          status: statusLabel(h.status),
          datum: h.datum,
          toelichting: h.toelichting,
          vastgelegdDoor: who(h.account_id),
          vastgelegdOp: h.created_at,
        })),
      },
      logged: [person.id],
    };
  },

  chapters({ persoon: p, talen, statusgeschiedenis }) {
    const date = (d: string | null) => (d ? formatDateLong(d) : '—');
    const address = [[p.straat, p.huisnummer].filter(Boolean).join(' '), p.postcode, p.plaats]
      .filter(Boolean)
      .join(', ');
    return [
      {
        title: 'Persoonsgegevens',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Voornaam', p.voornaam],
              ['Tussenvoegsel', dash(p.tussenvoegsel)],
              ['Achternaam', p.achternaam],
              ['Roepnaam', dash(p.roepnaam)],
              ['Geboortedatum', date(p.geboortedatum)],
              ['Geslacht', dash(p.geslacht)],
              ['Herkomstland', dash(p.herkomstland)],
              ['Niveau Nederlands', dash(p.niveauNederlands)],
              ['Adres', dash(address)],
              ['Gemeente', dash(p.gemeente)],
              ['Telefoon', dash(p.telefoon)],
              ['E-mail', dash(p.email)],
              ['IBAN', dash(formatIban(p.iban))],
              ['Bijstand', yes(p.bijstand)],
              ['Toestemming gemeente nodig', yes(p.toestemmingGemeenteNodig)],
              ['Datum toestemming', date(p.toestemmingGemeenteDatum)],
              ['VOG-afgiftedatum', date(p.vogAfgiftedatum)],
              ['VOG vernieuwen op', date(p.vogVernieuwdatum)],
              ['Status', `${p.status} sinds ${formatDateLong(p.statusDatum)}`],
              ['Vaste begeleider', dash(p.vasteBegeleider)],
              ['Notities', dash(p.notities)],
              ['Vastgelegd sinds', formatDateTime(p.aangemaaktOp)],
              ['Laatst gewijzigd', formatDateTime(p.gewijzigdOp)],
            ],
          },
          ...(talen.length > 0
            ? [
                { kind: 'heading' as const, text: 'Talen' },
                { kind: 'bullets' as const, items: talen.map((t) => `${t.taal} (${t.niveau})`) },
              ]
            : []),
        ],
      },
      {
        title: 'Statusgeschiedenis',
        blocks:
          statusgeschiedenis.length === 0
            ? none('Geen statuswijzigingen vastgelegd.')
            : [
                {
                  kind: 'facts',
                  rows: statusgeschiedenis.map((h): [string, string] => [
                    formatDateLong(h.datum),
                    [h.status, h.toelichting, h.vastgelegdDoor ? `vastgelegd door ${h.vastgelegdDoor}` : null]
                      .filter(Boolean)
                      .join(' · '),
                  ]),
                },
              ],
      },
    ];
  },
};
