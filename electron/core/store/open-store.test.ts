import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { testKey } from '../../../test/support/harness.ts';
import { applyKey, isPlainDatabase } from './encryption.ts';
import { type OpenOptions, openStore } from './open-store.ts';
import { StoreError } from './store-error.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-store-'));
  file = path.join(dir, 'schakel.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const digest = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function expectRefused(kind: StoreError['kind'], message: RegExp, options: Partial<OpenOptions> = {}) {
  const before = digest(file);
  const error = await openStore(file, { key: testKey, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).kind).toBe(kind);
  expect((error as StoreError).message).toMatch(message);
  expect(digest(file)).toBe(before);
}

describe('openStore', () => {
  it('creates a new database with every migration applied, WAL and foreign keys on', async () => {
    const store = await openStore(path.join(dir, 'nieuw', 'schakel.sqlite'), { key: testKey });
    const applied = await store.db.selectFrom('schema_migrations').select(['version', 'name']).execute();
    expect(applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
  });

  it('opens an up-to-date database again without re-running anything', async () => {
    await (await openStore(file, { key: testKey })).close();
    const store = await openStore(file, { key: testKey });
    const applied = await store.db.selectFrom('schema_migrations').selectAll().execute();
    expect(applied).toHaveLength(migrations.length);
    await store.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const store = await openStore(file, { key: testKey });
    await store.db
      .insertInto('schema_migrations')
      .values({ version: 99, name: 'future', applied_at: 'x' })
      .execute();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    await expectRefused('newer_version', /nieuwere versie van Schakel \(schema 99/);
  });

  it('refuses a database whose applied steps differ from the shipped ones', async () => {
    const store = await openStore(file, { key: testKey });
    await store.db
      .updateTable('schema_migrations')
      .set({ name: 'iets-anders' })
      .where('version', '=', 2)
      .execute();
    await store.close();
    await expectRefused('unknown_migrations', /schemastap \(2 iets-anders\)/);
  });

  it('refuses a file that is not a database', async () => {
    fs.writeFileSync(
      file,
      'Dit is geen database, maar een tekstbestand dat per ongeluk zo heet.'.repeat(100),
    );
    // Encrypted, a stray file and a wrong key look alike to SQLite: the message names both.
    await expectRefused(
      'wrong_key',
      /wachtwoordzin \(of sleutel\) klopt niet, of .* beschadigd of geen Schakel-database/,
    );
  });

  it('refuses a truncated database', async () => {
    const store = await openStore(file, { key: testKey });
    await store.db
      .insertInto('settings')
      .values({ id: 'organisatie', naam: 'x'.repeat(20_000), updated_at: 'x', version: 1 })
      .execute();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused('corrupt', /beschadigd/);
  });

  it('refuses an SQLite database of another program', async () => {
    const other = new Database(file);
    other.exec('create table recepten (id integer primary key, naam text)');
    other.close();
    await expectRefused('corrupt', /geen Schakel-database/);
  });

  it('says so when another program holds the database', async () => {
    await (await openStore(file, { key: testKey })).close();
    const holder = new Database(file);
    applyKey(holder, testKey);
    holder.exec('BEGIN IMMEDIATE');
    try {
      await expectRefused('locked', /in gebruik door een ander programma/, { busyTimeoutMs: 50 });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('encryption at rest', () => {
  const secretName = 'Stichting Geheim Çelik';

  async function storeWithData(key: string | null) {
    const store = await openStore(file, { key });
    await store.db
      .insertInto('settings')
      .values({ id: 'organisatie', naam: secretName, updated_at: 'x', version: 1 })
      .execute();
    return store;
  }

  it('keeps no readable text in the database file or its journal', async () => {
    const store = await storeWithData(testKey);
    const onDisk = () =>
      ['', '-wal'].map((side) =>
        fs.existsSync(file + side) ? fs.readFileSync(file + side) : Buffer.alloc(0),
      );
    for (const bytes of onDisk()) expect(bytes.includes(secretName)).toBe(false);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    for (const bytes of onDisk()) expect(bytes.includes(secretName)).toBe(false);
    expect(isPlainDatabase(file)).toBe(false);
  });

  it('refuses a wrong key and leaves the file as it was', async () => {
    const store = await storeWithData(testKey);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    await expectRefused('wrong_key', /De wachtwoordzin \(of sleutel\) klopt niet/, {
      key: 'een andere sleutel',
    });
    const again = await openStore(file, { key: testKey });
    const row = await again.db.selectFrom('settings').select('naam').executeTakeFirstOrThrow();
    expect(row.naam).toBe(secretName);
    await again.close();
  });

  it('encrypts a plain database from before on first open, after a safety copy of the encrypted data', async () => {
    await (await storeWithData(null)).close();
    expect(isPlainDatabase(file)).toBe(true);
    const copies: { reason: string; naam: unknown }[] = [];
    const store = await openStore(file, {
      key: testKey,
      safetyCopy: async (sqlite, reason) => {
        copies.push({ reason, naam: sqlite.prepare('select naam from settings').pluck().get() });
      },
    });
    expect(copies).toEqual([{ reason: 'versleuteling', naam: secretName }]);
    const row = await store.db.selectFrom('settings').select('naam').executeTakeFirstOrThrow();
    expect(row.naam).toBe(secretName);
    await store.close();
    expect(isPlainDatabase(file)).toBe(false);
    expect(fs.readFileSync(file).includes(secretName)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['schakel.sqlite']);
    await expect(openStore(file, { key: null })).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('leaves the plain original whole when the safety copy fails, and tries again next time', async () => {
    await (await storeWithData(null)).close();
    const before = digest(file);
    const failing = openStore(file, {
      key: testKey,
      safetyCopy: async () => {
        throw new Error('schijf vol');
      },
    });
    await expect(failing).rejects.toThrow('schijf vol');
    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['schakel.sqlite']);
    const store = await openStore(file, { key: testKey });
    expect(isPlainDatabase(file)).toBe(false);
    await store.close();
  });
});

describe('a failing migration', () => {
  const step = (version: number, name: string, fail: boolean) => ({
    version,
    name,
    async up(db: Parameters<(typeof migrations)[number]['up']>[0]) {
      await db.schema.createTable(`tabel_${version}`).addColumn('id', 'text').execute();
      if (fail) throw new Error('stap mislukt');
    },
  });

  it('rolls back every pending step, says in Dutch which step failed and where the backup lies', async () => {
    await (await openStore(file, { key: testKey })).close();
    const schema = () => {
      const db = new Database(file, { readonly: true });
      applyKey(db, testKey);
      const rows = db.prepare('select type, name, sql from sqlite_master order by name').all();
      db.close();
      return rows;
    };
    const before = schema();
    const next = (migrations.at(-1)?.version ?? 0) + 1;
    const error = await openStore(file, {
      key: testKey,
      migrations: [...migrations, step(next, 'eerste', false), step(next + 1, 'kapot', true)],
      safetyCopy: async () => '/map/reservekopieen/voor-migratie.sqlite',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('migration_failed');
    expect((error as StoreError).message).toBe(
      `Schakel kon de database niet bijwerken naar deze versie: stap ${next + 1} (kapot) mislukte. Er is niets gewijzigd; de database is zoals hij was. Vóór de update is een reservekopie gemaakt: /map/reservekopieen/voor-migratie.sqlite. Meld dit aan de beheerder of leverancier.`,
    );
    // The step that worked is gone with the one that failed: the file is at the level it had.
    expect(schema()).toEqual(before);
    const store = await openStore(file, { key: testKey });
    const applied = await store.db.selectFrom('schema_migrations').select('version').execute();
    expect(applied).toHaveLength(migrations.length);
    await store.close();
  });
});
