import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { type Harness, harness, password, personInput, testKey } from '../../../test/support/harness.ts';
import { startCore } from '../app-core.ts';
import { databaseFileName } from '../paths.ts';
import { openStore } from '../store/open-store.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness('2026-11-25T09:00:00.000Z');
  await h.withTeam();
});
afterEach(() => h.close());

const folder = () => path.join(h.dir, 'reservekopieen');
const names = () => fs.readdirSync(folder()).sort();

async function personCount() {
  const list = await h.ok('projectleider', 'persons.list', {});
  return list.total;
}

describe('backups', () => {
  it('makes a daily backup at start, and a manual one on request, each checked and counted', async () => {
    const start = await h.ok('beheer', 'backups.overview', {});
    expect(start.folder).toBe(folder());
    expect(start.backups.map((b) => b.kind)).toEqual(['dagelijks']);

    await h.ok('projectleider', 'persons.create', personInput());
    h.setNow('2026-11-25T09:05:00.000Z');
    const made = await h.ok('beheer', 'backups.create', {});
    expect(made.kind).toBe('handmatig');
    expect(made.counts?.personen).toBe(1);
    expect(made.counts?.accounts).toBe(4);
    // The backup is encrypted with the same key: no name readable in it.
    const bytes = fs.readFileSync(path.join(folder(), made.name));
    expect(bytes.includes('Çelik')).toBe(false);
    expect(bytes.includes('Welzijn Oost')).toBe(false);
    // No temporary file is left beside it; one manifest per backup.
    expect(names().filter((n) => n.includes('deels'))).toEqual([]);
    const audit = await h.ok('beheer', 'audit.list', { call: 'backups.create' });
    expect(audit.rows[0]?.summary).toContain(made.name);
  });

  it('makes the daily backup once per Dutch calendar day and rotates old ones away', async () => {
    const core = h.core;
    // Forty days of the app running: one daily backup each day, rotated to what the policy keeps.
    for (let day = 1; day <= 40; day++) {
      h.setNow(new Date(Date.parse('2026-11-25T09:00:00.000Z') + day * 86_400_000).toISOString());
      expect(await core.backups.createDailyIfDue()).not.toBeNull();
      expect(await core.backups.createDailyIfDue()).toBeNull();
    }
    const kept = core.backups.overview().backups;
    // 7 days + up to 4 weeks + up to 12 months, never more.
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept[0]?.createdAt).toBe('2027-01-04T09:00:00.000Z');
    expect(names().filter((n) => n.endsWith('.sqlite'))).toHaveLength(kept.length);
  });

  it('previews a backup with its counts and last changes, without changing anything', async () => {
    await h.ok('projectleider', 'persons.create', personInput());
    h.setNow('2026-11-25T10:00:00.000Z');
    const made = await h.ok('beheer', 'backups.create', {});
    const preview = await h.ok('beheer', 'backups.preview', { name: made.name });
    expect(preview.organisatieNaam).toBe('Welzijn Oost');
    expect(preview.counts?.personen).toBe(1);
    expect(preview.lastChanges.length).toBeGreaterThan(0);
  });

  it('restores yesterday: the data returns, a backup of today comes first, everyone logs in again', async () => {
    await h.ok('projectleider', 'persons.create', personInput());
    h.setNow('2026-11-25T10:00:00.000Z');
    const yesterday = await h.ok('beheer', 'backups.create', {});
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ achternaam: 'Nowak', email: 'n@example.org' }),
    );
    expect(await personCount()).toBe(2);
    for (const role of ['projectleider', 'begeleider', 'administrateur']) await h.ok(role, 'auth.logout', {});

    h.setNow('2026-11-25T11:00:00.000Z');
    const result = await h.ok('beheer', 'backups.restore', { name: yesterday.name });
    expect(result.safetyCopy.kind).toBe('voor-terugzetten');
    expect(result.safetyCopy.counts?.personen).toBe(2);
    // Logged out, also the one who restored.
    expect((await h.call('beheer', 'persons.list', {})).ok).toBe(false);
    await h.ok('projectleider', 'auth.login', { username: 'projectleider', password });
    expect(await personCount()).toBe(1);
    await h.ok('beheer', 'auth.login', { username: 'bea', password });
    const audit = await h.ok('beheer', 'audit.list', { call: 'backups.restore' });
    expect(audit.rows[0]?.summary).toMatch(/teruggezet door Bea Beheer/);
    // And the restore itself can be undone from the safety copy.
    await h.ok('projectleider', 'auth.logout', {});
    await h.ok('beheer', 'backups.restore', { name: result.safetyCopy.name });
    await h.ok('projectleider', 'auth.login', { username: 'projectleider', password });
    expect(await personCount()).toBe(2);
  });

  it('refuses a restore while another window is logged in, and changes nothing', async () => {
    const made = await h.ok('beheer', 'backups.create', {});
    await h.ok('projectleider', 'persons.create', personInput());
    const r = await h.call('beheer', 'backups.restore', { name: made.name });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/nog 3 andere vensters ingelogd/);
    expect(await personCount()).toBe(1);
  });

  describe('a backup that cannot be restored is refused with the current data untouched', () => {
    async function refused(damage: (file: string) => void, message: RegExp) {
      const made = await h.ok('beheer', 'backups.create', {});
      damage(path.join(folder(), made.name));
      await h.ok('projectleider', 'persons.create', personInput());
      for (const role of ['projectleider', 'begeleider', 'administrateur'])
        await h.ok(role, 'auth.logout', {});
      const preview = await h.call('beheer', 'backups.preview', { name: made.name });
      expect(preview.ok).toBe(false);
      const r = await h.call('beheer', 'backups.restore', { name: made.name });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
      expect(names().filter((n) => n.includes('voor-terugzetten'))).toEqual([]);
      await h.ok('projectleider', 'auth.login', { username: 'projectleider', password });
      expect(await personCount()).toBe(1);
    }

    it('a truncated file', () =>
      refused((f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), /beschadigd, afgekapt/));
    it('a corrupt file', () =>
      refused((f) => {
        const bytes = fs.readFileSync(f);
        bytes.fill(0x41, 5000, 9000);
        fs.writeFileSync(f, bytes);
      }, /beschadigd, afgekapt/));
    it('a backup from another installation (another key)', async () => {
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-other-'));
      const foreign = await startCore(other, { key: 'een heel andere sleutel' });
      const made = foreign.backups.create(foreign.store.sqlite, 'handmatig');
      await foreign.close();
      await refused(
        (f) => fs.copyFileSync(path.join(other, 'reservekopieen', made.name), f),
        /met een andere sleutel versleuteld/,
      );
      fs.rmSync(other, { recursive: true, force: true });
    });
  });

  it('refuses a backup from a newer version of Schakel', async () => {
    const made = await h.ok('beheer', 'backups.create', {});
    const file = path.join(folder(), made.name);
    const store = await openStore(file, { key: testKey });
    await store.db
      .insertInto('schema_migrations')
      .values({ version: 999, name: 'toekomst', applied_at: 'x' })
      .execute();
    store.sqlite.pragma('journal_mode = DELETE');
    await store.close();
    for (const role of ['projectleider', 'begeleider', 'administrateur']) await h.ok(role, 'auth.logout', {});
    const r = await h.call('beheer', 'backups.restore', { name: made.name });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/nieuwere versie van Schakel \(schema 999/);
  });

  it('takes another backup folder only where it can write, and says so in Dutch otherwise', async () => {
    const elsewhere = path.join(h.dir, 'elders');
    await h.ok('beheer', 'backups.setFolder', { folder: elsewhere });
    const made = await h.ok('beheer', 'backups.create', {});
    expect(fs.existsSync(path.join(elsewhere, made.name))).toBe(true);
    const blocked = path.join(h.dir, 'een-bestand');
    fs.writeFileSync(blocked, 'geen map');
    const r = await h.call('beheer', 'backups.setFolder', { folder: path.join(blocked, 'sub') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('folder');
      expect(r.error.message).toMatch(/^Map: Schakel kan niet schrijven/);
    }
    expect((await h.ok('beheer', 'backups.overview', {})).folder).toBe(elsewhere);
    const relative = await h.call('beheer', 'backups.setFolder', { folder: 'relatief/pad' });
    expect(relative.ok).toBe(false);
  });

  it('only a beheerder may list, make or restore backups', async () => {
    for (const role of ['projectleider', 'begeleider', 'administrateur']) {
      const r = await h.call(role, 'backups.overview', {});
      expect(r.ok || r.error.code).toBe('forbidden');
    }
  });
});

