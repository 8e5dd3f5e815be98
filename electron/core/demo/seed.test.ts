import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import { knownFiscalYears } from '../../../shared/fiscal/fiscal-table.ts';
import { testKey } from '../../../test/support/harness.ts';
import { type Core, startCore } from '../app-core.ts';
import { demoOrganisation, demoPassword, seedDemo } from './seed.ts';

const defaultToday = '2026-11-25';
const opened: { core: Core; dir: string }[] = [];

afterEach(async () => {
  for (const { core, dir } of opened.splice(0)) {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A demo seeded on `today`, its clock a second further at every read (so later writes are later, as in use). */
async function demo(count: number, today = defaultToday) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-demo-test-'));
  let tick = 0;
  const start = Date.parse(`${today}T08:00:00.000Z`);
  const core = await startCore(dir, { key: testKey, clock: () => new Date(start + 1000 * tick++) });
  opened.push({ core, dir });
  await seedDemo(core.dispatcher, count, today);
  return async (username: string) => {
    const client = `test-${username}`;
    const r = await core.dispatcher.dispatch('auth.login', { username, password: demoPassword }, client);
    expect(r.ok).toBe(true);
    return async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
      const result = await core.dispatcher.dispatch(name, input, client);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as CallOutput<N>;
    };
  };
}

describe('the demo data set', () => {
  it('gives each role something on its main screens', { timeout: 180_000 }, async () => {
    const as = await demo(90);

    const annelies = await as('annelies');
    const settings = await annelies('settings.get', {});
    expect(settings).toMatchObject({ iban: demoOrganisation.iban, plaats: 'Utrecht', postcode: '3572 BK' });
    const { rows } = await annelies('claims.list', { pageSize: 1000 });
    expect(new Set(rows.map((c) => c.status))).toEqual(
      new Set(['ingediend', 'goedgekeurd', 'afgewezen', 'in_batch', 'betaald']),
    );
    const submitted = rows.filter((c) => c.status === 'ingediend');
    expect(submitted.some((c) => c.checks.length === 0)).toBe(true);
    expect(new Set(submitted.flatMap((c) => c.checks.map((k) => k.code)))).toEqual(
      new Set([
        'over_grens',
        'bon_ontbreekt',
        'soort_niet_toegestaan',
        'dubbel',
        'geen_contract',
        'toestemming_ontbreekt',
      ]),
    );
    for (const c of rows.filter((r) => r.status === 'afgewezen')) expect(c.redenAfwijzing).toBeTruthy();
    // Decided claims pass their checks: nothing approved that the approval itself would have refused.
    expect(rows.filter((c) => c.status !== 'ingediend').flatMap((c) => c.checks)).toEqual([]);
    const batches = await annelies('payouts.list', {});
    expect(batches.map((b) => b.status).sort()).toEqual(['betaald', 'concept']);

    for (const username of ['samira', 'pieter', 'esther']) {
      const guide = await as(username);
      const caseload = await guide('begeleiding.caseload', {});
      expect(caseload.filter((r) => r.heeftPop).length, username).toBeGreaterThan(0);
      expect(
        caseload.some((r) => r.stand === 'te_laat'),
        username,
      ).toBe(true);
      expect(
        caseload.some((r) => r.openSignalen > 0),
        username,
      ).toBe(true);
      expect(
        caseload.some((r) => r.doelenOverDatum > 0),
        username,
      ).toBe(true);
      const withPop = caseload.find((r) => r.heeftPop);
      const pop = await guide('begeleiding.pop', { personId: withPop?.personId ?? '' });
      expect(pop?.goals.some((g) => g.progress.length > 0)).toBe(true);
      const log = await guide('begeleiding.log', { personId: withPop?.personId ?? '' });
      expect(log.some((e) => e.soort === 'ontwikkelingsgesprek')).toBe(true);
    }
    const samira = await as('samira');
    const groups = await samira('intervisie.list', {});
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.sessies.length > 0)).toBe(true);

    const marco = await as('marco');
    const kinds = new Set((await marco('attention.list', {})).map((a) => a.kind));
    for (const kind of [
      'vog_verloopt',
      'vog_ontbreekt',
      'toestemming_ontbreekt',
      'basistraining_ontbreekt',
      'certificaat_verloopt',
      'training_te_weinig_deelnemers',
    ] as const)
      expect(kinds.has(kind), kind).toBe(true);
    // Scholing: an aanbod, a group training given and two planned; an expiring certificate with its scan.
    expect((await samira('scholing.catalogue', {})).length).toBeGreaterThanOrEqual(5);
    const sessions = await samira('scholing.sessions', { metAfgelopen: true });
    expect(sessions.map((s) => s.status).sort()).toEqual(['gegeven', 'gepland', 'gepland']);
    // A closed signal and a second POP version are in the projectleider's view of everyone.
    const all = await marco('begeleiding.caseload', {});
    const logs = await Promise.all(
      all.filter((r) => r.heeftPop).map((r) => marco('begeleiding.log', { personId: r.personId })),
    );
    expect(logs.flat().some((e) => e.soort === 'signaal' && e.geslotenOp !== null)).toBe(true);
    // Doorgroei: someone at B1 or higher in all four skills for the register's filter, and uitstroom of those who
    // stopped.
    const strong = await marco('persons.list', { nederlands: 'alle' });
    expect(strong.total).toBeGreaterThan(0);
    const [first] = strong.rows;
    const doorgroei = await marco('doorgroei.get', { personId: first?.id ?? '' });
    expect(doorgroei.nederlands.every((l) => ['B1', 'B2', 'C1', 'C2'].includes(l.niveau))).toBe(true);
    expect(doorgroei.opleidingen.length).toBeGreaterThan(0);
    const stopped = await marco('persons.list', { status: ['gestopt'], pageSize: 200 });
    const outflows = await Promise.all(
      stopped.rows.map(async (p) => (await marco('doorgroei.get', { personId: p.id })).uitstroom),
    );
    expect(outflows.flat().length).toBeGreaterThan(2);
    // The work: requests in several states, inzet that prepared claims, and a quarter to account for.
    const requests = await marco('aanvragen.list', { partnerId: null });
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(['nieuw', 'gematcht', 'uitgevoerd', 'afgesloten', 'niet_uitvoerbaar']),
    );
    const inzet = await marco('inzet.list', { pageSize: 500 });
    expect(inzet.rows.length).toBeGreaterThan(20);
    expect(inzet.rows.some((i) => i.declaratieCents > 0)).toBe(true);
    const overview = await marco('verdeling.overview', { van: '2026-09-01', tot: '2026-11-30' });
    expect(overview.rows.some((r) => r.minuten > 0)).toBe(true);
  });

  it('still fills every claim state in January of a year without figures, saying the limit went unchecked', {
    timeout: 180_000,
  }, async () => {
    const as = await demo(60, `${Math.max(...knownFiscalYears) + 1}-01-20`);
    const { rows } = await (await as('annelies'))('claims.list', { pageSize: 1000 });
    expect(new Set(rows.map((c) => c.status))).toEqual(
      new Set(['ingediend', 'goedgekeurd', 'afgewezen', 'in_batch', 'betaald']),
    );
    const submitted = rows.filter((c) => c.status === 'ingediend');
    expect(submitted.some((c) => c.checks.some((k) => k.code === 'jaar_onbekend'))).toBe(true);
    // Nothing that could not be checked was approved.
    expect(rows.filter((c) => c.status !== 'ingediend').flatMap((c) => c.checks)).toEqual([]);
  });

  it('is the same on every run of the same day', { timeout: 180_000 }, async () => {
    const fingerprint = async () => {
      const as = await demo(24);
      const annelies = await as('annelies');
      const claims = (await annelies('claims.list', { pageSize: 1000 })).rows.map((c) =>
        [c.personNaam, c.soort, c.datum, c.bedragCents, c.status, c.checks.map((k) => k.code).join()].join(
          '|',
        ),
      );
      const batches = (await annelies('payouts.list', {})).map((b) =>
        [b.nummer, b.status, b.aantal, b.totaalCents].join('|'),
      );
      const marco = await as('marco');
      const caseload = (await marco('begeleiding.caseload', {})).map((r) =>
        [r.naam, r.begeleiderNaam, r.stand, r.heeftPop, r.doelenOverDatum, r.openSignalen].join('|'),
      );
      return { claims: claims.sort(), batches: batches.sort(), caseload: caseload.sort() };
    };
    const first = await fingerprint();
    expect(first.claims.length).toBeGreaterThan(0);
    expect(await fingerprint()).toEqual(first);
  });
});
