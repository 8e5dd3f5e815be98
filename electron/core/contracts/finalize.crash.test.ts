import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crashRepeatedly, explain } from '../../../test/support/crash.ts';
import { crashNow } from '../../../test/support/crash-child.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';
import { databaseFileName } from '../paths.ts';

let h: Harness;
const contractIds: string[] = [];

beforeAll(async () => {
  h = await harness(crashNow);
  await h.withTeam();
  // Several drafts for different people, made definitief one after another by the child: each finalize is its own
  // transaction, so the kills land before, inside and between them.
  for (let i = 0; i < 6; i++) {
    const { id } = await h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam: `Persoon ${i}`, status: 'actief', statusDatum: '2026-01-01' }),
    );
    contractIds.push((await h.ok('projectleider', 'contracts.create', volunteerContract(id))).id);
  }
  await h.core.close();
});
afterAll(() => h.close().catch(() => {}));

interface ContractRow {
  id: string;
  status: string;
  version: number;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  snapshot: string | null;
  definitief_at: string | null;
  definitief_by: string | null;
}

it('makes each contract definitief wholly (PDF, hash, status, audit) or not at all when the process is killed', async () => {
  const report = await crashRepeatedly({
    script: 'test/support/finalize-contracts.ts',
    args: [h.dir, ...contractIds],
    file: path.join(h.dir, databaseFileName),
    // Spread over the six; and as the first contract's PDF is being stored (most of each finalize is rendering).
    fractions: [0.03, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9],
    // The kill right after the first 'finalized' always lands between the first and the last contract.
    extraPoints: [
      { self: 'writing' },
      { after: 'writing', ms: 0 },
      { after: 'writing', ms: 3 },
      { after: 'finalized ', ms: 0 },
    ],
    check(db, run) {
      const why = explain(run);
      const row = db.prepare(
        'select id, status, version, pdf, pdf_sha256, snapshot, definitief_at, definitief_by from contracts where id = ?',
      );
      const audit = db.prepare(
        "select record_version from audit_log where call = 'contracts.finalize' and record_id = ?",
      );
      const finalized = contractIds.map((id) => {
        const c = row.get(id) as ContractRow;
        const audits = audit.pluck().all(id);
        if (c.status === 'concept') {
          expect(c, why).toMatchObject({
            version: 1,
            pdf: null,
            pdf_sha256: null,
            snapshot: null,
            definitief_at: null,
            definitief_by: null,
          });
          expect(audits, why).toEqual([]);
          return false;
        }
        expect(c.status, why).toBe('definitief');
        expect(c.version, why).toBe(2);
        expect(c.definitief_at, why).toBe(crashNow);
        expect(c.definitief_by, why).not.toBeNull();
        expect(JSON.parse(c.snapshot ?? 'null'), why).toHaveProperty('document');
        const pdf = c.pdf ?? Buffer.alloc(0);
        expect(pdf.subarray(0, 5).toString('latin1'), why).toBe('%PDF-');
        expect(pdf.subarray(-6).toString('latin1'), why).toContain('%%EOF');
        expect(createHash('sha256').update(pdf).digest('hex'), why).toBe(c.pdf_sha256);
        expect(audits, why).toEqual([2]);
        return true;
      });
      // One after another: those done are the first ones, and every one the child saw committed is there.
      const count = finalized.filter(Boolean).length;
      expect(finalized, why).toEqual(contractIds.map((_, i) => i < count));
      const reported = run.out.match(/^finalized /gm)?.length ?? 0;
      expect(count, why).toBeGreaterThanOrEqual(reported);
      expect(count, why).toBeLessThanOrEqual(reported + 1);
      // Killed by itself as the first PDF was about to be stored: none.
      if (typeof run.killAt === 'object' && 'self' in run.killAt) expect(count, why).toBe(0);
      return `${count} of ${contractIds.length}`;
    },
  });
  expect(report.outcomes, report.summary).toContain(`0 of ${contractIds.length}`);
  expect(report.outcomes, report.summary).toContain(`${contractIds.length} of ${contractIds.length}`);
  // Kills also landed between the first and the last, where some are definitief and the rest still concept.
  expect(report.outcomes.size, report.summary).toBeGreaterThanOrEqual(3);
}, 120_000);
