import type { Migration } from './types.ts';

/**
 * Covering indexes for the verantwoording: a quarter's aggregates read only index pages, never the scattered rows of
 * five years of inzet (on the encrypted store every page read is a decryption). The inzet one holds what the
 * report sums per activity and the id the joins use; the reach one adds the count beside the unique key.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'verantwoording',
  async up(db) {
    await db.schema
      .createIndex('inzet_datum_report')
      .on('inzet')
      .columns([
        'datum',
        'id',
        'soort',
        'minuten',
        'bereik_volwassenen',
        'bereik_kinderen',
        'bereik_statushouders',
        'bereik_professionals',
      ])
      .execute();
    await db.schema
      .createIndex('inzet_reach_report')
      .on('inzet_reach')
      .columns(['inzet_id', 'dimensie', 'waarde', 'aantal'])
      .execute();
  },
};
