import { type PopView, popContent } from '../../../shared/begeleiding/inputs.ts';
import {
  diffPop,
  type GoalStatus,
  goalStatusLabels,
  type PopContent,
} from '../../../shared/begeleiding/pop-diff.ts';
import { rhythmLabels } from '../../../shared/begeleiding/rhythm.ts';
import type { DocumentModel } from '../../../shared/document-model.ts';
import { formatDateLong } from '../../../shared/format.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { Reader } from '../context.ts';
import { organisationHead } from '../contracts/documents.ts';
import { notFound } from '../failure.ts';
import { loadPerson } from '../persons/read.ts';

/** A stored POP version, read with today's schema. */
export function popOf(content: string): PopContent {
  return popContent.parse(JSON.parse(content));
}

/**
 * The status of each goal now: the latest progress note after the current version was made wins, otherwise the
 * status the version gave it (a review resets the goals to what the begeleider then agreed).
 */
export function effectiveStatuses(
  goals: PopContent['doelen'],
  versionMadeAt: string,
  progress: { goal_id: string; status: string; created_at: string }[],
): Map<string, GoalStatus> {
  const result = new Map(goals.map((g) => [g.id, g.status]));
  const sorted = [...progress].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const p of sorted)
    if (p.created_at > versionMadeAt && result.has(p.goal_id)) result.set(p.goal_id, p.status as GoalStatus);
  return result;
}

export async function loadPop(
  db: Reader,
  personId: string,
  versie: number | null | undefined,
): Promise<PopView | null> {
  const person = await loadPerson(db, personId);
  const pop = await db.selectFrom('pops').selectAll().where('person_id', '=', personId).executeTakeFirst();
  if (!pop) return null;
  const versions = await db
    .selectFrom('pop_versions')
    .leftJoin('accounts', 'accounts.id', 'pop_versions.account_id')
    .selectAll('pop_versions')
    .select('accounts.display_name')
    .where('pop_id', '=', pop.id)
    .orderBy('versie', 'desc')
    .execute();
  const current = versions.find((v) => v.id === pop.current_version_id);
  const shown = versie ? versions.find((v) => v.versie === versie) : current;
  if (!current || !shown) throw notFound(`Versie ${versie} van dit POP`);
  const previous = versions.find((v) => v.versie === shown.versie - 1);
  const progress = await db
    .selectFrom('goal_progress')
    .leftJoin('accounts', 'accounts.id', 'goal_progress.account_id')
    .select([
      'goal_progress.id',
      'goal_progress.goal_id',
      'goal_progress.datum',
      'goal_progress.status',
      'goal_progress.notitie',
      'goal_progress.created_at',
      'accounts.display_name',
    ])
    .where('goal_progress.person_id', '=', personId)
    .orderBy('goal_progress.datum', 'desc')
    .orderBy('goal_progress.created_at', 'desc')
    .execute();
  const currentContent = popOf(current.content);
  const statuses = effectiveStatuses(currentContent.doelen, current.created_at, progress);
  const shownContent = popOf(shown.content);
  return {
    id: pop.id,
    version: pop.version,
    personId,
    personNaam: person.naam,
    versie: current.versie,
    current: currentContent,
    shown: shownContent,
    shownVersie: shown.versie,
    versions: versions.map((v) => ({ versie: v.versie, createdAt: v.created_at, createdBy: v.display_name })),
    goals: currentContent.doelen.map((goal) => ({
      goal,
      status: statuses.get(goal.id) ?? goal.status,
      progress: progress
        .filter((p) => p.goal_id === goal.id)
        .map((p) => ({
          id: p.id,
          datum: p.datum,
          status: p.status as GoalStatus,
          notitie: p.notitie,
          door: p.display_name,
        })),
    })),
    changes: previous ? diffPop(popOf(previous.content), shownContent) : [],
  };
}

/** The POP as a document the person keeps: plain Dutch, goals with status and last progress note, signatures. */
export function popDocument(pop: PopView, settings: Settings, begeleiderNaam: string | null): DocumentModel {
  const p = pop.current;
  return {
    title: 'Persoonlijk ontwikkelingsplan',
    subtitle: pop.personNaam,
    organisation: organisationHead(settings),
    footer: `POP ${pop.personNaam} · versie ${pop.versie}`,
    numberSections: false,
    sections: [
      {
        title: 'Over mij',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Gestart op', formatDateLong(p.startdatum)],
              ['Vaste begeleider', begeleiderNaam ?? '—'],
            ],
          },
          { kind: 'heading', text: 'Wat ik al goed kan' },
          { kind: 'paragraph', text: p.kwaliteiten || '—' },
          { kind: 'heading', text: 'Waar ik naartoe wil' },
          { kind: 'paragraph', text: p.ambitie || '—' },
        ],
      },
      {
        title: 'Onze afspraken',
        blocks: [
          {
            kind: 'paragraph',
            text: p.ritme
              ? `We praten samen over dit plan: ${rhythmLabels[p.ritme].toLowerCase()}.`
              : 'We spreken samen af hoe vaak we over dit plan praten.',
          },
        ],
      },
      {
        title: 'Mijn leerdoelen',
        blocks:
          pop.goals.length === 0
            ? [{ kind: 'paragraph', text: 'Nog geen leerdoelen.' }]
            : pop.goals.flatMap(({ goal, status, progress }) => [
                { kind: 'heading' as const, text: goal.wat },
                {
                  kind: 'facts' as const,
                  rows: [
                    ['Hoe', goal.hoe || '—'],
                    ['Wie helpt', goal.wieHelpt || '—'],
                    ['Klaar op', goal.streefdatum ? formatDateLong(goal.streefdatum) : '—'],
                    ['Stand', goalStatusLabels[status]],
                    [
                      'Laatste voortgang',
                      progress[0] ? `${formatDateLong(progress[0].datum)}: ${progress[0].notitie}` : '—',
                    ],
                  ] as [string, string][],
                },
              ]),
      },
    ],
    signatories: [
      { role: 'Sleutelpersoon', name: pop.personNaam },
      { role: 'Begeleider', name: begeleiderNaam ?? '' },
    ],
  };
}
