import type { Contract, ContractDraft, ContractStatus, ContractSummary } from '../../../shared/contracts.ts';
import type { DocumentModel } from '../../../shared/document-model.ts';
import type { VolunteerCheck } from '../../../shared/fiscal/volunteer-check.ts';
import { fullName } from '../../../shared/persons.ts';
import { type ContractForm, contractFormLabels, type ProfileContent } from '../../../shared/profiles.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { diff, type WriteCtx } from '../context.ts';
import { invalidField } from '../failure.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import type { ContractsTable } from '../store/schema.ts';
import { storedFile } from '../stored-file.ts';
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
import { finalizeContract } from './finalize.ts';
import { fiscalCheckFor } from './fiscal.ts';
import { amendContract, endContract, signContract } from './lifecycle.ts';

function toSummary(
  row: ContractsTable,
  profielTitel: string | null,
  replaced: Map<string, string>,
): ContractSummary {
  return {
    id: row.id,
    version: row.version,
    nummer: row.nummer,
    versie: row.versie,
    vorm: row.vorm as ContractForm,
    status: row.status as ContractStatus,
    startdatum: row.startdatum,
    einddatum: row.einddatum,
    profielTitel,
    getekendDatum: row.getekend_datum,
    beeindigdDatum: row.beeindigd_datum,
    vervangenDoor: replaced.get(row.id) ?? null,
  };
}

