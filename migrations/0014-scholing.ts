import { binaryType } from './engine.ts';
import type { Migration } from './types.ts';

/**
 * Scholing: the trainingsaanbod (archived, never deleted), each person's trainings with at most one certificate
 * file, and planned group sessions with who was invited and, once recorded, who was there.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'scholing',
  async up(db) {
    await db.schema
      .createTable('trainings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('aanbieder', 'text', (c) => c.notNull())
      .addColumn('aanbieder_anders', 'text')
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('duur_eenheid', 'text', (c) => c.notNull())
      .addColumn('duur', 'integer', (c) => c.notNull())
      .addColumn('certificaat', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('geldigheid_maanden', 'integer')
      .addColumn('kosten_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('training_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('plaats', 'text', (c) => c.notNull())
      .addColumn('trainer', 'text')
      .addColumn('minimum_deelnemers', 'integer', (c) => c.notNull().defaultTo(4))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('training_sessions_status_date')
      .on('training_sessions')
      .columns(['status', 'datum'])
      .execute();

    await db.schema
      .createTable('training_session_attendees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      // null until the attendance is recorded, then 1 or 0.
      .addColumn('aanwezig', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('training_session_attendees_unique', ['session_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('training_session_attendees_person')
      .on('training_session_attendees')
      .column('person_id')
      .execute();

    await db.schema
      .createTable('person_trainings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('startdatum', 'text')
      .addColumn('einddatum', 'text')
      .addColumn('minuten', 'integer')
      .addColumn('verloopdatum', 'text')
      .addColumn('notitie', 'text')
      .addColumn('session_id', 'text', (c) => c.references('training_sessions.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('person_trainings_person')
      .on('person_trainings')
      .columns(['person_id', 'status'])
      .execute();
    await db.schema
      .createIndex('person_trainings_expiry')
      .on('person_trainings')
      .column('verloopdatum')
      .execute();

    await db.schema
      .createTable('training_certificates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_training_id', 'text', (c) => c.notNull().unique().references('person_trainings.id'))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', binaryType(db), (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
