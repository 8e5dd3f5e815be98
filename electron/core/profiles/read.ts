import type { ProfileVersion } from '../../../shared/profiles.ts';
import { profileCreateInput } from '../../../shared/profiles.ts';
import type { Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import type { FunctionProfileVersionsTable } from '../store/schema.ts';

/** A stored version's content, parsed with today's schema so old versions read the same way as new ones. */
export function toProfileVersion(
  row: FunctionProfileVersionsTable,
  createdBy: string | null,
): ProfileVersion {
  return {
    ...profileCreateInput.parse(JSON.parse(row.content)),
    profileId: row.profile_id,
    versionId: row.id,
    versie: row.versie,
    createdAt: row.created_at,
    createdBy,
  };
}

export async function loadProfileVersion(db: Reader, versionId: string): Promise<ProfileVersion> {
  const row = await db
    .selectFrom('function_profile_versions')
    .leftJoin('accounts', 'accounts.id', 'function_profile_versions.account_id')
    .selectAll('function_profile_versions')
    .select('accounts.display_name')
    .where('function_profile_versions.id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound('Deze versie van het functieprofiel');
  return toProfileVersion(row, row.display_name);
}
