import { binaryType } from './engine.ts';
import { starterProfile } from './starter-profile.ts';
import type { Migration } from './types.ts';
import { uuid7 } from './uuid7.ts';

/**
 * Functieprofielen (each save a new version; old versions stay readable) and contracts drafted from them. A contract
 * made definitief keeps a snapshot of what it said and the exact PDF bytes that were printed.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'profiles-and-contracts',
  async up(db, now) {
    await db.schema
      .createTable('function_profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('titel', 'text', (c) => c.notNull())
      .addColumn('current_version_id', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('function_profile_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('profile_id', 'text', (c) => c.notNull().references('function_profiles.id'))
      .addColumn('versie', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('function_profile_versions_number', ['profile_id', 'versie'])
      .execute();

    await db.schema
      .createTable('contracts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('nummer', 'text', (c) => c.notNull())
      .addColumn('versie', 'integer', (c) => c.notNull())
      .addColumn('vorige_id', 'text', (c) => c.references('contracts.id'))
      .addColumn('vorm', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('profile_version_id', 'text', (c) => c.references('function_profile_versions.id'))
      .addColumn('draft', 'text', (c) => c.notNull())
      .addColumn('startdatum', 'text', (c) => c.notNull())
      .addColumn('einddatum', 'text')
      .addColumn('fiscale_reden', 'text')
      .addColumn('snapshot', 'text')
      .addColumn('pdf', binaryType(db))
      .addColumn('pdf_sha256', 'text')
      .addColumn('definitief_at', 'text')
      .addColumn('definitief_by', 'text', (c) => c.references('accounts.id'))
      .addColumn('getekend_datum', 'text')
      .addColumn('beeindigd_datum', 'text')
      .addColumn('beeindigd_reden', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('contracts_number_version', ['nummer', 'versie'])
      .execute();
    await db.schema.createIndex('contracts_person').on('contracts').column('person_id').execute();
    await db.schema
      .createIndex('contracts_status_end')
      .on('contracts')
      .columns(['status', 'einddatum'])
      .execute();

    const profileId = uuid7(Date.parse(now));
    const versionId = uuid7(Date.parse(now));
    await db
      .insertInto('function_profiles')
      .values({
        id: profileId,
        titel: starterProfile.titel,
        current_version_id: versionId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('function_profile_versions')
      .values({
        id: versionId,
        profile_id: profileId,
        versie: 1,
        content: JSON.stringify(starterProfile),
        created_at: now,
      })
      .execute();
  },
};
