import { expect, it } from 'vitest';
import { databaseAtVersion } from '../test/support/migration-db.ts';

it("0017 keeps the inzet as it was and lets a period's aggregates read the covering indexes only", async () => {
  const old = await databaseAtVersion(16);
  const at = '2026-03-01T09:00:00.000Z';
  await old.db
    .insertInto('inzet')
    .values({
      id: 'i1',
      datum: '2026-02-27',
      minuten: 90,
      partner_id: null,
      request_id: null,
      project_id: null,
      soort: 'huisbezoek',
      gemeente: null,
      bereik_volwassenen: 3,
      bereik_kinderen: 2,
      bereik_statushouders: 3,
      bereik_professionals: 0,
      hulpvraag_notitie: null,
      uitkomst: null,
      account_id: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await old.db
    .insertInto('inzet_reach')
    .values({
      id: 'r1',
      inzet_id: 'i1',
      dimensie: 'herkomst',
      waarde: 'midden_oosten',
      aantal: 4,
      version: 1,
    })
    .execute();
  const before = await old.db.selectFrom('inzet').selectAll().execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('inzet').selectAll().execute()).toEqual(before);
  const plan = (sql: string) =>
    store.sqlite
      .prepare(`explain query plan ${sql}`)
      .all('2026-01-01', '2026-03-31')
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
  expect(
    plan(
      'select soort, count(*), sum(minuten), sum(bereik_kinderen) from inzet where datum >= ? and datum <= ? group by soort',
    ),
  ).toContain('COVERING INDEX inzet_datum_report');
  expect(
    plan(
      'select dimensie, waarde, sum(aantal) from inzet_reach inner join inzet on inzet.id = inzet_reach.inzet_id where inzet.datum >= ? and inzet.datum <= ? group by dimensie, waarde',
    ),
  ).toContain('COVERING INDEX inzet_reach_report');
  await store.close();
});
