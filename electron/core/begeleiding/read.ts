/** What other areas read of begeleiding: the POP goals a person reached (the portfolio). */
import type { Reader } from '../context.ts';
import { loadPop } from './pop.ts';

export interface ReachedGoal {
  wat: string;
  /** The date of the progress note that marked it behaald; null when the plan itself set it so. */
  behaaldOp: string | null;
}

/** The goals of the person's current POP whose status now is behaald, in the plan's order. */
export async function reachedGoals(db: Reader, personId: string): Promise<ReachedGoal[]> {
  const pop = await loadPop(db, personId, null);
  if (!pop) return [];
  return pop.goals
    .filter((g) => g.status === 'behaald')
    .map(({ goal, progress }) => ({
      wat: goal.wat,
      // Progress is newest first: the latest note that says behaald.
      behaaldOp: progress.find((p) => p.status === 'behaald')?.datum ?? null,
    }));
}
