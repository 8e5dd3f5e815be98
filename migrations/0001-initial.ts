import type { Migration } from './types.ts';

/** Accounts, the register of sleutelpersonen, their status history, the audit log and the organisation's settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  async up(db) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('is_beheerder', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('voornaam', 'text', (c) => c.notNull())
      .addColumn('tussenvoegsel', 'text')
      .addColumn('achternaam', 'text', (c) => c.notNull())
      .addColumn('roepnaam', 'text')
      .addColumn('geboortedatum', 'text')
      .addColumn('gender', 'text')
      .addColumn('herkomstland', 'text')
      .addColumn('niveau_nederlands', 'text')
      .addColumn('straat', 'text')
      .addColumn('huisnummer', 'text')
      .addColumn('postcode', 'text')
      .addColumn('plaats', 'text')
      .addColumn('gemeente', 'text')
      .addColumn('telefoon', 'text')
      .addColumn('email', 'text')
      .addColumn('iban', 'text')
      .addColumn('bijstand', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('toestemming_nodig', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('toestemming_datum', 'text')
      .addColumn('vog_afgiftedatum', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_datum', 'text', (c) => c.notNull())
      .addColumn('begeleider_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('notities', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('persons_achternaam')
      .on('persons')
      .columns(['achternaam', 'voornaam'])
      .execute();
    await db.schema.createIndex('persons_status').on('persons').column('status').execute();
    await db.schema.createIndex('persons_begeleider').on('persons').column('begeleider_id').execute();

    await db.schema
      .createTable('person_languages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('taal', 'text', (c) => c.notNull())
      .addColumn('niveau', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('person_languages_person')
      .on('person_languages')
      .column('person_id')
      .execute();
    await db.schema.createIndex('person_languages_taal').on('person_languages').column('taal').execute();

    await db.schema
      .createTable('person_status_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('toelichting', 'text')
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('person_status_history_person')
      .on('person_status_history')
      .column('person_id')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('call', 'text', (c) => c.notNull())
      .addColumn('record_type', 'text')
      .addColumn('record_id', 'text')
      .addColumn('record_version', 'integer')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema
      .createIndex('audit_log_record')
      .on('audit_log')
      .columns(['record_id', 'record_version'])
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('straat', 'text')
      .addColumn('huisnummer', 'text')
      .addColumn('postcode', 'text')
      .addColumn('plaats', 'text')
      .addColumn('kvk_nummer', 'text')
      .addColumn('iban', 'text')
      .addColumn('bic', 'text')
      .addColumn('logo', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