describe('backup before a migration', () => {
  it('copies the data as it was before the schema changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migr-'));
    const old = await openStore(path.join(dir, databaseFileName), {
      key: testKey,
      migrations: migrations.slice(0, -1),
    });
    await old.close();
    const core = await startCore(dir, { key: testKey });
    const kinds = core.backups.overview().backups.map((b) => [b.kind, b.schemaVersion]);
    expect(kinds).toContainEqual(['voor-migratie', migrations.at(-2)?.version]);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a full disk during a backup', () => {
  it('says so in Dutch and leaves no half backup and the data untouched', async () => {
    for (let i = 0; i < 150; i++) {
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({ email: `p${i}@example.org`, notities: 'x'.repeat(1500) }),
      );
    }
    // A child process whose files may not grow past half the database: the backup hits "file too large" as it
    // would hit a full disk (EFBIG and ENOSPC reach SQLite alike), while the database itself is only read.
    const { sqlite } = h.core.store;
    const bytes =
      Number(sqlite.pragma('page_count', { simple: true })) *
      Number(sqlite.pragma('page_size', { simple: true }));
    const limit = Math.floor(bytes / 2);
    expect(limit).toBeGreaterThan(64 * 1024); // above what opening the store itself writes (its shared memory)
    const run = spawnSync(
      'prlimit',
      [`--fsize=${limit}`, '--', process.execPath, path.resolve('test/support/backup-full-disk.ts'), h.dir],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { ok: boolean; message: string; leftovers: string[] };
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/schijf .* is vol\. Er is geen halve kopie achtergebleven/);
    expect(result.leftovers).toEqual([]);
    expect(await personCount()).toBe(150);
    expect(h.core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a full disk or a read-only data folder during work', () => {
  it('refuses the save that does not fit with a Dutch message; what was saved before stays, whole', async () => {
    const { sqlite } = h.core.store;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The write-ahead log may grow to 400 kB: a handful of saves fit, then the disk is "full".
    const run = spawnSync(
      'prlimit',
      ['--fsize=400000', '--', process.execPath, path.resolve('test/support/store-faults.ts'), 'fill', h.dir],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(run.stdout) as { saved: number; failure: { code: string; message: string } };
    expect(result.saved).toBeGreaterThan(0);
    expect(result.failure).toEqual({
      code: 'unavailable',
      message:
        'De schijf is vol of weigert te schrijven. Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.',
    });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await personCount()).toBe(result.saved);
    const audits = await h.ok('beheer', 'audit.list', { call: 'persons.create' });
    expect(audits.total).toBe(result.saved);
  });

  it('says in Dutch that the data folder cannot be written, and writes nothing there', async () => {
    await h.close();
    // Read-only to the process: root writes anywhere, so as root the child runs without the capabilities that
    // override file permissions (util-linux setpriv). It stays root, so it still reaches a Node installed under
    // root's home, which another user could not.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-ro-'));
    const core = await startCore(dir, { key: testKey });
    await core.close();
    const before = fs.readdirSync(dir).sort();
    fs.chmodSync(dir, 0o555);
    const child = [process.execPath, path.resolve('test/support/store-faults.ts'), 'open', dir];
    const dropped = '-dac_override,-dac_read_search';
    const [command, ...args] =
      process.getuid?.() === 0
        ? ['setpriv', `--bounding-set=${dropped}`, `--inh-caps=${dropped}`, '--', ...child]
        : child;
    const run = spawnSync(command as string, args, { encoding: 'utf8' });
    fs.chmodSync(dir, 0o755);
    const result = JSON.parse(run.stdout) as { opened: boolean; message: string };
    expect(result.opened).toBe(false);
    expect(result.message).toMatch(/Schakel kan de database .* niet openen of schrijven\. Controleer/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
    h = await harness();
  });
});

describe('restore and backups with other work going on', () => {
  it('restores the oldest of many backups, though the safety copy rotates it out of the folder', async () => {
    await h.ok('projectleider', 'persons.create', personInput());
    const oldest = await h.ok('beheer', 'backups.create', {});
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ achternaam: 'Nowak', email: 'n@example.org' }),
    );
    for (let i = 0; i < 9; i++) await h.ok('beheer', 'backups.create', {}); // ten kept: the oldest is the tenth
    for (const role of ['projectleider', 'begeleider', 'administrateur']) await h.ok(role, 'auth.logout', {});
    await h.ok('beheer', 'backups.restore', { name: oldest.name });
    expect(names()).not.toContain(oldest.name); // rotated away by the safety copy, yet restored
    await h.ok('projectleider', 'auth.login', { username: 'projectleider', password });
    expect(await personCount()).toBe(1);
  });

  it('includes a save in progress when asked for, and serves every other call while it copies', async () => {
    // accounts.create hashes the password inside its transaction: an await with the transaction open.
    const saving = h.call('beheer', 'accounts.create', {
      displayName: 'Nieuwe Collega',
      username: 'collega',
      role: 'begeleider',
      isBeheerder: false,
      password,
    });
    const backup = h.call('beheer', 'backups.create', {});
    // The copy is made in a worker thread: another window's save is not refused meanwhile.
    const meanwhile = await h.call('projectleider', 'persons.create', personInput());
    const [saved, made] = await Promise.all([saving, backup]);
    expect(meanwhile.ok).toBe(true);
    expect(saved.ok).toBe(true);
    expect(made.ok).toBe(true);
    if (made.ok) expect(made.value.counts?.accounts).toBe(5);
  });

  it('refuses a second restore while one runs, and calls made meanwhile, with a Dutch message', async () => {
    const made = await h.ok('beheer', 'backups.create', {});
    for (const role of ['projectleider', 'begeleider', 'administrateur']) await h.ok(role, 'auth.logout', {});
    const first = h.call('beheer', 'backups.restore', { name: made.name });
    const second = await h.call('beheer', 'backups.restore', { name: made.name });
    const meanwhile = await h.call('beheer', 'settings.get', {});
    expect((await first).ok).toBe(true);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.message).toMatch(/al een reservekopie teruggezet/);
    expect(meanwhile.ok).toBe(false);
  });
});

