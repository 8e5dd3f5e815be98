/**
 * Inzet's part of the inzage export: the activities the person took part in (date, duration, kind, partner, and
 * the claim it prepared for them). Other sleutelpersonen on the same activity, and what the newcomers asked, stay
 * out: the activity is about them, not about the person.
 */
import { formatDateLong, formatMinutes } from '../../../shared/format.ts';
import { type ActivityKind, activityKindLabels } from '../../../shared/work-vocabulary.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { none } from '../avg/inzage-values.ts';

export interface InzetInzage {
  inzet: {
    kenmerk: string;
    datum: string;
    minuten: number;
    soort: string;
    ketenpartner: string | null;
    gemeente: string | null;
    declaratie: string | null;
  }[];
}

export const inzetInzage: InzagePart<InzetInzage> = {
  tables: {
    inzet_persons: 'inzet (datum, duur, soort, ketenpartner; geen andere sleutelpersonen, geen hulpvraag)',
  },

  async collect(db, { person }) {
    const rows = await db
      .selectFrom('inzet_persons')
      .innerJoin('inzet', 'inzet.id', 'inzet_persons.inzet_id')
      .leftJoin('partners', 'partners.id', 'inzet.partner_id')
      .select([
        'inzet_persons.id',
        'inzet_persons.claim_id',
        'inzet.datum',
        'inzet.minuten',
        'inzet.soort',
        'inzet.gemeente',
        'partners.naam as partner',
      ])
      .where('inzet_persons.person_id', '=', person.id)
      .orderBy('inzet.datum')
      .execute();
    return {
      sections: {
        inzet: rows.map((r) => ({
          kenmerk: r.id,
          datum: r.datum,
          minuten: r.minuten,
          soort: activityKindLabels[r.soort as ActivityKind] ?? r.soort,
          ketenpartner: r.partner,
          gemeente: r.gemeente,
          declaratie: r.claim_id,
        })),
      },
      counts: { inzet: rows.length },
    };
  },

  chapters({ inzet }) {
    if (inzet.length === 0) return [{ title: 'Inzet', blocks: none('Geen inzet vastgelegd.') }];
    return [
      {
        title: 'Inzet',
        blocks: [
          {
            kind: 'facts',
            rows: inzet.map((i): [string, string] => [
              formatDateLong(i.datum),
              `${i.soort}, ${formatMinutes(i.minuten)}${i.ketenpartner ? ` voor ${i.ketenpartner}` : ''}${i.gemeente ? ` in ${i.gemeente}` : ''}`,
            ]),
          },
        ],
      },
    ];
  },
};
