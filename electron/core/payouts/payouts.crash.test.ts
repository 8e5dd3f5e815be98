import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crashRepeatedly, explain } from '../../../test/support/crash.ts';
import { crashNow } from '../../../test/support/crash-child.ts';
import { type Harness, harness, personInput, validIban } from '../../../test/support/harness.ts';
import { databaseFileName } from '../paths.ts';

let h: Harness;
// Many people, so the batch has many transfers (SEPA file built and checked against the XSD), and many claims each,
// so the writes at the end (batch, every claim, audit) take a good part of the time too.
const people = 150;
const claimsEach = 12;
const claimCents = 230;

beforeAll(async () => {
  h = await harness(crashNow);
  const { ids } = await h.withTeam();
  const { updatedAt: _u, ...settings } = await h.ok('beheer', 'settings.get', {});
  await h.ok('beheer', 'settings.update', { ...settings, iban: validIban, bic: 'ABNANL2A' });
  const { id: first } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ status: 'actief', statusDatum: '2026-01-01', iban: validIban }),
  );
  const db = h.core.store.sqlite;
  const template = db.prepare('select * from persons where id = ?').get(first) as Record<string, unknown>;
  const columns = Object.keys(template);
  const insertPerson = db.prepare(
    `insert into persons (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertClaim =
    db.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents,
    status, beoordeeld_door, beoordeeld_op, created_at, updated_at, version)
    values (?, ?, 'km', ?, 'Voorlichting', 10, ${claimCents}, 'goedgekeurd', ?, ?, ?, ?, 1)`);
  db.transaction(() => {
    for (let p = 0; p < people; p++) {
      const personId = p === 0 ? first : `01900000-0000-7000-8000-${String(p).padStart(12, '0')}`;
      if (p > 0) insertPerson.run({ ...template, id: personId, voornaam: `Persoon ${p}` });
      for (let c = 0; c < claimsEach; c++) {
        insertClaim.run(
          `01900000-0000-7000-9000-${String(p * claimsEach + c).padStart(12, '0')}`,
          personId,
          `2026-03-${String(c + 1).padStart(2, '0')}`,
          ids.administrateur,
          '2026-03-31T12:00:00.000Z',
          '2026-03-20T12:00:00.000Z',
          '2026-03-31T12:00:00.000Z',
        );
      }
    }
  })();
  await h.core.close();
});
afterAll(() => h.close().catch(() => {}));

it('leaves a payout batch wholly made (batch, its claims, audit) or not at all when the process is killed', async () => {
  const claims = people * claimsEach;
  const report = await crashRepeatedly({
    script: 'test/support/create-payout.ts',
    args: [h.dir, '2026-04-03'],
    file: path.join(h.dir, databaseFileName),
    // Building and checking the SEPA file takes most of the time; the writes come last. So a few kills spread over
    // the whole; the child killing itself as it writes the batch row and as it moves the first claim; and a few
    // counted from that moment, while the claims are being moved.
    fractions: [0.1, 0.4, 0.7, 0.9],
    extraPoints: [
      { self: 'writing batch' },
      { self: 'writing claims' },
      ...[10, 30, 60].map((ms) => ({ after: 'writing claims', ms })),
    ],
    check(db, run) {
      const why = explain(run);
      const batches = db
        .prepare('select id, nummer, aantal, totaal_cents, xml, version from payout_batches')
        .all() as {
        id: string;
        nummer: string;
        aantal: number;
        totaal_cents: number;
        xml: string;
        version: number;
      }[];
      const audits = db
        .prepare("select record_id, record_version from audit_log where call = 'payouts.create'")
        .all();
      const byState = db
        .prepare(
          'select status, batch_id, version, count(*) as n from claims group by status, batch_id, version',
        )
        .all();
      expect(batches.length, why).toBeLessThanOrEqual(1);
      const batch = batches[0];
      if (typeof run.killAt === 'object' && 'self' in run.killAt) expect(batch, why).toBeUndefined();
      if (!batch) {
        expect(audits, why).toEqual([]);
        expect(byState, why).toEqual([{ status: 'goedgekeurd', batch_id: null, version: 1, n: claims }]);
        expect(run.doneMs, why).toBeNull();
        return 'absent';
      }
      expect(audits, why).toEqual([{ record_id: batch.id, record_version: 1 }]);
      expect(byState, why).toEqual([{ status: 'in_batch', batch_id: batch.id, version: 2, n: claims }]);
      expect(batch, why).toMatchObject({ aantal: people, totaal_cents: claims * claimCents, version: 1 });
      expect(batch.xml, why).toContain(`<NbOfTxs>${people}</NbOfTxs>`);
      return 'made';
    },
  });
  expect(report.outcomes, report.summary).toEqual(new Set(['absent', 'made']));
}, 120_000);
