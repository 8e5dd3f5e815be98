import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

/**
 * Doorgroei: a person's education, Dutch level per skill and work experience, kept under one versioned head per
 * person (doorgroei_profiles: a save replaces the lists as a whole; it also holds the begeleider's text for the
 * portfolio), and the uitstroom: what someone went on to
 * when they stopped, one row per stop, counted per period for the verantwoording. Nothing existing is moved: a
 * person who stopped before this step simply has no uitstroom recorded.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'doorgroei',
  async up(db) {
    await db.schema
      .createTable('doorgroei_profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().unique().references('persons.id'))
      // The begeleider's short text for the portfolio PDF.
      .addColumn('portfolio_tekst', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('doorgroei_education')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('land', 'text', (c) => c.notNull())
      .addColumn('niveau', 'text', (c) => c.notNull())
      .addColumn('richting', 'text', (c) => c.notNull())
      .addColumn('diploma', 'integer', (c) => c.notNull())
      .addColumn('idw', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('doorgroei_dutch_levels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('vaardigheid', 'text', (c) => c.notNull())
      .addColumn('niveau', 'text', (c) => c.notNull())
      .addColumn('examen', 'text')
      .addColumn('examen_datum', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      // One level per skill; the register's filter looks a person's skills up through this key.
      .addUniqueConstraint('doorgroei_dutch_levels_skill', ['person_id', 'vaardigheid'])
      .execute();
    await db.schema
      .createTable('doorgroei_work')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('functie', 'text', (c) => c.notNull())
      .addColumn('sector', 'text')
      .addColumn('land', 'text', (c) => c.notNull())
      .addColumn('van', 'text', (c) => c.notNull())
      .addColumn('tot', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await indexByPerson(db, ['doorgroei_education', 'doorgroei_work']);

    await db.schema
      .createTable('doorgroei_outflows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('vervolg', 'text', (c) => c.notNull())
      .addColumn('toelichting', 'text')
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await indexByPerson(db, ['doorgroei_outflows']);
    // The verantwoording counts the outcomes of a period.
    await db.schema
      .createIndex('doorgroei_outflows_datum')
      .on('doorgroei_outflows')
      .column('datum')
      .execute();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: as in Migration.up, the schema of this step, not today's DB type.
async function indexByPerson(db: Kysely<any>, tables: string[]): Promise<void> {
  for (const table of tables)
    await db.schema.createIndex(`${table}_person`).on(table).column('person_id').execute();
}
