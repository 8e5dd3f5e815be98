import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app-core.ts';
import { volunteerContract } from '../support/harness.ts';
import { benchKey } from './bench-key.ts';
import { benchIban as iban } from './iban.ts';
import { type Figures, race, rawReplay } from './measure.ts';

const login = { username: 'admin', password: 'bench bench bench' };

/**
 * Approving 1,000 claims in one action; the year overview for 300 people over 100,000 claims through the dispatcher
 * against the same statements on raw SQLite.
 */
export async function declaratiesBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-claims-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Admin', ...login, role: 'administrateur' },
    'bench',
  );
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2026-01-01T00:00:00Z';
  store.sqlite.transaction(() => {
    const person =
      store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, iban,
      bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, 'actief', '2026-01-01', ?, 0, 0, '', ?, ?, ?, 1)`);
    const claim =
      store.sqlite.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents,
      status, created_at, updated_at, version) values (?, ?, ?, ?, 'Rit', 1, ?, ?, ?, ?, 1)`);
    const contract =
      store.sqlite.prepare(`insert into contracts (id, person_id, nummer, versie, vorm, status, draft,
      startdatum, created_at, updated_at, version) values (?, ?, ?, 1, 'vrijwilligersovereenkomst', 'getekend', ?, '2026-01-01', ?, ?, 1)`);
    for (let p = 0; p < 300; p++) {
      person.run(id(1, p), `Persoon${p}`, `Achternaam${p}`, iban(p), `achternaam${p}`, stamp, stamp);
      contract.run(
        id(3, p),
        id(1, p),
        `2026-${String(p).padStart(4, '0')}`,
        JSON.stringify(volunteerContract(id(1, p))),
        stamp,
        stamp,
      );
    }
    // Paid public-transport costs (outside the caps, so the pending allowance below stays within them).
    for (let c = 0; c < 100_000; c++) {
      const month = String((c % 12) + 1).padStart(2, '0');
      const day = String((c % 28) + 1).padStart(2, '0');
      claim.run(id(2, c), id(1, c % 300), 'ov', `2026-${month}-${day}`, 23 + c, 'betaald', stamp, stamp);
    }
  })();
  store.sqlite.exec('analyze');
  await dispatcher.dispatch('auth.login', login, 'bench');

  const overviewInput = { jaar: 2026 };
  const raw = await rawReplay(dir, store, login, 'claims.overview', overviewInput);
  const medians = await race(
    { dispatcher: () => dispatcher.dispatch('claims.overview', overviewInput, 'bench'), raw },
    30,
  );

  // 1,000 submitted km claims, within every cap, approved in one action.
  store.sqlite.exec(
    "update claims set status = 'ingediend', soort = 'km', bedrag_cents = 23 where rowid <= 1000",
  );
  const pending = store.sqlite.prepare("select id, version from claims where status = 'ingediend'").all() as {
    id: string;
    version: number;
  }[];
  const t0 = performance.now();
  const approval = await dispatcher.dispatch('claims.approve', { items: pending }, 'bench');
  const approveMs = performance.now() - t0;

  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    capOverview: {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: { people: 300, claims: 100_000 },
    },
    claimsApproval: {
      subjectMs: approveMs,
      floorMs: null,
      about: {
        claims: 1000,
        outcome: approval.ok ? 'approved' : `refused: ${approval.error.message.slice(0, 80)}`,
      },
    },
  };
}
