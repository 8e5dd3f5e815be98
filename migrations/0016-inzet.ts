import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

/**
 * The work itself: ketenpartners (archived, never deleted), projects/subsidies with a budget, aanvragen from a
 * partner or a walk-in with the sleutelpersonen matched to them, each person's availability (a weekly pattern and
 * absences), and inzet: one row per activity with its people, its tags (roles, leefgebieden, hulpvraag,
 * doorverwijzing) and the people reached. Lists that a report counts live in child rows, never in JSON, so the same
 * GROUP BY runs on SQLite and PostgreSQL. A claim may carry a project (the verantwoording sets costs against its
 * budget). Nothing existing is moved.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'inzet',
  async up(db) {
    await db.schema
      .createTable('partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('contactpersoon', 'text')
      .addColumn('telefoon', 'text')
      .addColumn('email', 'text')
      .addColumn('gemeente', 'text')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      // The funder, when it is a partner in the register (a gemeente, a fund).
      .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
      .addColumn('gemeente', 'text')
      .addColumn('startdatum', 'text', (c) => c.notNull())
      .addColumn('einddatum', 'text')
      .addColumn('budget_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Null for a walk-in.
      .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
      .addColumn('project_id', 'text', (c) => c.references('projects.id'))
      .addColumn('ontvangen_op', 'text', (c) => c.notNull())
      .addColumn('gewenst_van', 'text')
      .addColumn('gewenst_tot', 'text')
      .addColumn('plaats', 'text')
      .addColumn('gemeente', 'text')
      .addColumn('voorkeur_gender', 'text')
      .addColumn('voorkeur_herkomst', 'text')
      .addColumn('soort_hulp', 'text', (c) => c.notNull())
      .addColumn('verwachte_minuten', 'integer')
      // A short description without client names.
      .addColumn('omschrijving', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reden_niet_uitvoerbaar', 'text')
      // Response time for the report: received -> matched -> done.
      .addColumn('gematcht_op', 'text')
      .addColumn('uitgevoerd_op', 'text')
      .addColumn('afgesloten_op', 'text')
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await index(db, 'requests', ['ontvangen_op']);
    await index(db, 'requests', ['status']);

    // Languages asked for, required ones first in matching; leefgebieden of the request.
    await db.schema
      .createTable('request_languages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
      .addColumn('taal', 'text', (c) => c.notNull())
      .addColumn('verplicht', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('request_languages_taal', ['request_id', 'taal'])
      .execute();
    await db.schema
      .createTable('request_leefgebieden')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
      .addColumn('leefgebied', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('request_leefgebieden_leefgebied', ['request_id', 'leefgebied'])
      .execute();
    // The sleutelpersonen the coordinator picked for a request.
    await db.schema
      .createTable('request_persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('request_persons_person', ['request_id', 'person_id'])
      .execute();
    await index(db, 'request_persons', ['person_id']);

    // When someone can be asked: a weekly pattern of dagdelen, own transport, and where they will go.
    await db.schema
      .createTable('person_availability')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().unique().references('persons.id'))
      // The dagdelen someone can usually be asked ('ma-ochtend di-avond ...'): read whole, never counted.
      .addColumn('dagdelen', 'text', (c) => c.notNull())
      .addColumn('eigen_vervoer', 'integer', (c) => c.notNull().defaultTo(0))
      // Gemeenten besides their own where they are willing to go, separated by '|'.
      .addColumn('ook_gemeenten', 'text')
      .addColumn('toelichting', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('person_absences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('van', 'text', (c) => c.notNull())
      .addColumn('tot', 'text', (c) => c.notNull())
      .addColumn('reden', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await index(db, 'person_absences', ['person_id']);

    await db.schema
      .createTable('inzet')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('minuten', 'integer', (c) => c.notNull())
      .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
      .addColumn('request_id', 'text', (c) => c.references('requests.id'))
      .addColumn('project_id', 'text', (c) => c.references('projects.id'))
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('gemeente', 'text')
      // People reached: adults and children make the total; of them, statushouders and professionals.
      .addColumn('bereik_volwassenen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bereik_kinderen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bereik_statushouders', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bereik_professionals', 'integer', (c) => c.notNull().defaultTo(0))
      // A short note on the hulpvraag without names; hidden from the administrateur.
      .addColumn('hulpvraag_notitie', 'text')
      .addColumn('uitkomst', 'text')
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await index(db, 'inzet', ['datum']);
    await index(db, 'inzet', ['request_id']);
    await index(db, 'inzet', ['project_id', 'datum']);
    await index(db, 'inzet', ['partner_id', 'datum']);

    // The sleutelpersonen of an activity, each with the claim it prepared for them (if their contract pays it).
    await db.schema
      .createTable('inzet_persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inzet_id', 'text', (c) => c.notNull().references('inzet.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('claim_id', 'text', (c) => c.references('claims.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('inzet_persons_person', ['inzet_id', 'person_id'])
      .execute();
    await index(db, 'inzet_persons', ['person_id']);
    // The claim checks look up whether a claim was prepared by an activity.
    await index(db, 'inzet_persons', ['claim_id']);

    // Tags counted by the report: kind 'rol' | 'leefgebied' | 'hulpvraag' | 'doorverwijzing'.
    await db.schema
      .createTable('inzet_tags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inzet_id', 'text', (c) => c.notNull().references('inzet.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('waarde', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('inzet_tags_value', ['inzet_id', 'kind', 'waarde'])
      .execute();
    // People reached by origin region and by language: dimensie 'herkomst' | 'taal'.
    await db.schema
      .createTable('inzet_reach')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inzet_id', 'text', (c) => c.notNull().references('inzet.id'))
      .addColumn('dimensie', 'text', (c) => c.notNull())
      .addColumn('waarde', 'text', (c) => c.notNull())
      .addColumn('aantal', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('inzet_reach_value', ['inzet_id', 'dimensie', 'waarde'])
      .execute();

    await db.schema
      .alterTable('claims')
      .addColumn('project_id', 'text', (c) => c.references('projects.id'))
      .execute();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: as in Migration.up, the schema of this step, not today's DB type.
async function index(db: Kysely<any>, table: string, columns: string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_${columns.join('_')}`)
    .on(table)
    .columns(columns)
    .execute();
}
