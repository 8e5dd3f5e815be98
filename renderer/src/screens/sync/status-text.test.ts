import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/sync.ts';
import { statusText, updatedText, waitingText } from './status-text.ts';

// 25 November 2026, 15:00 in the Netherlands (UTC+1).
const now = new Date('2026-11-25T14:00:00.000Z');
const team: SyncStatus = {
  mode: 'team',
  server: {
    url: 'https://schakel.example',
    fingerprint: 'AB:CD',
    organisatie: 'Welzijn Oost',
    apparaat: 'Balie',
    apparaatId: '019abcde-0000-7000-8000-000000000001',
  },
  verbinding: 'online',
  wachtend: 0,
  teVerwerken: 0,
  bijgewerktOm: '2026-11-25T13:32:00.000Z',
  voortgang: null,
  melding: null,
  eigenGegevens: 0,
};
const text = (change: Partial<SyncStatus>) => statusText({ ...team, ...change }, now);

describe('the status line', () => {
  it('says nothing on a desk that works alone', () => {
    expect(text({ mode: 'alleen', server: null, eigenGegevens: 12 })).toBeNull();
  });

  it('tells when the desk was last brought up to date, in Dutch time, and what still waits', () => {
    expect(text({})).toBe('Bijgewerkt om 14:32');
    expect(text({ wachtend: 1 })).toBe('Bijgewerkt om 14:32 · 1 wijziging wacht');
    expect(text({ bijgewerktOm: null })).toBe('Nog niet bijgewerkt');
    // Just before midnight in the Netherlands, already the next day in UTC terms is not what counts.
    expect(updatedText('2026-11-24T22:59:00.000Z', now)).toBe('Bijgewerkt op 24-11-2026 om 23:59');
    expect(updatedText('2026-11-24T23:01:00.000Z', now)).toBe('Bijgewerkt om 00:01');
  });

  it('counts waiting changes offline, singular and plural, with a thousands dot', () => {
    expect(text({ verbinding: 'offline', wachtend: 12 })).toBe('Offline · 12 wijzigingen wachten');
    expect(text({ verbinding: 'offline', wachtend: 1 })).toBe('Offline · 1 wijziging wacht');
    expect(text({ verbinding: 'offline', wachtend: 0 })).toBe('Offline · bijgewerkt om 14:32');
    expect(waitingText(1234)).toBe('1.234 wijzigingen wachten');
  });

  it('shows the rows that came in so far while updating', () => {
    expect(text({ verbinding: 'bezig', voortgang: { rijen: 1234, bytes: 99_000 } })).toBe(
      'Bezig met bijwerken · 1.234 rijen',
    );
    expect(text({ verbinding: 'bezig', voortgang: { rijen: 1, bytes: 80 } })).toBe(
      'Bezig met bijwerken · 1 rij',
    );
    expect(text({ verbinding: 'bezig', voortgang: null, wachtend: 3 })).toBe('Bezig met bijwerken');
  });

  it('names a user not signed in at the server and a revoked computer', () => {
    expect(text({ verbinding: 'niet-aangemeld' })).toBe('Niet aangemeld bij de server');
    expect(text({ verbinding: 'niet-aangemeld', wachtend: 2 })).toBe(
      'Niet aangemeld bij de server · 2 wijzigingen wachten',
    );
    expect(text({ verbinding: 'ingetrokken', wachtend: 5 })).toBe('Deze computer is ingetrokken');
    // Wiped, it works on its own again; the line says why until the next start.
    expect(text({ mode: 'alleen', server: null, verbinding: 'ingetrokken' })).toBe(
      'Deze computer is ingetrokken',
    );
  });
});
