/**
 * Begeleiding's part of the inzage export: the POP with every version and the progress notes, and the
 * begeleidingslog, vertrouwelijke verslagen included and marked as such.
 */
import { type LogKind, logKindLabels, signalKindLabels } from '../../../shared/begeleiding/inputs.ts';
import { type GoalStatus, goalStatusLabels } from '../../../shared/begeleiding/pop-diff.ts';
import { type Rhythm, rhythmLabels } from '../../../shared/begeleiding/rhythm.ts';
import type { Block } from '../../../shared/document-model.ts';
import { formatDate, formatDateLong } from '../../../shared/format.ts';
import type { InzagePart } from '../avg/inzage-part.ts';
import { dash, dayOf, none, row } from '../avg/inzage-values.ts';

export interface BegeleidingInzage {
  pop: {
    kenmerk: string;
    aangemaaktOp: string;
    versies: {
      kenmerk: string;
      versie: number;
      gemaaktOp: string;
      gemaaktDoor: string | null;
      startdatum: string | null;
      kwaliteiten: string | null;
      ambitie: string | null;
      gespreksritme: string | null;
      leerdoelen: {
        kenmerk: string;
        wat: string;
        hoe: string;
        wieHelpt: string;
        streefdatum: string | null;
        stand: string;
      }[];
    }[];
    voortgang: {
      kenmerk: string;
      leerdoel: string;
      datum: string;
      stand: string;
      notitie: string;
      door: string | null;
      verslag: string | null;
    }[];
  } | null;
  begeleidingslog: {
    kenmerk: string;
    soort: string;
    signaal: string | null;
    datum: string;
    duurMinuten: number | null;
    vertrouwelijk: boolean;
    samenvatting: string;
    afspraken: string | null;
    volgendeAfspraak: string | null;
    geschrevenDoor: string | null;
    eigenaarSignaal: string | null;
    opvolging: string | null;
    geslotenOp: string | null;
    intervisiebijeenkomst: string | null;
    /** Why part of the entry is left out (a session summary that is about the other attendees too), or null. */
    weggelaten: string | null;
    vastgelegdOp: string;
  }[];
}

/** A POP version's content as stored. */
interface PopContent {
  startdatum?: string;
  kwaliteiten?: string;
  ambitie?: string;
  ritme?: Rhythm | null;
  doelen: {
    id: string;
    wat: string;
    hoe?: string;
    wieHelpt?: string;
    streefdatum?: string | null;
    status: GoalStatus;
  }[];
}

const goalStatus = (status: string) => goalStatusLabels[status as GoalStatus] ?? status;

export const begeleidingInzage: InzagePart<BegeleidingInzage> = {
  tables: {
    pops: 'pop',
    pop_versions: 'pop.versies',
    goal_progress: 'pop.voortgang',
    log_entries: 'begeleidingslog, vertrouwelijke verslagen gemarkeerd',
  },

  async collect(db, { person, who }) {
    const pop = await db.selectFrom('pops').selectAll().where('person_id', '=', person.id).executeTakeFirst();
    const versions = pop
      ? await db
          .selectFrom('pop_versions')
          .selectAll()
          .where('pop_id', '=', pop.id)
          .orderBy('versie')
          .execute()
      : [];
    const contents = versions.map((v) => ({ ...v, content: JSON.parse(v.content) as PopContent }));
    const goalNames = new Map(contents.flatMap((v) => v.content.doelen.map((g) => [g.id, g.wat] as const)));
    const progress = await db
      .selectFrom('goal_progress')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('datum')
      .orderBy('created_at')
      .execute();
    const entries = await db
      .selectFrom('log_entries')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('datum')
      .orderBy('created_at')
      .execute();

    const begeleidingslog = entries.map((e) => ({
      kenmerk: e.id,
      soort: logKindLabels[e.soort as LogKind] ?? e.soort,
      signaal: e.signaal_soort
        ? (signalKindLabels[e.signaal_soort as keyof typeof signalKindLabels] ?? e.signaal_soort)
        : null,
      datum: e.datum,
      duurMinuten: e.duur_minuten,
      vertrouwelijk: e.vertrouwelijk === 1,
      // An entry made from an intervisie session copies the session's summary, which is about everyone there.
      samenvatting: e.session_id ? (e.samenvatting.split('\n')[0] ?? '') : e.samenvatting,
      afspraken: e.afspraken,
      volgendeAfspraak: e.volgende_afspraak,
      geschrevenDoor: who(e.author_id),
      eigenaarSignaal: who(e.owner_id),
      opvolging: e.opvolging,
      geslotenOp: e.gesloten_op,
      intervisiebijeenkomst: e.session_id,
      weggelaten: e.session_id
        ? 'De samenvatting van de bijeenkomst is weggelaten: die gaat ook over de andere deelnemers.'
        : null,
      vastgelegdOp: e.created_at,
    }));
    return {
      sections: {
        pop: pop
          ? {
              kenmerk: pop.id,
              aangemaaktOp: pop.created_at,
              versies: contents.map(({ content, ...v }) => ({
                kenmerk: v.id,
                versie: v.versie,
                gemaaktOp: v.created_at,
                gemaaktDoor: who(v.account_id),
                startdatum: content.startdatum ?? null,
                kwaliteiten: content.kwaliteiten || null,
                ambitie: content.ambitie || null,
                gespreksritme: content.ritme ? (rhythmLabels[content.ritme] ?? content.ritme) : null,
                leerdoelen: content.doelen.map((g) => ({
                  kenmerk: g.id,
                  wat: g.wat,
                  hoe: g.hoe ?? '',
                  wieHelpt: g.wieHelpt ?? '',
                  streefdatum: g.streefdatum ?? null,
                  stand: goalStatus(g.status),
                })),
              })),
              voortgang: progress.map((p) => ({
                kenmerk: p.id,
                leerdoel: goalNames.get(p.goal_id) ?? p.goal_id,
                datum: p.datum,
                stand: goalStatus(p.status),
                notitie: p.notitie,
                door: who(p.account_id),
                verslag: p.entry_id,
              })),
            }
          : null,
        begeleidingslog,
      },
      logged: [...(pop ? [pop.id] : []), ...entries.map((e) => e.id)],
      counts: {
        popVersies: versions.length,
        verslagen: begeleidingslog.length,
        vertrouwelijkeVerslagen: begeleidingslog.filter((e) => e.vertrouwelijk).length,
      },
    };
  },

  chapters({ pop, begeleidingslog }) {
    return [
      { title: 'Persoonlijk ontwikkelingsplan (POP)', blocks: popBlocks(pop) },
      { title: 'Begeleidingslog', blocks: logBlocks(begeleidingslog) },
    ];
  },
};

