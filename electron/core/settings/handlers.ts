import type { Selectable } from 'kysely';
import packageJson from '../../../package.json' with { type: 'json' };
import type { Settings } from '../../../shared/settings.ts';
import { diff, type Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import type { Handlers } from '../handler-types.ts';
import type { SettingsTable } from '../store/schema.ts';
import { assertVersion } from '../versioning.ts';

/** The organisation's settings are one row, made when the first account is set up. */
const settingsId = 'organisatie';

function toSettings(row: Selectable<SettingsTable>): Settings {
  return {
    version: row.version,
    naam: row.naam,
    straat: row.straat,
    huisnummer: row.huisnummer,
    postcode: row.postcode,
    plaats: row.plaats,
    kvkNummer: row.kvk_nummer,
    iban: row.iban,
    bic: row.bic,
    logo: row.logo,
    vergrendelenNaMinuten: row.vergrendelen_na_minuten,
    updatedAt: row.updated_at,
  };
}

/** The audit log records that the logo changed, not its bytes. */
function snapshot(s: Omit<Settings, 'updatedAt' | 'version'>) {
  return { ...s, logo: s.logo ? `afbeelding (${Math.round((s.logo.length * 3) / 4 / 1024)} kB)` : null };
}

export async function loadSettings(db: Reader): Promise<Settings> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', settingsId).executeTakeFirst();
  if (!row) throw notFound('De instellingen');
  return toSettings(row);
}

export const settingsHandlers = {
  'app.status': async (ctx) => {
    const account = await ctx.db.selectFrom('accounts').select('id').executeTakeFirst();
    const settings = await ctx.db.selectFrom('settings').select('naam').executeTakeFirst();
    return { needsSetup: !account, organisatieNaam: settings?.naam ?? null, appVersion: packageJson.version };
  },

  'settings.get': async (ctx) => {
    const row = await ctx.db
      .selectFrom('settings')
      .selectAll()
      .where('id', '=', settingsId)
      .executeTakeFirst();
    if (!row) throw notFound('De instellingen');
    return toSettings(row);
  },

  'settings.update': async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('settings')
      .selectAll()
      .where('id', '=', settingsId)
      .executeTakeFirst();
    if (!row) throw notFound('De instellingen');
    await assertVersion(ctx.db, 'settings', settingsId, input.version);
    const version = row.version + 1;
    const { version: _read, ...fields } = input;
    await ctx.db
      .updateTable('settings')
      .set({
        naam: fields.naam,
        straat: fields.straat,
        huisnummer: fields.huisnummer,
        postcode: fields.postcode,
        plaats: fields.plaats,
        kvk_nummer: fields.kvkNummer,
        iban: fields.iban,
        bic: fields.bic,
        logo: fields.logo,
        vergrendelen_na_minuten: fields.vergrendelenNaMinuten,
        updated_at: ctx.now,
        version,
      })
      .where('id', '=', settingsId)
      .where('version', '=', input.version)
      .execute();
    ctx.audit({
      recordType: 'settings',
      recordId: settingsId,
      recordVersion: version,
      summary: 'Instellingen gewijzigd',
      changes: diff(snapshot(toSettings(row)), snapshot(fields)),
    });
    return { id: settingsId, version };
  },
} satisfies Partial<Handlers>;