describe('a restore cut off between its two renames', () => {
  it('finds the database aside at the next start and puts it back', async () => {
    await h.ok('projectleider', 'persons.create', personInput());
    const dir = h.dir;
    await h.core.close();
    const file = path.join(dir, databaseFileName);
    fs.renameSync(file, `${file}.oud`);
    fs.writeFileSync(`${file}.terugzetten`, 'half gekopieerd');
    const core = await startCore(dir, { key: testKey });
    const count = core.store.sqlite.prepare('select count(*) from persons').pluck().get();
    expect(count).toBe(1);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(databaseFileName))).toEqual([
      databaseFileName,
      `${databaseFileName}-shm`,
      `${databaseFileName}-wal`,
    ]);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    h = await harness();
  });
});

describe('the recovery code', () => {
  it('shows a keychain key to the beheerder after their password, audited; a passphrase is not shown back', async () => {
    const wrong = await h.call('beheer', 'backups.recoveryKey', { password: 'fout' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toBe('Wachtwoord: klopt niet');
    expect(await h.ok('beheer', 'backups.recoveryKey', { password })).toEqual({
      bron: 'wachtwoordzin',
      code: null,
    });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-keychain-'));
    const key = 'a1b2c3d4'.repeat(8);
    const core = await startCore(dir, { key, keySource: 'sleutelbos' });
    await core.dispatcher.dispatch(
      'auth.setup',
      { organisatieNaam: 'Elders', displayName: 'Bea', username: 'bea', password, role: 'administrateur' },
      'c',
    );
    const shown = await core.dispatcher.dispatch('backups.recoveryKey', { password }, 'c');
    expect(shown).toEqual({ ok: true, value: { bron: 'sleutelbos', code: key } });
    const audit = await core.dispatcher.dispatch('audit.list', { call: 'backups.recoveryKey' }, 'c');
    expect(audit.ok && (audit.value as { total: number }).total).toBe(1);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