/** Contract numbers run per year of drafting: 2026-0001, 2026-0002 … A wijziging keeps its number. */
async function nextNumber(ctx: WriteCtx): Promise<string> {
  const year = ctx.today.slice(0, 4);
  const last = await ctx.db
    .selectFrom('contracts')
    .select('nummer')
    .where('nummer', 'like', `${year}-%`)
    .orderBy('nummer', 'desc')
    .executeTakeFirst();
  const sequence = last ? Number(last.nummer.slice(5)) + 1 : 1;
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/** The flat view of a contract the audit log compares. */
function auditView(row: Pick<ContractsTable, 'status' | 'startdatum' | 'einddatum'>, draft: ContractDraft) {
  const { personId: _personId, velden, ...terms } = draft;
  return { ...terms, velden: JSON.stringify(velden), status: row.status };
}

function fileName(kind: string, nummer: string, name: string): string {
  const safe = foldForSearch(name).replace(/[^a-z0-9]+/g, '-');
  return `${kind}-${nummer}-${safe}.pdf`.replace(/-+/g, '-');
}

export const contractsHandlers = {
  'contracts.listForPerson': async (ctx, input) => {
    const rows = await ctx.db
      .selectFrom('contracts')
      .leftJoin('function_profile_versions as v', 'v.id', 'contracts.profile_version_id')
      .selectAll('contracts')
      .select('v.content')
      .where('contracts.person_id', '=', input.personId)
      .orderBy('contracts.startdatum', 'desc')
      .orderBy('contracts.nummer', 'desc')
      .orderBy('contracts.versie', 'desc')
      .execute();
    const replaced = await replacedIds(ctx.db, input.personId);
    return rows.map((row) =>
      toSummary(row, row.content ? (JSON.parse(row.content) as ProfileContent).titel : null, replaced),
    );
  },

  'contracts.get': async (ctx, input): Promise<Contract> => {
    const row = await loadRow(ctx.db, input.id);
    const draft = draftOf(row);
    const referenced = await loadReferenced(ctx.db, draft, ctx.account?.displayName ?? '');
    const snapshot = row.snapshot
      ? (JSON.parse(row.snapshot) as { document: DocumentModel; fiscal: VolunteerCheck | null })
      : null;
    const replaced = await replacedIds(ctx.db, row.person_id);
    return {
      ...toSummary(row, referenced.profile?.titel ?? null, replaced),
      personId: row.person_id,
      profileId: referenced.profile?.profileId ?? null,
      personNaam: referenced.person.naam,
      draft,
      fiscal: snapshot ? snapshot.fiscal : fiscalCheckFor(draft, referenced.person),
      fiscaleReden: row.fiscale_reden,
      beeindigdReden: row.beeindigd_reden,
      definitiefAt: row.definitief_at,
      vorigeId: row.vorige_id,
      document: snapshot ? snapshot.document : documentFor(referenced, draft, row.nummer, row.versie, true),
    };
  },

  'contracts.check': async (ctx, input) => {
    const referenced = await loadReferenced(ctx.db, input, ctx.account?.displayName ?? '');
    checkFillInFields(referenced.profile, input.velden, false);
    return {
      fiscal: fiscalCheckFor(input, referenced.person),
      document: documentFor(referenced, input, 'nieuw', 1, true),
    };
  },

  'contracts.pdf': async (ctx, input) => {
    const row = await loadRow(ctx.db, input.id);
    const person = await loadPerson(ctx.db, row.person_id);
    const name = fileName(
      row.status === 'concept' ? 'concept-contract' : 'contract',
      `${row.nummer}-v${row.versie}`,
      fullName({ ...person, roepnaam: null }),
    );
    if (row.pdf)
      return { fileName: name, base64: (await storedFile(ctx, row.pdf, row.pdf_sha256)).toString('base64') };
    const draft = draftOf(row);
    const referenced = await loadReferenced(ctx.db, draft, ctx.account?.displayName ?? '');
    const pdf = await renderPdf(documentFor(referenced, draft, row.nummer, row.versie, true), {
      creationDate: new Date(ctx.now),
    });
    return { fileName: name, base64: pdf.toString('base64') };
  },

  'contracts.create': async (ctx, input) => {
    const referenced = await loadReferenced(ctx.db, input, '');
    refuseIfAnonymised(referenced.person);
    const velden = checkFillInFields(referenced.profile, input.velden, false);
    const draft = { ...input, velden };
    const id = ctx.newId();
    const nummer = await nextNumber(ctx);
    const row = {
      id,
      person_id: input.personId,
      nummer,
      versie: 1,
      vorige_id: null,
      vorm: input.vorm,
      status: 'concept',
      profile_version_id: input.profileVersionId,
      draft: JSON.stringify(draft),
      startdatum: input.startdatum,
      einddatum: input.einddatum,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    };
    await ctx.db.insertInto('contracts').values(row).execute();
    ctx.audit({
      recordType: 'contract',
      recordId: id,
      recordVersion: 1,
      summary: `Concept ${contractFormLabels[input.vorm].toLowerCase()} ${nummer}: ${referenced.person.naam}`,
      changes: diff(null, auditView({ ...row, einddatum: row.einddatum }, draft)),
    });
    return { id, version: 1 };
  },

  'contracts.update': async (ctx, input) => {
    const { id, version, ...fields } = input;
    const row = await loadRow(ctx.db, id);
    requireStatus(row, ['concept'], 'Bewerken');
    await assertCurrent(ctx.db, 'contracts', { id, version });
    if (fields.personId !== row.person_id)
      throw invalidField('personId', 'een contract hoort bij één sleutelpersoon');
    const referenced = await loadReferenced(ctx.db, fields, '');
    const draft = { ...fields, velden: checkFillInFields(referenced.profile, fields.velden, false) };
    const before = draftOf(row);
    return updateVersioned(
      ctx,
      'contracts',
      { id, version },
      {
        vorm: draft.vorm,
        profile_version_id: draft.profileVersionId,
        draft: JSON.stringify(draft),
        startdatum: draft.startdatum,
        einddatum: draft.einddatum,
        updated_at: ctx.now,
      },
      {
        recordType: 'contract',
        summary: `Concept ${row.nummer} gewijzigd: ${referenced.person.naam}`,
        changes: diff(auditView(row, before), auditView(row, draft)),
      },
    );
  },

  'contracts.finalize': finalizeContract,
  'contracts.sign': signContract,
  'contracts.end': endContract,
  'contracts.amend': amendContract,
} satisfies AreaHandlers<'contracts'>;
