import type { WriteCtx } from '../context.ts';
import { invalidField } from '../failure.ts';

/** Signals and groups are owned by someone who guides: an active begeleider or projectleider. */
export async function requireActiveGuide(ctx: WriteCtx, id: string, field: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('accounts')
    .select(['active', 'role'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.active !== 1 || row.role === 'administrateur') {
    throw invalidField(field, 'kies een actieve begeleider of projectleider');
  }
}
