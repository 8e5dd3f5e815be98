/** The status line's words for the desk's link with the server (team mode only). */
import { dutchDate } from '../../../../shared/dates.ts';
import { formatDate, formatNumber, formatTime } from '../../../../shared/format.ts';
import type { SyncStatus } from '../../../../shared/sync.ts';

/** '1 wijziging wacht', '12 wijzigingen wachten'. */
export function waitingText(count: number): string {
  return count === 1 ? '1 wijziging wacht' : `${formatNumber(count)} wijzigingen wachten`;
}

/** '1 rij', '1.234 rijen'. */
export function rowsText(count: number): string {
  return count === 1 ? '1 rij' : `${formatNumber(count)} rijen`;
}

/** 'Bijgewerkt om 14:32' today, 'Bijgewerkt op 24-11-2026 om 14:32' before, 'Nog niet bijgewerkt' never. */
export function updatedText(at: string | null, now: Date): string {
  if (!at) return 'Nog niet bijgewerkt';
  const day = dutchDate(new Date(at));
  if (day === dutchDate(now)) return `Bijgewerkt om ${formatTime(at)}`;
  return `Bijgewerkt op ${formatDate(day)} om ${formatTime(at)}`;
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One line for the status line, or null in single-desk mode (nothing to say there). */
export function statusText(status: SyncStatus, now: Date): string | null {
  // A revoked computer works on its own again, wiped: that is said until the next start.
  if (status.verbinding === 'ingetrokken') return 'Deze computer is ingetrokken';
  if (status.mode !== 'team') return null;
  const waiting = status.wachtend > 0 ? waitingText(status.wachtend) : null;
  switch (status.verbinding) {
    case 'niet-aangemeld':
      return ['Niet aangemeld bij de server', waiting].filter(Boolean).join(' · ');
    case 'bezig':
      return status.voortgang
        ? `Bezig met bijwerken · ${rowsText(status.voortgang.rijen)}`
        : 'Bezig met bijwerken';
    case 'offline':
      return `Offline · ${waiting ?? lower(updatedText(status.bijgewerktOm, now))}`;
    case 'online':
      return [updatedText(status.bijgewerktOm, now), waiting].filter(Boolean).join(' · ');
  }
}

/** How the line's dot looks: the words say the same, the colour only helps a glance. */
export const linkColors: Record<SyncStatus['verbinding'], string> = {
  online: 'teal',
  bezig: 'blue',
  offline: 'gray',
  'niet-aangemeld': 'orange',
  ingetrokken: 'red',
};
