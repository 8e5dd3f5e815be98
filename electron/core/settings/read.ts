import type { Selectable } from 'kysely';
import type { Settings } from '../../../shared/settings.ts';
import type { Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import type { SettingsTable } from '../store/schema.ts';

/** The organisation's one settings row. */
export const settingsId = 'organisatie';

export function toSettings(row: Selectable<SettingsTable>): Settings {
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

export async function loadSettings(db: Reader): Promise<Settings> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', settingsId).executeTakeFirst();
  if (!row) throw notFound('De instellingen');
  return toSettings(row);
}
