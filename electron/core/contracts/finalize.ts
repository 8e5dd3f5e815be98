import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract.ts';
import { proeftijdProblem } from '../../../shared/contracts.ts';
import { periodsOverlap } from '../../../shared/dates.ts';
import type { DocumentModel } from '../../../shared/document-model.ts';
import { type ContractForm, contractFormLabels } from '../../../shared/profiles.ts';
import type { PrepareCtx } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import { preparedWrite } from '../handler-types.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import {
  documentFor,
  draftOf,
  loadReferenced,
  loadRow,
  replacedIds,
  requireStatus,
} from './contract-rows.ts';
import { checkFillInFields } from './fill-in-fields.ts';
import { fiscalCheckFor } from './fiscal.ts';

/**
 * Everything making a contract definitief checks and stores but the PDF, read from the database as it is now: run
 * once to render the PDF outside the transaction, and again inside it, where a changed answer refuses the write.
 */
async function finalizeTerms(ctx: PrepareCtx, input: ParsedInput<'contracts.finalize'>) {
  const row = await loadRow(ctx.db, input.id);
  requireStatus(row, ['concept'], 'Definitief maken');
  await assertCurrent(ctx.db, 'contracts', input);
  const draft = draftOf(row);
  const referenced = await loadReferenced(ctx.db, draft, ctx.account?.displayName ?? '');
  checkFillInFields(referenced.profile, draft.velden, true);
  // A concept saved before the proeftijd rule existed is held to it before it is printed.
  const proeftijd = proeftijdProblem(draft);
  if (proeftijd) throw invalidField('proeftijdMaanden', proeftijd);
  const fiscal = fiscalCheckFor(draft, referenced.person);
  if (fiscal?.overLimit && !input.fiscaleReden) {
    const over = fiscal.findings.find((finding) => finding.level === 'fout');
    throw invalidField(
      'fiscaleReden',
      `${over?.message ?? 'de vergoeding gaat over een fiscale grens.'} Geef een reden om het contract toch definitief te maken.`,
    );
  }
  const others = await ctx.db
    .selectFrom('contracts')
    .select(['id', 'nummer', 'startdatum', 'einddatum'])
    .where('person_id', '=', row.person_id)
    .where('vorm', '=', row.vorm)
    .where('status', 'in', ['definitief', 'getekend'])
    .where('id', '!=', row.id)
    .execute();
  const replaced = await replacedIds(ctx.db, row.person_id);
  const overlapping = others.filter(
    (other) =>
      other.id !== row.vorige_id &&
      !replaced.has(other.id) &&
      periodsOverlap(
        { start: other.startdatum, end: other.einddatum },
        { start: row.startdatum, end: row.einddatum },
      ),
  );
  if (overlapping.length > 0 && !input.bevestigOverlap) {
    throw invalidField(
      'bevestigOverlap',
      `er loopt in dezelfde periode al een ${contractFormLabels[row.vorm as ContractForm].toLowerCase()} (${overlapping
        .map((other) => other.nummer)
        .join(', ')}). Bevestig dat er twee naast elkaar gelden.`,
    );
  }
  const document = documentFor(referenced, draft, row.nummer, row.versie, false);
  return { row, draft, referenced, fiscal, document };
}

/** What finalizing renders before its transaction: the document and the PDF made from it. */
interface RenderedContract {
  document: DocumentModel;
  pdf: Buffer;
}

/** contracts.finalize: a concept becomes definitief, with its document, fiscal check and PDF stored. */
export const finalizeContract = preparedWrite<'contracts.finalize', RenderedContract>({
  // The PDF is rendered outside the transaction, from the terms as they are now: a slow PDF holds no other desk.
  prepare: async (ctx, input) => {
    const { document } = await finalizeTerms(ctx, input);
    return { document, pdf: await renderPdf(document, { creationDate: new Date(ctx.now) }) };
  },
  // In the one short transaction: the same checks again, on the same version, giving the same document; if
  // someone changed what the contract says meanwhile, nothing is stored.
  write: async (ctx, input, prepared) => {
    const { row, draft, referenced, fiscal, document } = await finalizeTerms(ctx, input);
    if (JSON.stringify(document) !== JSON.stringify(prepared.document)) {
      throw new Failure(
        'conflict',
        'De gegevens in dit contract (sleutelpersoon, functieprofiel of organisatie) zijn gewijzigd terwijl het definitief werd gemaakt. Er is niets opgeslagen; maak het contract opnieuw definitief.',
      );
    }
    const { pdf } = prepared;
    return updateVersioned(
      ctx,
      'contracts',
      row,
      {
        status: 'definitief',
        snapshot: JSON.stringify({ document, fiscal, profile: referenced.profile, draft }),
        pdf,
        pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
        fiscale_reden: input.fiscaleReden,
        definitief_at: ctx.now,
        definitief_by: ctx.account?.id ?? null,
        updated_at: ctx.now,
      },
      {
        recordType: 'contract',
        summary: `${contractFormLabels[row.vorm as ContractForm]} ${row.nummer} definitief: ${referenced.person.naam}`,
        changes: [
          { field: 'status', before: 'concept', after: 'definitief' },
          ...(input.fiscaleReden ? [{ field: 'fiscaleReden', before: null, after: input.fiscaleReden }] : []),
        ],
      },
    );
  },
});
