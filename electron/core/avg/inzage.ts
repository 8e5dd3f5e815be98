/**
 * The avg area's own part of the inzage export, which opens it: what the export is and on what ground, who made it
 * and when, the organisation that holds the data (verwerkingsverantwoordelijke), and whether the person was
 * anonymised after the retention period.
 */
import { formatDateTime } from '../../../shared/format.ts';
import { loadSettings } from '../settings/read.ts';
import type { InzagePart } from './inzage-part.ts';
import { dash, dayOf } from './inzage-values.ts';

export const inzageTitle = 'Overzicht van gegevens (inzageverzoek)';

export interface AvgInzage {
  overzicht: {
    titel: string;
    grondslag: string;
    gemaaktOp: string;
    gemaaktDoor: string | null;
    verwerkingsverantwoordelijke: { naam: string; adres: string | null; kvkNummer: string | null };
    toelichting: string[];
  };
  verwijdering: { op: string; grens: string; aantallen: Record<string, number> } | null;
}

export const avgInzage: InzagePart<AvgInzage> = {
  tables: {
    settings: 'overzicht.verwerkingsverantwoordelijke (de organisatie zelf)',
    retention_removals: 'verwijdering (als de persoon geanonimiseerd is)',
  },

  async collect(db, { person, made }) {
    const settings = await loadSettings(db);
    const removal = await db
      .selectFrom('retention_removals')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    const address = [
      [settings.straat, settings.huisnummer].filter(Boolean).join(' '),
      [settings.postcode, settings.plaats].filter(Boolean).join(' '),
    ]
      .filter(Boolean)
      .join(', ');
    return {
      sections: {
        overzicht: {
          titel: inzageTitle,
          grondslag: 'Artikel 15 Algemene verordening gegevensbescherming (AVG): recht op inzage',
          gemaaktOp: made.now,
          gemaaktDoor: made.by,
          verwerkingsverantwoordelijke: {
            naam: settings.naam,
            adres: address || null,
            kvkNummer: settings.kvkNummer,
          },
          toelichting: [
            `Dit zijn alle gegevens die ${settings.naam} in Schakel over u heeft vastgelegd, op het moment dat dit overzicht is gemaakt.`,
            'Verslagen die binnen de organisatie vertrouwelijk zijn (alleen voor de schrijver en de projectleiders) staan er ook in, gemarkeerd als vertrouwelijk.',
            'Van bonnen en ondertekende contracten staan hier de kenmerken; een kopie van het bestand zelf kunt u opvragen.',
            'Van een intervisiebijeenkomst staan hier de groep, de datum en het thema; de samenvatting gaat ook over de andere deelnemers en staat er daarom niet in.',
            'Klopt er iets niet, of wilt u dat gegevens worden verwijderd? Neem dan contact op met de organisatie.',
          ],
        },
        verwijdering: removal
          ? {
              op: removal.at,
              grens: removal.grens,
              aantallen: JSON.parse(removal.aantallen) as Record<string, number>,
            }
          : null,
      },
    };
  },

  chapters({ overzicht: o, verwijdering }) {
    return [
      {
        title: 'Over dit overzicht',
        blocks: [
          ...o.toelichting.map((text) => ({ kind: 'paragraph' as const, text })),
          {
            kind: 'facts',
            rows: [
              ['Verwerkingsverantwoordelijke', o.verwerkingsverantwoordelijke.naam],
              ['Adres', dash(o.verwerkingsverantwoordelijke.adres)],
              ['KvK-nummer', dash(o.verwerkingsverantwoordelijke.kvkNummer)],
              ['Grondslag', o.grondslag],
              ['Gemaakt op', formatDateTime(o.gemaaktOp)],
              ['Gemaakt door', dash(o.gemaaktDoor)],
            ],
          },
          ...(verwijdering
            ? [
                {
                  kind: 'notice' as const,
                  text: `Deze gegevens zijn op ${dayOf(verwijdering.op)} na afloop van de bewaartermijn geanonimiseerd.`,
                },
              ]
            : []),
        ],
      },
    ];
  },
};
