/**
 * Pulls from a real PostgreSQL server after real pushes: a desk gets the rows changed since its cursor, only those
 * its user may read, page by page without splitting a change number, and nothing when nothing changed.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import type { Role } from '../../../shared/roles.ts';
import type { PullResponse } from '../../../shared/sync.ts';
import { personInput } from '../../../test/support/harness.ts';
import { pulledRows } from '../../../test/support/pulled-rows.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { fileColumns, lastWithinBudget } from './pull-page.ts';
import { blobFor } from './server-blob.ts';
import { pullChanges } from './server-pull.ts';
import { applyPush } from './server-push.ts';
import { type VisibleRow, visibleRows } from './visibility.ts';

let team: SyncTeam;
let personId: string;
const ids = { vertrouwelijk: '', gewoon: '' };

const entry = (vertrouwelijk: boolean): CallInput<'begeleiding.addLogEntry'> => ({
  personId,
  soort: 'ontwikkelingsgesprek',
  signaalSoort: null,
  datum: '2026-04-30',
  duurMinuten: 45,
  samenvatting: vertrouwelijk ? 'Vertelt over de zorgen thuis.' : 'Oriënterend gesprek over de training.',
  afspraken: null,
  volgendeAfspraak: null,
  vertrouwelijk,
  ownerId: null,
  doelUpdates: [],
});

beforeAll(async () => {
  team = await syncTeam();
  const { projectleider, begeleider } = team.pushers;
  const created = await team.madeOnDesk(
    'projectleider',
    'persons.create',
    personInput({ voornaam: 'Şükrü' }),
  );
  personId = created.ids[0] as string;
  const vertrouwelijk = await team.madeOnDesk('begeleider', 'begeleiding.addLogEntry', entry(true));
  const gewoon = await team.madeOnDesk('begeleider', 'begeleiding.addLogEntry', entry(false));
  ids.vertrouwelijk = vertrouwelijk.ids[0] as string;
  ids.gewoon = gewoon.ids[0] as string;
  for (const [who, command] of [
    [projectleider, created],
    [begeleider, vertrouwelijk],
    [begeleider, gewoon],
  ] as const) {
    const { results } = await applyPush(team.server(), who, [command]);
    expect(results[0]?.outcome, results[0]?.message ?? '').toBe('toegepast');
  }
});
afterAll(() => team.close());

async function pullAll(role: Role, limit = 1000, from = 0, fileBudget?: number) {
  const account = team.pushers[role].account;
  const pages = [];
  let cursor = from;
  for (;;) {
    const page = await pullChanges(team.server(1).db, account, cursor, limit, fileBudget);
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { pages, cursor, rows: pages.flatMap(pulledRows) };
}
const of = (rows: VisibleRow[], table: string) => rows.filter((r) => r.table === table);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function insertClaim(id: string) {
  await team
    .server()
    .db.insertInto('claims')
    .values({
      id,
      person_id: personId,
      soort: 'onkosten',
      datum: '2026-04-30',
      omschrijving: 'Bonnen',
      bedrag_cents: 1_00,
      status: 'ingediend',
      created_at: '2026-04-30T10:00:00.000Z',
      updated_at: '2026-04-30T10:00:00.000Z',
      version: 1,
    })
    .execute();
}

async function insertReceipt(id: string, claimId: string, bytes: Buffer) {
  await team
    .server()
    .db.insertInto('receipts')
    .values({
      id,
      claim_id: claimId,
      mime: 'application/pdf',
      bytes,
      size: bytes.length,
      sha256: sha256(bytes),
      created_at: '2026-04-30T10:00:00.000Z',
      version: 1,
    })
    .execute();
}

describe('a pull from the server', () => {
  it('gives the projectleider every log entry, and the begeleider who wrote them both', async () => {
    for (const role of ['projectleider', 'begeleider'] as const) {
      const { rows } = await pullAll(role);
      const entries = of(rows, 'log_entries');
      expect(entries.map((r) => r.id).sort(), role).toEqual([ids.gewoon, ids.vertrouwelijk].sort());
      expect(entries.every((r) => r.row !== null)).toBe(true);
      expect(of(rows, 'persons').find((r) => r.id === personId)?.row).toMatchObject({ voornaam: 'Şükrü' });
    }
  });

  it('never gives the administrateur a log entry, not even its id, nor an audit entry’s input', async () => {
    const { rows } = await pullAll('administrateur');
    expect(of(rows, 'log_entries')).toEqual([]);
    expect(of(rows, 'persons').find((r) => r.id === personId)?.row).toMatchObject({ voornaam: 'Şükrü' });
    for (const audit of of(rows, 'audit_log')) expect(audit.row?.input ?? 'null').toBe('null');
    // What every user gets: no password hash but their own.
    const accounts = of(rows, 'accounts').filter((r) => r.row);
    const own = team.pushers.administrateur.account.id;
    expect(accounts.filter((r) => r.row?.password_hash !== '').map((r) => r.id)).toEqual([own]);
  });

  it('pages without splitting a change number, and the pages add up to the whole, from any page on', async () => {
    const whole = await pullAll('projectleider');
    const feed = await team
      .server()
      .db.selectFrom('sync_changes')
      .select(['table_name', 'row_id', 'seq'])
      .execute();
    const seqOf = new Map(feed.map((c) => [`${c.table_name}/${c.row_id}`, Number(c.seq)]));
    const key = (r: VisibleRow) => `${r.table}/${r.id}`;
    // A limit of 1 is below the rows of most numbers (a person and its audit entry): each page is then one number.
    for (const limit of [1, 3]) {
      const paged = await pullAll('projectleider', limit);
      expect(paged.pages.length).toBeGreaterThan(2);
      expect(paged.cursor).toBe(whole.cursor);
      expect(paged.rows.map(key).sort()).toEqual(whole.rows.map(key).sort());
      // Each number's rows arrive on one page, and only numbers up to the page's cursor.
      let since = 0;
      const seen = new Set<number>();
      for (const page of paged.pages) {
        const numbers = new Set(pulledRows(page).map((r) => seqOf.get(key(r)) as number));
        for (const n of numbers) {
          expect(seen.has(n), `number ${n} on two pages`).toBe(false);
          expect(n > since && n <= page.cursor, `number ${n} outside (${since}, ${page.cursor}]`).toBe(true);
        }
        for (const n of numbers) seen.add(n);
        // More rows than the limit only when they are all of one number.
        if (numbers.size > 1) expect(pulledRows(page).length).toBeLessThanOrEqual(limit);
        since = page.cursor;
      }
      // A pull resumed from any page's cursor brings exactly the pages after it.
      for (const [i, page] of paged.pages.entries()) {
        const rest = await pullAll('projectleider', limit, page.cursor);
        const after = paged.pages.slice(i + 1).flatMap(pulledRows);
        expect(rest.rows.map(key).sort()).toEqual(after.map(key).sort());
      }
    }
  });

  it('names the rows a user may no longer read, without their content, as the rows to drop', async () => {
    const { cursor } = await pullAll('begeleider');
    const made = await team.madeOnDesk('projectleider', 'begeleiding.addLogEntry', entry(true));
    const { results } = await applyPush(team.server(), team.pushers.projectleider, [made]);
    expect(results[0]?.outcome, results[0]?.message ?? '').toBe('toegepast');
    const secret = made.ids[0] as string;
    const guide = await pullAll('begeleider', 1000, cursor);
    const entries = guide.pages.flatMap((p) => p.tables).filter((t) => t.table === 'log_entries');
    expect(entries.flatMap((t) => t.dropped)).toEqual([secret]);
    expect(entries.flatMap((t) => t.rows)).toEqual([]);
    expect(JSON.stringify(guide.pages)).not.toContain('zorgen thuis');
    const leider = await pullAll('projectleider', 1000, cursor);
    expect(of(leider.rows, 'log_entries').map((r) => r.id)).toEqual([secret]);
    expect(of(leider.rows, 'log_entries')[0]?.row).toMatchObject({ vertrouwelijk: 1 });
  });

  it('reads thousands of requested rows in one go, in the order asked, null for those gone or not readable', async () => {
    const gone = Array.from(
      { length: 1_200 },
      (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const asked = [...gone.slice(0, 600), personId, ...gone.slice(600), personId];
    const rows = await visibleRows(team.server().db, 'persons', asked, team.pushers.administrateur.account);
    expect(rows.map((r) => r.id)).toEqual(asked);
    expect(rows.filter((r) => r.row !== null).map((r) => r.id)).toEqual([personId, personId]);
    // The administrateur's rule still applies: the person's notes are blanked.
    expect(rows[600]?.row).toMatchObject({ voornaam: 'Şükrü', notities: null });
    const entries = await visibleRows(
      team.server().db,
      'log_entries',
      [ids.vertrouwelijk, ids.gewoon, ...gone],
      team.pushers.projectleider.account,
    );
    expect(entries.filter((r) => r.row !== null).map((r) => r.id)).toEqual([ids.vertrouwelijk, ids.gewoon]);
  });

  it('gives nothing new when nothing changed, and the cursor stays', async () => {
    const { cursor } = await pullAll('begeleider');
    const again = await pullChanges(team.server().db, team.pushers.begeleider.account, cursor, 1000);
    expect(again).toEqual({ cursor, tables: [], more: false });
  });

  it('cuts a page before the files that would pass its budget; a number whose files alone pass it travels alone', async () => {
    const { cursor } = await pullAll('projectleider');
    const claimId = '00000000-0000-7000-8000-00000000c1a1';
    await insertClaim(claimId);
    // Each insert on its own is a change number of its own (change-feed.ts).
    const sizes = [600, 300, 300, 2_500, 100];
    for (const [i, size] of sizes.entries())
      await insertReceipt(
        `00000000-0000-7000-8000-00000000b0${String(i).padStart(2, '0')}`,
        claimId,
        Buffer.alloc(size, i + 1),
      );
    const paged = await pullAll('projectleider', 1000, cursor, 1_000);
    const receiptsOn = (page: PullResponse) =>
      pulledRows(page)
        .filter((r) => r.table === 'receipts')
        .map((r) => (r.row?.bytes as { size: number } | undefined)?.size);
    // 600 + 300 fit, a third 300 would pass 1,000; 2,500 alone; then the last.
    expect(paged.pages.map(receiptsOn)).toEqual([[600, 300], [300], [2_500], [100]]);
    expect(of(paged.rows, 'claims').map((r) => r.id)).toEqual([claimId]);
    const whole = await pullAll('projectleider', 1000, cursor);
    expect(whole.pages.map(receiptsOn)).toEqual([[600, 300, 300, 2_500, 100]]);
    expect(paged.cursor).toBe(whole.cursor);
    const refs = of(paged.rows, 'receipts').map((r) => r.row?.bytes);
    expect(refs).toEqual(sizes.map((size, i) => ({ $blob: sha256(Buffer.alloc(size, i + 1)), size })));
  });

  it('names a receipt by its hash, and gives its content only to a user who may read the receipt', async () => {
    const { cursor } = await pullAll('projectleider');
    const claimId = '00000000-0000-7000-8000-00000000c1a2';
    const bytes = Buffer.from('%PDF-1.7 bon van de bus, lijn 22');
    await insertClaim(claimId);
    await insertReceipt('00000000-0000-7000-8000-00000000b100', claimId, bytes);
    const { pages } = await pullAll('administrateur', 1000, cursor);
    const wire = JSON.stringify(pages);
    expect(wire).toContain(`{"$blob":"${sha256(bytes)}","size":${bytes.length}}`);
    expect(wire).not.toContain(bytes.toString('base64'));
    const db = team.server(1).db;
    for (const role of ['administrateur', 'projectleider'] as const)
      expect(await blobFor(db, team.pushers[role].account, sha256(bytes))).toEqual(bytes);
    // Receipts are not the begeleider's (visibility.ts): as for a hash no one has, nothing, not even that it exists.
    expect(await blobFor(db, team.pushers.begeleider.account, sha256(bytes))).toBeNull();
    expect(
      await blobFor(db, team.pushers.administrateur.account, sha256(Buffer.from('onbekend'))),
    ).toBeNull();
  });

  it('knows every column of the schema that holds bytes', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'bytea' order by table_name, column_name`.execute(
      team.server().db,
    );
    const known = Object.entries(fileColumns).flatMap(([table, columns]) => columns.map((c) => [table, c]));
    expect(rows.map((r) => [r.table_name, r.column_name])).toEqual(known);
  });
});

describe('the file budget of a page', () => {
  const sizes = new Map([
    [5, 400],
    [7, 400],
    [9, 400],
  ]);
  it('ends the page before the number that would pass it', () => {
    expect(lastWithinBudget(sizes, 3, 1_000)).toBe(8);
    expect(lastWithinBudget(sizes, 3, 1_200)).toBeNull();
  });
  it('keeps the first number whole even when its files alone pass it', () => {
    expect(lastWithinBudget(sizes, 5, 300)).toBe(5);
    expect(lastWithinBudget(sizes, 3, 300)).toBe(4);
  });
});
