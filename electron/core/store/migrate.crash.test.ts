import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { crashRepeatedly, explain } from '../../../test/support/crash.ts';
import { testKey } from '../../../test/support/harness.ts';
import { personSearchText, personSortName } from '../persons/search-text.ts';
import { openStore } from './open-store.ts';
import type { SqliteStore } from './store.ts';

const stamp = '2025-03-01T09:00:00.000Z';
/** Enough people that step 2 (a search text and sort name for every one) takes most of the migration. */
const people = 6_000;
let dir: string;
/** The schema (sqlite_master) after the first n steps, from a fresh database migrated that far. */
const schemaAt = new Map<number, unknown[]>();

function schemaOf(db: Database.Database): unknown[] {
  return db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migrate-crash-'));
  for (let n = 1; n <= migrations.length; n++) {
    const ref = await openStore(path.join(dir, `ref-${n}.sqlite`), {
      key: null,
      migrations: migrations.slice(0, n),
    });
    schemaAt.set(n, schemaOf(ref.sqlite));
    await ref.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database at schema `level` with an account and the sleutelpersonen (every fourth with a language). */
async function oldDatabase(file: string, level: number) {
  const store = await openStore(file, { key: testKey, migrations: migrations.slice(0, level), now: stamp });
  const db = store.sqlite;
  const person =
    db.prepare(`insert into persons (id, voornaam, achternaam, geboortedatum, herkomstland, plaats,
    gemeente, email, telefoon, status, status_datum, begeleider_id, created_at, updated_at, version)
    values (?, ?, ?, '1990-01-01', 'Syrië', 'Utrecht', 'Utrecht', ?, '06 12345678', 'actief', '2025-01-01', 'a1', ?, ?, 3)`);
  const language = db.prepare(
    "insert into person_languages (id, person_id, position, taal, niveau, version) values (?, ?, 0, 'Arabisch', 'moedertaal', 1)",
  );
  db.transaction(() => {
    db.prepare(`insert into accounts (id, username, display_name, role, is_beheerder, password_hash, active,
      created_at, updated_at, version) values ('a1', 'bea', 'Bea', 'begeleider', 1, 'x', 1, ?, ?, 1)`).run(
      stamp,
      stamp,
    );
    for (let i = 0; i < people; i++) {
      const id = personId(i);
      person.run(id, `Şükrü ${i}`, `Çelik-${i}`, `p${i}@example.org`, stamp, stamp);
      if (i % 4 === 0) language.run(`01900000-0000-7000-9000-${String(i).padStart(12, '0')}`, id);
    }
  })();
  await store.close();
}

function personId(i: number) {
  return `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
}

function count(db: Database.Database, table: string, where = '1'): number {
  return db.prepare(`select count(*) from ${table} where ${where}`).pluck().get() as number;
}

/**
 * After a kill: the applied steps are a prefix of the shipped list, the schema is exactly that of a database
 * migrated that far, and the data is all there.
 */
function checkSteps(db: Database.Database, why: string): number {
  const applied = db.prepare('select version, name from schema_migrations order by version').all();
  expect(applied, why).toEqual(
    migrations.slice(0, applied.length).map((m) => ({ version: m.version, name: m.name })),
  );
  expect(applied.length, why).toBeGreaterThanOrEqual(1);
  expect(schemaOf(db), why).toEqual(schemaAt.get(applied.length));
  checkData(db, applied.length, why);
  return applied.length;
}

/** The people and their languages all there, and what the applied steps wrote, wholly. */
function checkData(db: Database.Database, applied: number, why: string) {
  expect(count(db, 'persons'), why).toBe(people);
  expect(count(db, 'person_languages'), why).toBe(people / 4);
  expect(count(db, 'persons', "version = 3 and email like 'p%@example.org'"), why).toBe(people);
  if (applied >= 2) {
    // Step 2 filled every row or none (without it the columns are not there at all).
    expect(count(db, 'persons', "sort_name = '' or search_text = ''"), why).toBe(0);
    const first = db.prepare('select search_text, sort_name from persons where id = ?').get(personId(0));
    const fields = { voornaam: 'Şükrü 0', tussenvoegsel: null, achternaam: 'Çelik-0', roepnaam: null };
    expect(first, why).toEqual({
      search_text: personSearchText({
        ...fields,
        email: 'p0@example.org',
        telefoon: '06 12345678',
        gemeente: 'Utrecht',
        plaats: 'Utrecht',
        herkomstland: 'Syrië',
        talen: ['Arabisch'],
      }),
      sort_name: personSortName(fields),
    });
  }
  // Step 3 brings the starter functieprofiel: one profile with one version.
  if (applied >= 3)
    expect([count(db, 'function_profiles'), count(db, 'function_profile_versions')], why).toEqual([1, 1]);
}

/** A second open (as the next start) finishes the migration, with everything still there. */
function finished(store: SqliteStore, why: string) {
  expect(schemaOf(store.sqlite), why).toEqual(schemaAt.get(migrations.length));
  checkData(store.sqlite, migrations.length, why);
}

it('leaves the database at its old level or wholly migrated when killed, and the next open finishes the job', async () => {
  const file = path.join(dir, 'old', 'schakel.sqlite');
  await oldDatabase(file, 1);
  const report = await crashRepeatedly({
    script: 'test/support/migrate-store.ts',
    args: [file],
    file,
    // Opening (the read-only look, quick_check) takes the first part, step 2 (filling every row) most of the rest. The
    // later steps take a few ms each, so the child also kills itself in each step once its changes are made but
    // before they are committed; and once a little into step 2.
    fractions: [0.2, 0.5, 0.8],
    extraPoints: [
      ...migrations.slice(1).map((m) => ({ self: `step ${m.version} written` })),
      { after: 'step 2', ms: 40 },
    ],
    check: (db, run) => {
      const why = explain(run);
      const applied = checkSteps(db, why);
      // All pending steps are one transaction: never a level in between.
      expect([1, migrations.length], why).toContain(applied);
      if (run.doneMs !== null) expect(applied, why).toBe(migrations.length);
      // Killed inside any step, its changes made but not committed: the old level.
      if (typeof run.killAt === 'object' && 'self' in run.killAt) expect(applied, why).toBe(1);
      return `schema ${applied}`;
    },
    afterCheck: (store, run) => finished(store, explain(run)),
  });
  // Both outcomes were left by some kill.
  expect([...report.outcomes].sort(), report.summary).toEqual(
    ['schema 1', `schema ${migrations.length}`].sort(),
  );
}, 120_000);
