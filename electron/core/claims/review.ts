import type { z } from 'zod';
import type { claimApproveInput, claimRejectInput } from '../../../shared/claims.ts';
import { formatCents, formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import type { WriteCtx } from '../context.ts';
import { invalidField, invalidFields } from '../failure.ts';
import { type ReadRecord, updateVersionedMany } from '../versioning.ts';
import { checkClaims, loadCheckBasis } from './checks.ts';
import { adjustGrantedAllowance } from './granted.ts';
import { asChecked, type ClaimRow, claimRows } from './list.ts';

/**
 * The submitted claims a decision is about, with what their checks need, in one statement. A claim that is gone,
 * already decided or chosen twice is refused by its place in the list; one that changed since the caller read it
 * is refused by the versioned write itself.
 */
async function loadSubmitted(ctx: WriteCtx, items: readonly ReadRecord[]): Promise<ClaimRow[]> {
  const rows = await claimRows(ctx.db)
    .where(
      'claims.id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  return items.map((item, i) => {
    const row = byId.get(item.id);
    if (!row) throw invalidField(`items.${i}.id`, 'deze declaratie bestaat niet (meer)');
    if (seen.has(item.id)) throw invalidField(`items.${i}.id`, 'deze declaratie is twee keer gekozen');
    seen.add(item.id);
    if (row.status !== 'ingediend') {
      throw invalidField(
        `items.${i}.id`,
        `de declaratie van ${formatDate(row.datum)} is al ${row.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'}`,
      );
    }
    return row;
  });
}

/** What the audit log says a decision was about: '€ 7,95 (Gülşen Doğan)'. */
function amountAndName(row: ClaimRow | undefined): string {
  return row ? `${formatCents(row.bedrag_cents)} (${fullName(row)})` : '';
}

/** Who decided and when: the same on every claim of one decision. */
const decidedBy = (ctx: WriteCtx) => ({
  beoordeeld_door: ctx.account?.id ?? null,
  beoordeeld_op: ctx.now,
  updated_at: ctx.now,
});

/**
 * Approves the claims as one action, all or nothing: the same checks as the queue shows, in date order, each claim
 * counted with the ones approved before it here (two claims that each fit can cross a limit together). A fixed
 * number of statements whatever the number of claims: load, three for the checks, the update, the audit rows and
 * the granted allowance.
 */
export async function approveClaims(ctx: WriteCtx, input: z.output<typeof claimApproveInput>) {
  const rows = await loadSubmitted(ctx, input.items);
  const claims = rows.map(asChecked);
  const checked = checkClaims(await loadCheckBasis(ctx.db, claims), claims, { together: true });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versionOf = new Map(input.items.map((i) => [i.id, i.version]));
  // The results come in date order: the first claim that cannot be approved is the one named in the message;
  // each one that blocks has its reason at its own place in the input, for the queue to show at its row.
  const refused = new Map<string, string>();
  for (const [id, result] of checked) {
    const blocking = result.checks.filter((c) => c.blocking);
    const row = byId.get(id);
    if (row && blocking.length > 0) {
      refused.set(
        id,
        `${fullName(row)}, ${formatDate(row.datum)}: ${blocking.map((b) => b.message).join(' ')}`,
      );
    }
  }
  if (refused.size > 0) {
    const [first] = refused.values();
    const others = refused.size - 1;
    throw invalidFields(
      `Niet goedgekeurd: ${first}${others > 0 ? ` En ${others} ${others === 1 ? 'andere blokkeert' : 'andere blokkeren'} ook.` : ''} Corrigeer of wijs ${refused.size === 1 ? 'deze declaratie' : 'deze declaraties'} af, of keur de andere goed; er is niets goedgekeurd.`,
      Object.fromEntries(
        input.items.flatMap((item, i) => {
          const reason = refused.get(item.id);
          return reason ? [[`items.${i}.id`, reason]] : [];
        }),
      ),
    );
  }
  const records = [...checked.keys()].map((id) => ({ id, version: versionOf.get(id) ?? 0 }));
  await updateVersionedMany(
    ctx,
    'claims',
    records,
    { status: 'goedgekeurd', reden_afwijzing: null, ...decidedBy(ctx) },
    (record) => ({
      recordType: 'claim',
      summary: `Declaratie goedgekeurd: ${amountAndName(byId.get(record.id))}`,
      changes: [{ field: 'status', before: 'ingediend', after: 'goedgekeurd' }],
    }),
  );
  await adjustGrantedAllowance(ctx.db, rows, 1);
  return { count: rows.length };
}

/** Rejects the claims, each with the reason the person will read; one update per distinct reason. */
export async function rejectClaims(ctx: WriteCtx, input: z.output<typeof claimRejectInput>) {
  const rows = await loadSubmitted(ctx, input.items);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [reden, items] of Map.groupBy(input.items, (i) => i.reden)) {
    await updateVersionedMany(
      ctx,
      'claims',
      items,
      { status: 'afgewezen', reden_afwijzing: reden, ...decidedBy(ctx) },
      (record) => ({
        recordType: 'claim',
        summary: `Declaratie afgewezen: ${amountAndName(byId.get(record.id))}. Reden: ${reden}`,
        changes: [{ field: 'status', before: 'ingediend', after: 'afgewezen' }],
      }),
    );
  }
  return { count: rows.length };
}
