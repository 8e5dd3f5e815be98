/** POP content and what changed between two versions, worded for the reader (progress must stay traceable). */
import { formatDateLong } from '../format.ts';
import { type Rhythm, rhythmLabels } from './rhythm.ts';

export const goalStatuses = ['open', 'bezig', 'behaald', 'bijgesteld', 'gestopt'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const goalStatusLabels: Record<GoalStatus, string> = {
  open: 'Open',
  bezig: 'Bezig',
  behaald: 'Behaald',
  bijgesteld: 'Bijgesteld',
  gestopt: 'Gestopt',
};

export interface PopGoal {
  /** Stable across versions: the diff matches goals on it, not on position or wording. */
  id: string;
  wat: string;
  hoe: string;
  wieHelpt: string;
  streefdatum: string | null;
  status: GoalStatus;
}

export interface PopContent {
  startdatum: string;
  kwaliteiten: string;
  ambitie: string;
  ritme: Rhythm | null;
  doelen: PopGoal[];
}

type PopField = 'startdatum' | 'kwaliteiten' | 'ambitie' | 'ritme';
type GoalField = 'wat' | 'hoe' | 'wieHelpt' | 'streefdatum' | 'status';
export type GoalFieldChange = { field: GoalField; label: string; before: string; after: string };

export type PopChange =
  | { kind: 'veld'; field: PopField; label: string; before: string; after: string }
  | { kind: 'doel_nieuw'; goal: PopGoal }
  | { kind: 'doel_weg'; goal: PopGoal }
  | { kind: 'doel_gewijzigd'; goalId: string; wat: string; changes: GoalFieldChange[] };

const EMPTY = '—';
const text = (s: string): string => s.trim() || EMPTY;
const date = (iso: string | null): string => formatDateLong(iso) || EMPTY;

// Each field with its label and how a reader sees its value; the order here is the order shown.
const popFields: { field: PopField; label: string; show: (c: PopContent) => string }[] = [
  { field: 'startdatum', label: 'Startdatum', show: (c) => date(c.startdatum) },
  { field: 'kwaliteiten', label: 'Kwaliteiten', show: (c) => text(c.kwaliteiten) },
  { field: 'ambitie', label: 'Ambitie', show: (c) => text(c.ambitie) },
  { field: 'ritme', label: 'Gespreksritme', show: (c) => (c.ritme ? rhythmLabels[c.ritme] : EMPTY) },
];
const goalFields: { field: GoalField; label: string; show: (g: PopGoal) => string }[] = [
  { field: 'wat', label: 'Wat', show: (g) => text(g.wat) },
  { field: 'hoe', label: 'Hoe', show: (g) => text(g.hoe) },
  { field: 'wieHelpt', label: 'Wie helpt', show: (g) => text(g.wieHelpt) },
  { field: 'streefdatum', label: 'Streefdatum', show: (g) => date(g.streefdatum) },
  { field: 'status', label: 'Status', show: (g) => goalStatusLabels[g.status] },
];

/**
 * Values are compared as shown, so an edit the reader cannot see (trailing spaces) is not reported.
 * Order: POP fields, then goals in the order of `after` (changed or new), then removed goals.
 */
export function diffPop(before: PopContent, after: PopContent): PopChange[] {
  const changes: PopChange[] = [];
  for (const { field, label, show } of popFields) {
    const [b, a] = [show(before), show(after)];
    if (b !== a) changes.push({ kind: 'veld', field, label, before: b, after: a });
  }

  const beforeById = new Map(before.doelen.map((g) => [g.id, g]));
  const afterIds = new Set(after.doelen.map((g) => g.id));
  for (const goal of after.doelen) {
    const old = beforeById.get(goal.id);
    if (!old) {
      changes.push({ kind: 'doel_nieuw', goal });
      continue;
    }
    const goalChanges: GoalFieldChange[] = [];
    for (const { field, label, show } of goalFields) {
      const [b, a] = [show(old), show(goal)];
      if (b !== a) goalChanges.push({ field, label, before: b, after: a });
    }
    if (goalChanges.length > 0) {
      changes.push({ kind: 'doel_gewijzigd', goalId: goal.id, wat: text(goal.wat), changes: goalChanges });
    }
  }
  for (const goal of before.doelen) {
    if (!afterIds.has(goal.id)) changes.push({ kind: 'doel_weg', goal });
  }
  return changes;
}