function popBlocks(pop: BegeleidingInzage['pop']): Block[] {
  if (!pop) return none('Geen persoonlijk ontwikkelingsplan vastgelegd.');
  const blocks: Block[] = pop.versies.flatMap((v): Block[] => [
    {
      kind: 'heading',
      text: `Versie ${v.versie} van ${dayOf(v.gemaaktOp)}${v.gemaaktDoor ? `, door ${v.gemaaktDoor}` : ''}`,
    },
    {
      kind: 'facts',
      rows: [
        ['Gestart op', v.startdatum ? formatDateLong(v.startdatum) : '—'],
        ['Wat ik al goed kan', dash(v.kwaliteiten)],
        ['Waar ik naartoe wil', dash(v.ambitie)],
        ['Gespreksritme', dash(v.gespreksritme)],
        ...v.leerdoelen.map((g): [string, string] => [
          `Leerdoel: ${g.wat}`,
          [
            g.hoe && `hoe: ${g.hoe}`,
            g.wieHelpt && `wie helpt: ${g.wieHelpt}`,
            g.streefdatum && `klaar op ${formatDateLong(g.streefdatum)}`,
            `stand: ${g.stand.toLowerCase()}`,
          ]
            .filter(Boolean)
            .join(' · '),
        ]),
      ],
    },
  ]);
  if (pop.voortgang.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Voortgang van de leerdoelen' },
      {
        kind: 'facts',
        rows: pop.voortgang.map((p): [string, string] => [
          `${formatDate(p.datum)} · ${p.leerdoel}`,
          `${p.stand}: ${p.notitie}${p.door ? ` (${p.door})` : ''}`,
        ]),
      },
    );
  }
  return blocks;
}

function logBlocks(entries: BegeleidingInzage['begeleidingslog']): Block[] {
  if (entries.length === 0) return none('Geen verslagen vastgelegd.');
  return entries.flatMap((e): Block[] => [
    {
      kind: 'heading',
      text: `${formatDateLong(e.datum)} · ${e.soort}${e.signaal ? ` (${e.signaal.toLowerCase()})` : ''}${e.vertrouwelijk ? ' · VERTROUWELIJK' : ''}`,
    },
    ...(e.vertrouwelijk
      ? [
          {
            kind: 'notice' as const,
            text: 'Vertrouwelijk verslag: binnen de organisatie alleen te lezen door de schrijver en de projectleiders.',
          },
        ]
      : []),
    { kind: 'paragraph', text: e.samenvatting },
    ...(e.weggelaten ? [{ kind: 'paragraph' as const, text: e.weggelaten }] : []),
    {
      kind: 'facts',
      rows: [
        ['Geschreven door', dash(e.geschrevenDoor)],
        ...row('Duur', e.duurMinuten && `${e.duurMinuten} minuten`),
        ...row('Afspraken', e.afspraken),
        ...row('Volgende afspraak', e.volgendeAfspraak && formatDateLong(e.volgendeAfspraak)),
        ...row('Opvolging', e.opvolging),
        ...row('Gesloten op', e.geslotenOp && formatDateLong(e.geslotenOp)),
      ],
    },
  ]);
}
