import type { ReactNode } from 'react';

/** One dated event on a person's Tijdlijn, made by the area it belongs to (a contract, an uitstroom, …). */
export interface TimelineEvent {
  key: string;
  /** ISO date the event is placed at. */
  datum: string;
  title: ReactNode;
  body?: ReactNode;
  /** The bullet's colour. */
  color?: string;
}

/**
 * The events of every source on one line, newest first; on the same day the source listed first comes first (its
 * own order kept), so a stop's uitstroom stays beside the contract that ended that day.
 */
export function newestFirst(sources: readonly (readonly TimelineEvent[])[]): TimelineEvent[] {
  return sources
    .flatMap((events, source) => events.map((event, position) => ({ event, source, position })))
    .sort(
      (a, b) => b.event.datum.localeCompare(a.event.datum) || a.source - b.source || a.position - b.position,
    )
    .map((e) => e.event);
}
