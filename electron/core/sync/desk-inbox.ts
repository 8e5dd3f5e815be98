/**
 * Te verwerken: the commands of a user that the server refused or found in conflict (desk-push.ts moves them here),
 * and their resolution, itself an audited call. 'opnieuw' puts the command back at the end of the outbox under a
 * new command id (the server keeps its answer to the old one) with the ids it drew, so it writes the same records;
 * for a conflict on the record's version the desk holds now, so it applies on the current data. 'aangepast' does
 * the same with the text the user changed first. 'verworpen' lets it go. Either way the item stays, resolved, with
 * who chose what in the audit log.
 */
import type { z } from 'zod';
import { secretFields } from '../../../shared/accounts.ts';
import { contract, isCallName } from '../../../shared/contract.ts';
import type { ConflictDetails } from '../../../shared/result.ts';
import { editableFields, type InboxItem, type resolveInboxInput } from '../../../shared/sync.ts';
import type { Reader, WriteCtx } from '../context.ts';
import { inputError } from '../dispatch-errors.ts';
import { Failure, invalidField, invalidFields, notFound } from '../failure.ts';
import type { DB } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import { forgottenInput } from './desk-anonymised.ts';
import { appendToOutbox, type CommandContext } from './desk-outbox.ts';

export function withoutSecrets(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copy = { ...(input as Record<string, unknown>) };
  for (const key of secretFields) if (key in copy) copy[key] = '[verborgen]';
  return copy;
}

/** The signed-in user's unresolved items, the oldest first. */
export async function listInbox(db: Reader, accountId: string): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('sync_inbox')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    call: r.call,
    input: withoutSecrets(JSON.parse(r.input)),
    madeAt: (JSON.parse(r.context) as CommandContext).now,
    outcome: r.outcome,
    message: r.message,
    details: r.details ? (JSON.parse(r.details) as ConflictDetails) : null,
    receivedAt: r.created_at,
    version: r.version,
  }));
}

const summaries = {
  opnieuw: 'Te verwerken: opnieuw verstuurd',
  aangepast: 'Te verwerken: aangepast en verstuurd',
  verworpen: 'Te verwerken: verworpen',
} as const;

/**
 * The command's input with the user's changes to its text fields (editableFields), checked as the call checks its
 * input: a field it does not offer, or a value the call refuses, is refused with its Dutch message.
 */
function editedInput(call: string, original: unknown, invoer: Readonly<Record<string, string>> | undefined) {
  if (!invoer || Object.keys(invoer).length === 0) throw invalidField('invoer', 'pas eerst iets aan');
  const offered = new Set(editableFields(original));
  const edited = { ...(original as Record<string, unknown>) };
  for (const [field, value] of Object.entries(invoer)) {
    if (!offered.has(field)) throw invalidField(field, 'kan hier niet worden aangepast');
    edited[field] = value;
  }
  const schema = isCallName(call) ? contract[call].input : null;
  const checked = schema?.safeParse(edited);
  if (checked && !checked.success) {
    const error = inputError(checked.error);
    throw invalidFields(error.message, error.fields ?? {});
  }
  return edited;
}

export async function resolveInbox(
  ctx: WriteCtx,
  input: z.output<typeof resolveInboxInput>,
): Promise<{ id: string; version: number }> {
  const accountId = ctx.account?.id ?? '';
  const item = await ctx.db
    .selectFrom('sync_inbox')
    .selectAll()
    .where('id', '=', input.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!item) throw notFound('Dit item');
  if (item.resolved_at !== null)
    throw new Failure('invalid_input', 'Dit item is al verwerkt. Er is niets gewijzigd.');
  if (input.keuze !== 'verworpen') {
    if (item.input === forgottenInput)
      throw new Failure(
        'invalid_input',
        'Deze wijziging ging over een geanonimiseerde sleutelpersoon en kan niet opnieuw worden verstuurd. Laat haar vervallen.',
      );
    let commandInput =
      input.keuze === 'aangepast'
        ? editedInput(item.call, JSON.parse(item.input), input.invoer)
        : (JSON.parse(item.input) as unknown);
    const details = item.details ? (JSON.parse(item.details) as ConflictDetails) : null;
    if (item.outcome === 'conflict' && details && typeof commandInput === 'object' && commandInput !== null) {
      const current = await ctx.db
        // The table the conflict names; kysely types none chosen at run time.
        .selectFrom(details.recordType as keyof DB as 'persons')
        .select('version')
        .where('id', '=', details.recordId)
        .executeTakeFirst();
      if (!current) throw notFound('Het gewijzigde gegeven');
      commandInput = { ...commandInput, version: current.version };
    }
    const context = JSON.parse(item.context) as CommandContext;
    await appendToOutbox(
      ctx.db,
      {
        id: ctx.newId(),
        accountId,
        call: item.call,
        input: commandInput,
        context: { ...context, now: ctx.now },
      },
      ctx.now,
    );
  }
  return updateVersioned(
    ctx,
    'sync_inbox',
    input,
    { resolved_at: ctx.now, resolution: input.keuze },
    {
      recordType: 'sync_inbox',
      summary: summaries[input.keuze],
      changes: [
        { field: 'Afhandeling', before: null, after: input.keuze },
        // What the user changed, before and after, beside the choice.
        ...Object.entries(input.keuze === 'aangepast' ? (input.invoer ?? {}) : {}).map(([field, after]) => ({
          field,
          before: (JSON.parse(item.input) as Record<string, unknown>)[field] ?? null,
          after,
        })),
      ],
    },
  );
}
