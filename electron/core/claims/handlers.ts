import { notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { storedFile } from '../stored-file.ts';
import { parseClaimsCsv } from './import.ts';
import { listClaims } from './list.ts';
import { readReceipt } from './receipts.ts';
import { approveClaims, rejectClaims } from './review.ts';
import { correctClaim, insertClaim, setClaimReceipts } from './write.ts';

export const claimsHandlers = {
  // A begeleider sees the status of their own caseload's claims only.
  'claims.list': (ctx, input) =>
    listClaims(ctx.db, input, ctx.account?.role === 'begeleider' ? ctx.account.id : null),

  'claims.receipts': async (ctx, input) => {
    const claim = await ctx.db
      .selectFrom('claims')
      .select(['person_id'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!claim) throw notFound('Deze declaratie');
    const rows = await ctx.db
      .selectFrom('receipts')
      .select(['mime', 'bytes', 'sha256'])
      .where('claim_id', '=', input.id)
      .orderBy('created_at')
      .execute();
    const ext = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as Record<
      string,
      string
    >;
    const files = [];
    for (const [i, r] of rows.entries()) {
      files.push({
        fileName: `bon-${i + 1}.${ext[r.mime] ?? 'bin'}`,
        mime: r.mime,
        base64: (await storedFile(ctx, r.bytes, r.sha256)).toString('base64'),
      });
    }
    return files;
  },

  'claims.create': async (ctx, input) => {
    const { bonnen, ...fields } = input;
    const receipts = bonnen.map((b, i) => readReceipt(b.base64, i));
    return insertClaim(ctx, fields, receipts);
  },

  'claims.import': async (ctx, input) => {
    const rows = await parseClaimsCsv(ctx.db, input.csv);
    for (const fields of rows) await insertClaim(ctx, fields, []);
    return { count: rows.length };
  },

  'claims.correct': correctClaim,
  'claims.setReceipts': setClaimReceipts,
  'claims.approve': approveClaims,
  'claims.reject': rejectClaims,
} satisfies AreaHandlers<'claims'>;
