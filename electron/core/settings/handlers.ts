import packageJson from '../../../package.json' with { type: 'json' };
import type { Settings } from '../../../shared/settings.ts';
import { diff } from '../context.ts';
import { notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { updateVersioned } from '../versioning.ts';
import { settingsId, toSettings } from './read.ts';

/** The organisation's settings are one row, made when the first account is set up. */
/** The audit log records that the logo changed, not its bytes. */
function snapshot(s: Omit<Settings, 'updatedAt' | 'version'>) {
  return { ...s, logo: s.logo ? `afbeelding (${Math.round((s.logo.length * 3) / 4 / 1024)} kB)` : null };
}

export const settingsHandlers = {
  'settings.status': async (ctx) => {
    const account = await ctx.db.selectFrom('accounts').select('id').executeTakeFirst();
    const settings = await ctx.db.selectFrom('settings').select('naam').executeTakeFirst();
    return {
      needsSetup: !account,
      organisatieNaam: settings?.naam ?? null,
      appVersion: packageJson.version,
      melding: ctx.link.notice(),
    };
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
    const { version, ...fields } = input;
    return updateVersioned(
      ctx,
      'settings',
      { id: settingsId, version },
      {
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
      },
      {
        recordType: 'settings',
        summary: 'Instellingen gewijzigd',
        changes: diff(snapshot(toSettings(row)), snapshot(fields)),
      },
    );
  },
} satisfies AreaHandlers<'settings'>;
