import type { Migration } from './types.ts';

/**
 * Begeleiding: each person's POP (every review a new version; goals keep their id across versions), progress notes
 * per goal, the begeleidingslog, and intervisie groups with their sessions.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'begeleiding',
  async up(db) {
    await db.schema
      .createTable('pops')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().unique().references('persons.id'))
      .addColumn('current_version_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('pop_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pop_id', 'text', (c) => c.notNull().references('pops.id'))
      .addColumn('versie', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('pop_versions_number', ['pop_id', 'versie'])
      .execute();

    await db.schema
      .createTable('log_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('signaal_soort', 'text')
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('duur_minuten', 'integer')
      .addColumn('samenvatting', 'text', (c) => c.notNull())
      .addColumn('afspraken', 'text')
      .addColumn('volgende_afspraak', 'text')
      .addColumn('vertrouwelijk', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('owner_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('opvolging', 'text')
      .addColumn('gesloten_op', 'text')
      .addColumn('session_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('log_entries_person_date')
      .on('log_entries')
      .columns(['person_id', 'datum'])
      .execute();
    await db.schema
      .createIndex('log_entries_open_signals')
      .on('log_entries')
      .columns(['soort', 'gesloten_op'])
      .execute();

    await db.schema
      .createTable('goal_progress')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('goal_id', 'text', (c) => c.notNull())
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notitie', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.references('log_entries.id'))
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('goal_progress_person')
      .on('goal_progress')
      .columns(['person_id', 'goal_id'])
      .execute();

    await db.schema
      .createTable('intervisie_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('begeleider_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('intervisie_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('intervisie_groups.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('intervisie_members_unique', ['group_id', 'person_id'])
      .execute();
    await db.schema
      .createTable('intervisie_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('intervisie_groups.id'))
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('thema', 'text', (c) => c.notNull())
      .addColumn('duur_minuten', 'integer')
      .addColumn('samenvatting', 'text')
      .addColumn('aanwezig', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
