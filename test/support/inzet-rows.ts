/**
 * Inzet rows written straight into a store, for the verantwoording's property test and benchmark: the inzet calls
 * live in another area, and a benchmark needs 200,000 records in seconds. Bulk inserts in one transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/core/store/schema.ts';

export interface InzetRow {
  id: string;
  datum: string;
  minuten: number;
  soort: string;
  gemeente: string | null;
  partnerId: string | null;
  projectId: string | null;
  bereik: [volwassenen: number, kinderen: number, statushouders: number, professionals: number];
  personIds: string[];
  tags: { kind: string; waarde: string }[];
  reach: { dimensie: string; waarde: string; aantal: number }[];
}

const chunk = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Inserts the rows (ids derived from the inzet id), in batches small enough for SQLite's variable limit. */
export async function insertInzetRows(db: Kysely<DB>, rows: InzetRow[], stamp = '2026-01-01T00:00:00.000Z') {
  await db.transaction().execute(async (trx) => {
    for (const part of chunk(rows, 1500)) {
      await trx
        .insertInto('inzet')
        .values(
          part.map((r) => ({
            id: r.id,
            datum: r.datum,
            minuten: r.minuten,
            partner_id: r.partnerId,
            request_id: null,
            project_id: r.projectId,
            soort: r.soort,
            gemeente: r.gemeente,
            bereik_volwassenen: r.bereik[0],
            bereik_kinderen: r.bereik[1],
            bereik_statushouders: r.bereik[2],
            bereik_professionals: r.bereik[3],
            hulpvraag_notitie: null,
            uitkomst: null,
            account_id: null,
            created_at: stamp,
            updated_at: stamp,
            version: 1,
          })),
        )
        .execute();
      const persons = part.flatMap((r) =>
        r.personIds.map((person_id, i) => ({
          id: `${r.id}-p${i}`,
          inzet_id: r.id,
          person_id,
          claim_id: null,
          version: 1,
        })),
      );
      const tags = part.flatMap((r) =>
        r.tags.map((t, i) => ({
          id: `${r.id}-t${i}`,
          inzet_id: r.id,
          kind: t.kind,
          waarde: t.waarde,
          version: 1,
        })),
      );
      const reach = part.flatMap((r) =>
        r.reach.map((x, i) => ({ id: `${r.id}-r${i}`, inzet_id: r.id, ...x, version: 1 })),
      );
      for (const p of chunk(persons, 3000))
        if (p.length) await trx.insertInto('inzet_persons').values(p).execute();
      for (const t of chunk(tags, 3000)) if (t.length) await trx.insertInto('inzet_tags').values(t).execute();
      for (const x of chunk(reach, 2500))
        if (x.length) await trx.insertInto('inzet_reach').values(x).execute();
    }
  });
}

/** Removes every inzet row again (a property test's runs each start empty). */
export async function clearInzet(db: Kysely<DB>) {
  await db.deleteFrom('inzet_reach').execute();
  await db.deleteFrom('inzet_tags').execute();
  await db.deleteFrom('inzet_persons').execute();
  await db.deleteFrom('inzet').execute();
}
