/**
 * Intervisie's part of the inzage export: the groups the person is in and the sessions they attended. A session's
 * summary is about every attendee, so it stays out; the group, date and theme are the person's.
 */
import { formatDateLong } from '../../../shared/format.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { none } from '../avg/inzage-values.ts';

export interface IntervisieInzage {
  intervisie: {
    groepen: { kenmerk: string; groep: string }[];
    bijeenkomsten: {
      kenmerk: string;
      groep: string;
      datum: string;
      thema: string;
      duurMinuten: number | null;
    }[];
  };
}

export const intervisieInzage: InzagePart<IntervisieInzage> = {
  tables: {
    intervisie_members: 'intervisie.groepen',
    intervisie_sessions: 'intervisie.bijeenkomsten (waar de persoon aanwezig was)',
  },

  async collect(db, { person }) {
    const groups = await db
      .selectFrom('intervisie_members')
      .innerJoin('intervisie_groups', 'intervisie_groups.id', 'intervisie_members.group_id')
      .select(['intervisie_members.id', 'intervisie_groups.naam'])
      .where('intervisie_members.person_id', '=', person.id)
      .orderBy('intervisie_groups.naam')
      .execute();
    // Attendance is a JSON list of person ids; the LIKE only narrows, the parse decides.
    const sessions = (
      await db
        .selectFrom('intervisie_sessions')
        .innerJoin('intervisie_groups', 'intervisie_groups.id', 'intervisie_sessions.group_id')
        .select([
          'intervisie_sessions.id',
          'intervisie_sessions.datum',
          'intervisie_sessions.thema',
          'intervisie_sessions.duur_minuten',
          'intervisie_sessions.aanwezig',
          'intervisie_groups.naam',
        ])
        .where('intervisie_sessions.aanwezig', 'like', `%${person.id}%`)
        .orderBy('intervisie_sessions.datum')
        .execute()
    ).filter((s) => (JSON.parse(s.aanwezig) as string[]).includes(person.id));
    return {
      sections: {
        intervisie: {
          groepen: groups.map((g) => ({ kenmerk: g.id, groep: g.naam })),
          bijeenkomsten: sessions.map((s) => ({
            kenmerk: s.id,
            groep: s.naam,
            datum: s.datum,
            thema: s.thema,
            duurMinuten: s.duur_minuten,
          })),
        },
      },
    };
  },

  chapters({ intervisie: { groepen, bijeenkomsten } }) {
    if (groepen.length === 0 && bijeenkomsten.length === 0)
      return [{ title: 'Intervisie', blocks: none('Geen intervisie vastgelegd.') }];
    return [
      {
        title: 'Intervisie',
        blocks: [
          {
            kind: 'paragraph',
            text:
              groepen.length > 0
                ? `Lid van: ${groepen.map((g) => g.groep).join(', ')}.`
                : 'Nu geen lid van een groep.',
          },
          ...(bijeenkomsten.length > 0
            ? [
                {
                  kind: 'facts' as const,
                  rows: bijeenkomsten.map((s): [string, string] => [
                    formatDateLong(s.datum),
                    `Aanwezig bij ${s.groep}: ${s.thema}${s.duurMinuten ? ` (${s.duurMinuten} minuten)` : ''}`,
                  ]),
                },
              ]
            : []),
        ],
      },
    ];
  },
};
