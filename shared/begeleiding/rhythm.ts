/** How often a POP is discussed, and when the next ontwikkelingsgesprek is due (DOMAIN.md, Begeleiding). */
import { addDays, addMonths, daysBetween } from '../dates.ts';

export const rhythms = ['wekelijks', 'tweewekelijks', 'maandelijks', 'zeswekelijks', 'per_kwartaal'] as const;
export type Rhythm = (typeof rhythms)[number];

export const rhythmLabels: Record<Rhythm, string> = {
  wekelijks: 'Elke week',
  tweewekelijks: 'Elke twee weken',
  maandelijks: 'Elke maand',
  zeswekelijks: 'Elke zes weken',
  per_kwartaal: 'Elk kwartaal',
};

// Week rhythms are exact day counts; month rhythms follow the calendar ("every month" means the same date).
const step: Record<Rhythm, { days: number } | { months: number }> = {
  wekelijks: { days: 7 },
  tweewekelijks: { days: 14 },
  maandelijks: { months: 1 },
  zeswekelijks: { days: 42 },
  per_kwartaal: { months: 3 },
};

/** The day the next conversation is due after one held on `last`. */
export function nextDue(last: string, rhythm: Rhythm): string {
  const s = step[rhythm];
  return 'days' in s ? addDays(last, s.days) : addMonths(last, s.months);
}

/** Due within this many days counts as 'binnenkort', so a conversation can still be planned in time. */
const SOON_DAYS = 7;

export interface ConversationStatus {
  due: string | null;
  overdueDays: number;
  state: 'geen_ritme' | 'op_schema' | 'binnenkort' | 'te_laat';
}

export function conversationStatus(input: {
  rhythm: Rhythm | null;
  lastConversation: string | null;
  popStart: string | null;
  today: string;
}): ConversationStatus {
  const { rhythm, lastConversation, popStart, today } = input;
  if (rhythm === null) return { due: null, overdueDays: 0, state: 'geen_ritme' };
  // No conversation yet: the POP start is the first "meeting"; without a start date the first talk is due now.
  const from = lastConversation ?? popStart;
  const due = from === null ? today : nextDue(from, rhythm);
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { due, overdueDays: -daysLeft, state: 'te_laat' };
  return { due, overdueDays: 0, state: daysLeft <= SOON_DAYS ? 'binnenkort' : 'op_schema' };
}
