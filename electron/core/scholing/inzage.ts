/**
 * Scholing's part of the inzage export: the person's trainings with their notes and certificates (name, kind and
 * size; a copy of the file itself is asked for separately), and the group trainings they were invited to, with
 * whether they were there. Other invitees stay out.
 */
import { formatDateLong } from '../../../shared/format.ts';
import { type TrainingStatus, trainingKindLabels, trainingStatusLabels } from '../../../shared/scholing.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { dash, none } from '../avg/inzage-values.ts';
import { extensionOf } from '../uploads.ts';
import { inDateOrder, personTrainingRows, toTrainingOfPerson } from './read.ts';

export interface ScholingInzage {
  scholing: {
    trainingen: {
      kenmerk: string;
      training: string;
      aanbieder: string;
      soort: string;
      status: string;
      begindatum: string | null;
      einddatum: string | null;
      minuten: number | null;
      verloopdatum: string | null;
      notitie: string | null;
      certificaat: { kenmerk: string; bestand: string; soort: string; bytes: number; sha256: string } | null;
    }[];
    groepstrainingen: {
      kenmerk: string;
      training: string;
      datum: string;
      plaats: string;
      aanwezig: boolean | null;
    }[];
  };
}

export const scholingInzage: InzagePart<ScholingInzage> = {
  tables: {
    person_trainings: 'scholing.trainingen',
    training_certificates: 'scholing.trainingen.certificaat (naam, soort, grootte; niet de inhoud)',
    training_session_attendees: 'scholing.groepstrainingen',
  },

  async collect(db, { person }) {
    const rows = inDateOrder(await personTrainingRows(db, person.id));
    const certificates = await db
      .selectFrom('training_certificates')
      .innerJoin('person_trainings', 'person_trainings.id', 'training_certificates.person_training_id')
      .select([
        'training_certificates.id',
        'training_certificates.person_training_id',
        'training_certificates.mime',
        'training_certificates.size',
        'training_certificates.sha256',
      ])
      .where('person_trainings.person_id', '=', person.id)
      .execute();
    const sessions = await db
      .selectFrom('training_session_attendees')
      .innerJoin('training_sessions', 'training_sessions.id', 'training_session_attendees.session_id')
      .innerJoin('trainings', 'trainings.id', 'training_sessions.training_id')
      .select([
        'training_session_attendees.id',
        'training_session_attendees.aanwezig',
        'training_sessions.datum',
        'training_sessions.plaats',
        'trainings.naam',
      ])
      .where('training_session_attendees.person_id', '=', person.id)
      .orderBy('training_sessions.datum')
      .execute();
    return {
      sections: {
        scholing: {
          trainingen: rows.map((r) => {
            const t = toTrainingOfPerson(r);
            const c = certificates.find((x) => x.person_training_id === r.id);
            return {
              kenmerk: r.id,
              training: t.naam,
              aanbieder: t.aanbieder,
              soort: trainingKindLabels[t.soort] ?? t.soort,
              status: trainingStatusLabels[t.status as TrainingStatus] ?? t.status,
              begindatum: t.startdatum,
              einddatum: t.einddatum,
              minuten: t.minuten,
              verloopdatum: t.verloopdatum,
              notitie: r.notitie,
              certificaat: c
                ? {
                    kenmerk: c.id,
                    bestand: `certificaat.${extensionOf[c.mime] ?? 'bin'}`,
                    soort: c.mime,
                    bytes: c.size,
                    sha256: c.sha256,
                  }
                : null,
            };
          }),
          groepstrainingen: sessions.map((s) => ({
            kenmerk: s.id,
            training: s.naam,
            datum: s.datum,
            plaats: s.plaats,
            aanwezig: s.aanwezig === null ? null : s.aanwezig === 1,
          })),
        },
      },
      logged: rows.map((r) => r.id),
      counts: { trainingen: rows.length },
    };
  },

  chapters({ scholing: { trainingen, groepstrainingen } }) {
    if (trainingen.length === 0 && groepstrainingen.length === 0)
      return [{ title: 'Scholing', blocks: none('Geen scholing vastgelegd.') }];
    return [
      {
        title: 'Scholing',
        blocks: [
          ...trainingen.map((t) => ({
            kind: 'facts' as const,
            rows: [
              ['Training', `${t.training} (${t.aanbieder}, ${t.soort.toLowerCase()})`],
              ['Status', t.status],
              ['Begindatum', dash(t.begindatum && formatDateLong(t.begindatum))],
              ['Einddatum', dash(t.einddatum && formatDateLong(t.einddatum))],
              ['Certificaat', t.certificaat ? `${t.certificaat.bestand}, ${t.certificaat.bytes} bytes` : '—'],
              ['Geldig tot', dash(t.verloopdatum && formatDateLong(t.verloopdatum))],
              ['Notitie', dash(t.notitie)],
            ] as [string, string][],
          })),
          ...(groepstrainingen.length > 0
            ? [
                {
                  kind: 'facts' as const,
                  rows: groepstrainingen.map((s): [string, string] => [
                    formatDateLong(s.datum),
                    `Groepstraining ${s.training} in ${s.plaats}: ${s.aanwezig === null ? 'uitgenodigd' : s.aanwezig ? 'aanwezig' : 'niet aanwezig'}`,
                  ]),
                },
              ]
            : []),
        ],
      },
    ];
  },
};
