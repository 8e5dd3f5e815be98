/**
 * Doorgroei's part of the inzage export: education, Dutch level per skill, work experience, the begeleider's text
 * for the portfolio and uitstroom.
 */
import {
  dutchExamLabels,
  dutchSkillLabels,
  educationCountryLabels,
  educationLevelLabels,
  idwLabels,
  outflowKindLabels,
} from '../../../shared/doorgroei.ts';
import { formatDate } from '../../../shared/format.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { dash, none, yes } from '../avg/inzage-values.ts';

export interface DoorgroeiInzage {
  doorgroei: {
    /** The record the changes in the log are about; null while nothing was saved. */
    kenmerk: string | null;
    /** What the begeleider wrote about the person for the portfolio. */
    portfolioTekst: string | null;
    opleidingen: {
      kenmerk: string;
      land: string;
      niveau: string;
      richting: string;
      diploma: boolean;
      waarderingIdw: string | null;
    }[];
    nederlands: {
      kenmerk: string;
      vaardigheid: string;
      niveau: string;
      examen: string | null;
      examendatum: string | null;
    }[];
    werkervaring: {
      kenmerk: string;
      functie: string;
      sector: string | null;
      land: string;
      van: string;
      tot: string | null;
    }[];
    uitstroom: {
      kenmerk: string;
      datum: string;
      vervolg: string;
      toelichting: string | null;
      vastgelegdDoor: string | null;
    }[];
  };
}

const label = (labels: Record<string, string>, code: string) =>
  Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;

export const doorgroeiInzage: InzagePart<DoorgroeiInzage> = {
  tables: {
    doorgroei_profiles: 'doorgroei (de wijzigingen staan in het logboek)',
    doorgroei_education: 'doorgroei.opleidingen',
    doorgroei_dutch_levels: 'doorgroei.nederlands',
    doorgroei_work: 'doorgroei.werkervaring',
    doorgroei_outflows: 'doorgroei.uitstroom',
  },

  async collect(db, { person, who }) {
    const head = await db
      .selectFrom('doorgroei_profiles')
      .select(['id', 'portfolio_tekst'])
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    const education = await db
      .selectFrom('doorgroei_education')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('position')
      .execute();
    const levels = await db
      .selectFrom('doorgroei_dutch_levels')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('vaardigheid')
      .execute();
    const work = await db
      .selectFrom('doorgroei_work')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('position')
      .execute();
    const outflows = await db
      .selectFrom('doorgroei_outflows')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('datum')
      .execute();
    return {
      sections: {
        doorgroei: {
          kenmerk: head?.id ?? null,
          portfolioTekst: head?.portfolio_tekst ?? null,
          opleidingen: education.map((e) => ({
            kenmerk: e.id,
            land: label(educationCountryLabels, e.land),
            niveau: label(educationLevelLabels, e.niveau),
            richting: e.richting,
            diploma: e.diploma === 1,
            waarderingIdw: e.idw ? label(idwLabels, e.idw) : null,
          })),
          nederlands: levels.map((l) => ({
            kenmerk: l.id,
            vaardigheid: label(dutchSkillLabels, l.vaardigheid),
            niveau: l.niveau,
            examen: l.examen ? label(dutchExamLabels, l.examen) : null,
            examendatum: l.examen_datum,
          })),
          werkervaring: work.map((w) => ({
            kenmerk: w.id,
            functie: w.functie,
            sector: w.sector,
            land: w.land,
            van: w.van,
            tot: w.tot,
          })),
          uitstroom: outflows.map((o) => ({
            kenmerk: o.id,
            datum: o.datum,
            vervolg: label(outflowKindLabels, o.vervolg),
            toelichting: o.toelichting,
            vastgelegdDoor: who(o.account_id),
          })),
        },
      },
      logged: [...(head ? [head.id] : []), ...outflows.map((o) => o.id)],
      counts: { opleidingen: education.length, werkervaring: work.length, uitstroom: outflows.length },
    };
  },

  chapters({ doorgroei: d }) {
    const lists = d.opleidingen.length + d.nederlands.length + d.werkervaring.length + d.uitstroom.length;
    if (lists === 0 && !d.portfolioTekst)
      return [{ title: 'Opleiding, werkervaring en uitstroom', blocks: none('Niets vastgelegd.') }];
    const period = (van: string, tot: string | null) =>
      `${formatDate(van)} – ${tot ? formatDate(tot) : 'heden'}`;
    return [
      {
        title: 'Opleiding, werkervaring en uitstroom',
        blocks: [
          { kind: 'heading', text: 'Opleidingen' },
          d.opleidingen.length === 0
            ? { kind: 'paragraph', text: 'Geen opleidingen vastgelegd.' }
            : {
                kind: 'bullets',
                items: d.opleidingen.map(
                  (e) =>
                    `${e.niveau}, ${e.richting} (${e.land}); diploma: ${yes(e.diploma)}${e.waarderingIdw ? `; IDW: ${e.waarderingIdw.toLowerCase()}` : ''}`,
                ),
              },
          { kind: 'heading', text: 'Nederlands' },
          d.nederlands.length === 0
            ? { kind: 'paragraph', text: 'Geen niveau vastgelegd.' }
            : {
                kind: 'facts',
                rows: d.nederlands.map((l): [string, string] => [
                  l.vaardigheid,
                  `${l.niveau}${l.examen ? `, ${l.examen}` : ''}${l.examendatum ? ` (${formatDate(l.examendatum)})` : ''}`,
                ]),
              },
          { kind: 'heading', text: 'Werkervaring' },
          d.werkervaring.length === 0
            ? { kind: 'paragraph', text: 'Geen werkervaring vastgelegd.' }
            : {
                kind: 'bullets',
                items: d.werkervaring.map(
                  (w) =>
                    `${w.functie}${w.sector ? `, ${w.sector}` : ''} in ${w.land}, ${period(w.van, w.tot)}`,
                ),
              },
          { kind: 'heading', text: 'Tekst voor het portfolio' },
          { kind: 'paragraph', text: d.portfolioTekst ?? 'Geen tekst geschreven.' },
          { kind: 'heading', text: 'Uitstroom' },
          d.uitstroom.length === 0
            ? { kind: 'paragraph', text: 'Geen uitstroom vastgelegd.' }
            : {
                kind: 'facts',
                rows: d.uitstroom.map((o): [string, string] => [
                  formatDate(o.datum),
                  `${o.vervolg}${o.toelichting ? `: ${o.toelichting}` : ''} (vastgelegd door ${dash(o.vastgelegdDoor)})`,
                ]),
              },
        ],
      },
    ];
  },
};
