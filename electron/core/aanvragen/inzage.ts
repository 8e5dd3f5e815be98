/**
 * Aanvragen's part of the inzage export: the requests the person was matched to (date, partner, kind of help,
 * status; the request's description is about a client, not about them, and stays out), their availability and
 * their absences.
 */
import { formatDate } from '../../../shared/format.ts';
import {
  type ActivityKind,
  activityKindLabels,
  dagdeelLabel,
  type RequestStatus,
  requestStatusLabels,
} from '../../../shared/work-vocabulary.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { dash, none, yes } from '../avg/inzage-values.ts';
import { availabilityOf } from './read.ts';

export interface AanvragenInzage {
  aanvragen: {
    gematcht: {
      kenmerk: string;
      aanvraag: string;
      gematchtOp: string;
      ontvangenOp: string;
      ketenpartner: string | null;
      soortHulp: string;
      status: string;
      gematchtDoor: string | null;
    }[];
    beschikbaarheid: {
      kenmerk: string;
      dagdelen: string[];
      eigenVervoer: boolean;
      ookGemeenten: string[];
      toelichting: string | null;
    } | null;
    afwezigheden: { kenmerk: string; van: string; tot: string; reden: string | null }[];
  };
}

export const aanvragenInzage: InzagePart<AanvragenInzage> = {
  tables: {
    request_persons: 'aanvragen.gematcht',
    person_availability: 'aanvragen.beschikbaarheid',
    person_absences: 'aanvragen.afwezigheden',
  },

  async collect(db, { person, who }) {
    const matched = await db
      .selectFrom('request_persons')
      .innerJoin('requests', 'requests.id', 'request_persons.request_id')
      .leftJoin('partners', 'partners.id', 'requests.partner_id')
      .select([
        'request_persons.id',
        'request_persons.request_id',
        'request_persons.created_at',
        'request_persons.account_id',
        'requests.ontvangen_op',
        'requests.soort_hulp',
        'requests.status',
        'partners.naam as partner_naam',
      ])
      .where('request_persons.person_id', '=', person.id)
      .orderBy('request_persons.created_at')
      .execute();
    const a = (await availabilityOf(db, [person.id])).get(person.id);
    return {
      sections: {
        aanvragen: {
          gematcht: matched.map((m) => ({
            kenmerk: m.id,
            aanvraag: m.request_id,
            gematchtOp: m.created_at.slice(0, 10),
            ontvangenOp: m.ontvangen_op,
            ketenpartner: m.partner_naam,
            soortHulp: activityKindLabels[m.soort_hulp as ActivityKind] ?? m.soort_hulp,
            status: requestStatusLabels[m.status as RequestStatus] ?? m.status,
            gematchtDoor: who(m.account_id),
          })),
          beschikbaarheid:
            a?.id != null
              ? {
                  kenmerk: a.id,
                  dagdelen: a.dagdelen.map(dagdeelLabel),
                  eigenVervoer: a.eigenVervoer,
                  ookGemeenten: a.ookGemeenten,
                  toelichting: a.toelichting,
                }
              : null,
          afwezigheden: (a?.afwezigheden ?? []).map((x) => ({
            kenmerk: x.id,
            van: x.van,
            tot: x.tot,
            reden: x.reden,
          })),
        },
      },
      logged: [...(a?.id ? [a.id] : []), ...(a?.afwezigheden ?? []).map((x) => x.id)],
      counts: { aanvragen: matched.length, afwezigheden: a?.afwezigheden.length ?? 0 },
    };
  },

  chapters({ aanvragen: d }) {
    if (d.gematcht.length === 0 && !d.beschikbaarheid && d.afwezigheden.length === 0)
      return [{ title: 'Aanvragen en beschikbaarheid', blocks: none('Niets vastgelegd.') }];
    const b = d.beschikbaarheid;
    return [
      {
        title: 'Aanvragen en beschikbaarheid',
        blocks: [
          { kind: 'heading', text: 'Aanvragen waarvoor u bent gevraagd' },
          d.gematcht.length === 0
            ? { kind: 'paragraph', text: 'Geen aanvragen.' }
            : {
                kind: 'bullets',
                items: d.gematcht.map(
                  (m) =>
                    `${formatDate(m.gematchtOp)}: ${m.soortHulp} voor ${m.ketenpartner ?? 'een inloopvraag'} (ontvangen ${formatDate(m.ontvangenOp)}), ${m.status.toLowerCase()}; gekoppeld door ${dash(m.gematchtDoor)}`,
                ),
              },
          { kind: 'heading', text: 'Beschikbaarheid' },
          b
            ? {
                kind: 'facts',
                rows: [
                  ['Dagdelen', b.dagdelen.length === 0 ? 'geen' : b.dagdelen.join(', ')],
                  ['Eigen vervoer', yes(b.eigenVervoer)],
                  ['Ook naar', b.ookGemeenten.length === 0 ? '–' : b.ookGemeenten.join(', ')],
                  ['Toelichting', dash(b.toelichting)],
                ],
              }
            : { kind: 'paragraph', text: 'Geen beschikbaarheid vastgelegd.' },
          { kind: 'heading', text: 'Afwezigheid' },
          d.afwezigheden.length === 0
            ? { kind: 'paragraph', text: 'Geen afwezigheid vastgelegd.' }
            : {
                kind: 'bullets',
                items: d.afwezigheden.map(
                  (x) => `${formatDate(x.van)} t/m ${formatDate(x.tot)}${x.reden ? `: ${x.reden}` : ''}`,
                ),
              },
        ],
      },
    ];
  },
};
