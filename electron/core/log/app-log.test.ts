import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  harness,
  password,
  personInput,
  testKey,
  validIban,
  volunteerContract,
} from '../../../test/support/harness.ts';
import { startCore } from '../app-core.ts';
import { handlers } from '../calls.ts';
import { Dispatcher } from '../dispatcher.ts';
import type { Handlers } from '../handler-types.ts';
import { Sessions } from '../sessions.ts';
import { type LogFields, logFileName, openAppLog } from './app-log.ts';
import { callLogging, logDirName } from './core-log.ts';

const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-log-'));
  temp.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every log file in the folder, current and rotated, as text. */
function readLogs(dir: string): { files: string[]; text: string } {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(logFileName))
    .sort();
  return { files, text: files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('') };
}

function lines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('application log', () => {
  it('rotates by size and keeps at most the given number of old files', () => {
    const dir = tempDir();
    const log = openAppLog(dir, { maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 500; i++) log.info('call.slow', { call: 'persons.list', ms: i });
    log.close();
    const { files, text } = readLogs(dir);
    expect(files).toEqual([logFileName, `${logFileName}.1`, `${logFileName}.2`, `${logFileName}.3`]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000);
    // Whole lines only, and the newest line is in the current file.
    expect(lines(text).every((l) => l.event === 'call.slow')).toBe(true);
    const current = lines(fs.readFileSync(path.join(dir, logFileName), 'utf8'));
    expect(current.at(-1)).toMatchObject({
      level: 'info',
      event: 'call.slow',
      call: 'persons.list',
      ms: 499,
    });
    // A new log on the same folder appends and keeps rotating within the same bound.
    const again = openAppLog(dir, { maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 100; i++) again.warn('call.slow', { call: 'persons.list', ms: i });
    again.close();
    expect(readLogs(dir).files).toHaveLength(4);
  });

  it('drops every field that is not on the list or does not look as its key says', () => {
    const dir = tempDir();
    const log = openAppLog(dir);
    const smuggled = {
      call: 'Şükrü Çelik',
      error: 'Jan de Vries',
      sqlite: 'UNIQUE constraint failed: persons.email',
      reference: validIban,
      kind: 'Kerkstraat 12',
      stack: ['at handler (/home/jan.jansen/schakel/x.ts:1:2)'],
      notities: 'Zorgen over de thuissituatie',
      ms: Number.NaN,
    } as unknown as LogFields;
    log.error('call.internal', smuggled);
    log.info('geen.event' as never, { call: 'persons.get', code: 'internal', ms: 12.6 });
    // One word can be a surname: a single capitalised or lowercase word passes only as a known class or kind.
    log.error('store.open_failed', { error: 'Yilmaz', kind: 'haddad' } as unknown as LogFields);
    log.error('store.open_failed', { error: 'SqliteError', kind: 'wrong_key' });
    log.close();
    const [first, second, surname, known] = lines(readLogs(dir).text);
    expect(first).toEqual({ time: expect.any(String), level: 'error', event: 'call.internal', dropped: 8 });
    expect(surname).toEqual({
      time: expect.any(String),
      level: 'error',
      event: 'store.open_failed',
      dropped: 2,
    });
    expect(known).toMatchObject({ error: 'SqliteError', kind: 'wrong_key' });
    expect(second).toEqual({
      time: expect.any(String),
      level: 'info',
      event: 'log.invalid_event',
      call: 'persons.get',
      code: 'internal',
      ms: 13,
    });
  });

  it('never breaks a call when the log cannot be written', () => {
    const dir = tempDir();
    // The log folder's place is taken by a file: every write fails.
    const blocked = path.join(dir, 'logs');
    fs.writeFileSync(blocked, 'geen map');
    const log = openAppLog(blocked);
    expect(() => {
      log.info('app.start', { version: '0.1.0' });
      log.error('call.internal', { call: 'persons.get', reference: '0a1b2c3d' });
      log.close();
    }).not.toThrow();
  });
});

describe('the core writes its log without personal data', () => {
  const personal = [
    'Şükrü',
    'Çelik',
    'sukru',
    'celik',
    validIban,
    'ABNA',
    '0417164300',
    'Kerkstraat',
    '3511',
    '12345678',
    'example.org',
    'Welzijn Oost',
    'Bea Beheer',
    'projectleider Test',
    'begeleider Test',
    '87654321',
    'Yılmaz',
    password,
    testKey,
    'Zorgen over de thuissituatie',
    'moskee',
    'Voorlichting wijkcentrum',
    'Utrecht',
    'Zeist',
    'jan.jansen',
  ];

  it('logs start, failures with their reference, and rotation, and none of the personal strings', async () => {
    const h = await harness('2026-03-20T10:00:00.000Z');
    const logDir = path.join(h.dir, logDirName);
    let closed = false;
    try {
      const { ids } = await h.withTeam();
      const created = personInput({
        status: 'actief',
        statusDatum: '2026-01-05',
        begeleiderId: ids.begeleider,
        notities: 'Zorgen over de thuissituatie',
      });
      const person = await h.ok('projectleider', 'persons.create', created);
      await h.ok('begeleider', 'begeleiding.addLogEntry', {
        personId: person.id,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-03-19',
        duurMinuten: 60,
        samenvatting: 'Voorlichting in de moskee; Zorgen over de thuissituatie',
        afspraken: 'Şükrü belt Çelik',
        volgendeAfspraak: null,
        vertrouwelijk: true,
        ownerId: null,
        doelUpdates: [],
      });
      const contract = await h.ok(
        'projectleider',
        'contracts.create',
        volunteerContract(person.id, { einddatum: '2026-12-31' }),
      );
      await h.ok('projectleider', 'contracts.finalize', { id: contract.id, version: 1 });
      await h.ok('administrateur', 'claims.create', {
        personId: person.id,
        soort: 'km',
        datum: '2026-03-10',
        omschrijving: 'Voorlichting wijkcentrum met Şükrü Çelik',
        van: 'Utrecht',
        naar: 'Zeist',
        km: 20,
        minuten: null,
        bedragCents: null,
        bonnen: [],
      });

      // A refused write (a wrong IBAN beside the names) and a conflict (whose message names who saved first).
      const wrong = await h.call(
        'projectleider',
        'persons.create',
        personInput({ iban: 'NL91ABNA0417164301' }),
      );
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const { status: _status, statusDatum: _statusDatum, ...fields } = created;
      await h.ok('begeleider', 'persons.update', {
        ...fields,
        id: person.id,
        version: 1,
        telefoon: '06 87654321',
      });
      const stale = await h.call('projectleider', 'persons.update', {
        ...fields,
        id: person.id,
        version: 1,
        achternaam: 'Çelik-Yılmaz',
      });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!stale.ok) expect(stale.error.message).toContain('begeleider Test');

      // An internal error: a handler that throws with personal data in its message and SQLite's code.
      const throwing: Handlers = {
        ...handlers,
        'persons.get': async () => {
          throw Object.assign(new Error(`UNIQUE constraint failed: Şükrü Çelik ${validIban} Kerkstraat`), {
            name: 'SqliteError',
            code: 'SQLITE_CONSTRAINT_UNIQUE',
          });
        },
      };
      const sessions = new Sessions();
      const faulty = new Dispatcher({
        store: h.core.store,
        sessions,
        handlers: throwing,
        ...callLogging(h.core.log),
      });
      await faulty.dispatch('auth.login', { username: 'projectleider', password }, 'pl');
      const internal = await faulty.dispatch('persons.get', { id: person.id }, 'pl');
      expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
      const reference = internal.ok ? '' : (internal.error.reference ?? '');
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      if (!internal.ok) expect(internal.error.message).toContain(reference);

      // Enough refused writes with personal data in them to push the log past its size and rotate it.
      for (let i = 0; i < 20_000 && !fs.existsSync(path.join(logDir, `${logFileName}.1`)); i++) {
        await h.call('projectleider', 'persons.create', personInput({ iban: 'NL91ABNA0417164301' }));
      }
      expect(fs.existsSync(path.join(logDir, `${logFileName}.1`))).toBe(true);

      // A closed store: the next call fails inside Schakel, through the real core's wiring.
      await h.core.close();
      closed = true;
      const afterClose = await h.call('projectleider', 'persons.list', {});
      expect(afterClose).toMatchObject({ ok: false, error: { code: 'internal' } });
      const closedReference = afterClose.ok ? '' : (afterClose.error.reference ?? '');
      h.core.log.close();

      const { files, text } = readLogs(logDir);
      expect(files.length).toBeGreaterThanOrEqual(2);
      expect(files.length).toBeLessThanOrEqual(6);
      for (const s of personal) expect(text.toLowerCase(), s).not.toContain(s.toLowerCase());
      // No path either: the data folder's name is the user's business.
      expect(text).not.toContain(h.dir);
      expect(text).not.toContain(os.homedir());

      const all = lines(text);
      const events = new Set(all.map((l) => l.event));
      for (const event of [
        'app.start',
        'store.open',
        'store.migrated',
        'call.failed',
        'call.internal',
        'app.stop',
      ]) {
        expect(events, event).toContain(event);
      }
      expect(events).not.toContain('log.invalid_event');
      expect(all.filter((l) => 'dropped' in l)).toEqual([]);
      expect(all.find((l) => l.reference === reference)).toMatchObject({
        level: 'error',
        event: 'call.internal',
        call: 'persons.get',
        error: 'SqliteError',
        sqlite: 'SQLITE_CONSTRAINT_UNIQUE',
        stack: expect.arrayContaining([expect.stringMatching(/app-log\.test\.ts:\d+:\d+$/)]),
      });
      expect(all.find((l) => l.reference === closedReference)).toMatchObject({
        event: 'call.internal',
        call: 'persons.list',
      });
      expect(all.filter((l) => l.event === 'call.failed').map((l) => l.code)).toContain('conflict');
    } finally {
      if (!closed) await h.core.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
    }
  });

  it('logs a store it cannot open by its kind, without the file name', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'schakel.sqlite'), 'Şükrü Çelik, dit is geen database'.repeat(200));
    await expect(startCore(dir, { key: testKey })).rejects.toThrow();
    const all = lines(readLogs(path.join(dir, logDirName)).text);
    expect(all.map((l) => l.event)).toEqual(['app.start', 'store.open_failed']);
    expect(all[1]).toMatchObject({ level: 'error', kind: expect.stringMatching(/^(corrupt|wrong_key)$/) });
    expect(JSON.stringify(all)).not.toContain(dir);
  });
});
