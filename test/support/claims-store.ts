import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { adjustGrantedAllowance, grantedStatuses } from '../../electron/core/claims/granted.ts';
import { migrate } from '../../electron/core/store/migrate.ts';
import type { DB } from '../../electron/core/store/schema.ts';
import { migrations } from '../../migrations/index.ts';
import type { ContractDraft, ContractDraftInput } from '../../shared/contracts.ts';
import { contractDraftInput } from '../../shared/contracts.ts';
import { volunteerContract } from './harness.ts';

/**
 * A migrated in-memory database with just the rows the claim checks read: people, contracts and claims, written
 * straight to the tables. For unit tests of the checks' statements, without a core, a key or a data folder.
 */
export async function claimsStore() {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const now = '2026-05-01T10:00:00.000Z';
  await migrate(db, migrations, now);
  let next = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

  async function person(values: { bijstand?: number; toestemming_nodig?: number } = {}): Promise<string> {
    const id = newId();
    await db
      .insertInto('persons')
      .values({
        id,
        voornaam: 'Vrijwilliger',
        tussenvoegsel: null,
        achternaam: String(next),
        roepnaam: null,
        geboortedatum: '1980-05-01',
        gender: null,
        herkomstland: null,
        niveau_nederlands: null,
        straat: null,
        huisnummer: null,
        postcode: null,
        plaats: null,
        gemeente: null,
        telefoon: null,
        email: null,
        iban: null,
        bijstand: values.bijstand ?? 0,
        toestemming_nodig: values.toestemming_nodig ?? 0,
        toestemming_datum: null,
        vog_afgiftedatum: null,
        vog_vernieuwdatum: null,
        status: 'actief',
        status_datum: '2026-01-01',
        begeleider_id: null,
        notities: null,
        search_text: '',
        sort_name: '',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  }

  async function contract(
    personId: string,
    values: {
      status?: string;
      startdatum?: string;
      einddatum?: string | null;
      beeindigd_datum?: string | null;
      vorige_id?: string | null;
      draft?: Partial<ContractDraftInput>;
    } = {},
  ): Promise<string> {
    const id = newId();
    const startdatum = values.startdatum ?? '2026-01-01';
    const einddatum = values.einddatum === undefined ? null : values.einddatum;
    const draft = volunteerDraft({ personId, startdatum, einddatum, ...values.draft });
    await db
      .insertInto('contracts')
      .values({
        id,
        person_id: personId,
        nummer: `C-${next}`,
        versie: 1,
        vorige_id: values.vorige_id ?? null,
        vorm: draft.vorm,
        status: values.status ?? 'definitief',
        profile_version_id: null,
        draft: JSON.stringify(draft),
        startdatum,
        einddatum,
        fiscale_reden: null,
        snapshot: null,
        pdf: null,
        pdf_sha256: null,
        definitief_at: now,
        definitief_by: null,
        getekend_datum: null,
        beeindigd_datum: values.beeindigd_datum ?? null,
        beeindigd_reden: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  }

  async function claim(
    personId: string,
    values: { soort?: string; datum: string; bedrag_cents: number; status?: string; km?: number | null },
  ): Promise<string> {
    const id = newId();
    const soort = values.soort ?? 'activiteit';
    const status = values.status ?? 'goedgekeurd';
    await db
      .insertInto('claims')
      .values({
        id,
        person_id: personId,
        contract_id: null,
        soort,
        datum: values.datum,
        omschrijving: 'Taalcafé',
        van: null,
        naar: null,
        km: values.km ?? null,
        minuten: null,
        bedrag_cents: values.bedrag_cents,
        origineel: null,
        status,
        reden_afwijzing: null,
        batch_id: null,
        account_id: null,
        beoordeeld_door: null,
        beoordeeld_op: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    // As an approval would: a granted allowance counts in its month and year.
    if (grantedStatuses.has(status))
      await adjustGrantedAllowance(db, [{ person_id: personId, soort, ...values }], 1);
    return id;
  }

  /** What `run` returns, and the SQL of each statement it prepared on the way: what a read costs. */
  async function withStatements<T>(run: () => Promise<T>): Promise<[T, string[]]> {
    const statements: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
    try {
      return [await run(), statements];
    } finally {
      sqlite.prepare = prepare as typeof sqlite.prepare;
    }
  }

  return { db, sqlite, person, contract, claim, withStatements, close: () => db.destroy() };
}

/** Volunteer terms (validated as the contract editor stores them): €5 per activity, 23 ct a km, receipts paid. */
export function volunteerDraft(overrides: Partial<ContractDraftInput> = {}): ContractDraft {
  return contractDraftInput.parse({
    ...volunteerContract('00000000-0000-4000-8000-000000000000', {
      vergoedingEenheid: 'activiteit',
      verwachtUrenPerMaand: null,
      verwachteActiviteitenPerMaand: 4,
    }),
    ...overrides,
  } as ContractDraftInput);
}

/** Terms of an arbeidsovereenkomst: paid through payroll, so no allowance or cost can be claimed under it. */
export function employmentDraft(personId = '00000000-0000-4000-8000-000000000000'): ContractDraft {
  return {
    personId,
    profileVersionId: null,
    velden: {},
    startdatum: '2026-01-01',
    einddatum: null,
    vorm: 'arbeidsovereenkomst',
    urenPerWeek: 12,
    cao: 'Sociaal Werk',
    schaal: '6',
    trede: null,
    brutoMaandsalarisCents: 1_500_00,
    proeftijdMaanden: 1,
  };
}
