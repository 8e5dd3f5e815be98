import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract.ts';
import type { Contract, ContractDraft, ContractStatus, ContractSummary } from '../../../shared/contracts.ts';
import { contractDraftInput, contractStatusLabels } from '../../../shared/contracts.ts';
import { periodsOverlap } from '../../../shared/dates.ts';
import type { DocumentModel } from '../../../shared/document-model.ts';
import type { VolunteerCheck } from '../../../shared/fiscal/volunteer-check.ts';
import { formatDateLong } from '../../../shared/format.ts';
import { fullName, type Person } from '../../../shared/persons.ts';
import {
  type ContractForm,
  contractFormLabels,
  type ProfileContent,
  type ProfileVersion,
} from '../../../shared/profiles.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { diff, type PrepareCtx, type Reader, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { preparedWrite } from '../handler-types.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import { loadProfileVersion } from '../profiles/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import type { ContractsTable } from '../store/schema.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { contractDocument } from './documents.ts';
import { checkFillInFields } from './fill-in-fields.ts';
import { fiscalCheckFor } from './fiscal.ts';

/** A stored draft read with today's schema, so every reader sees the same normalised terms. */
function draftOf(row: ContractsTable): ContractDraft {
  return contractDraftInput.parse(JSON.parse(row.draft));
}

async function loadRow(db: Reader, id: string): Promise<ContractsTable> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Dit contract');
  return row;
}

async function profileOf(db: Reader, draft: ContractDraft): Promise<ProfileVersion | null> {
  if (!draft.profileVersionId) return null;
  try {
    return await loadProfileVersion(db, draft.profileVersionId);
  } catch {
    throw invalidField('profileVersionId', 'deze versie van het functieprofiel bestaat niet (meer)');
  }
}

async function begeleiderName(db: Reader, draft: ContractDraft, person: Person): Promise<string | null> {
  const id =
    draft.vorm === 'vrijwilligersovereenkomst'
      ? (draft.vasteBegeleiderId ?? person.begeleiderId)
      : person.begeleiderId;
  if (!id) return null;
  const row = await db
    .selectFrom('accounts')
    .select(['display_name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

/** Person, profile and organisation a draft refers to, and the checks that need them. */
async function loadReferenced(db: Reader, draft: ContractDraft, signerName: string) {
  const person = await loadPerson(db, draft.personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  const profile = await profileOf(db, draft);
  const settings = await loadSettings(db);
  return { person, profile, settings, begeleiderNaam: await begeleiderName(db, draft, person), signerName };
}

function documentFor(
  referenced: Awaited<ReturnType<typeof loadReferenced>>,
  draft: ContractDraft,
  nummer: string,
  versie: number,
  concept: boolean,
) {
  return contractDocument({ ...referenced, draft, nummer, versie, concept });
}

/** Contracts of one person that a newer definitief version has replaced. */
async function replacedIds(db: Reader, personId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'vorige_id'])
    .where('person_id', '=', personId)
    .where('status', '!=', 'concept')
    .where('vorige_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.vorige_id as string, r.id]));
}

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
  const seq = last ? Number(last.nummer.slice(5)) + 1 : 1;
  return `${year}-${String(seq).padStart(4, '0')}`;
}

/** The flat view of a contract the audit log compares. */
function auditView(row: Pick<ContractsTable, 'status' | 'startdatum' | 'einddatum'>, draft: ContractDraft) {
  const { personId: _p, velden, ...terms } = draft;
  return { ...terms, velden: JSON.stringify(velden), status: row.status };
}

function requireStatus(row: ContractsTable, allowed: ContractStatus[], what: string): void {
  if (!allowed.includes(row.status as ContractStatus)) {
    throw new Failure(
      'invalid_input',
      `${what} kan niet: dit contract is ${contractStatusLabels[row.status as ContractStatus].toLowerCase()}.${
        row.status !== 'concept' && what === 'Bewerken'
          ? ' Een definitief contract verander je met Wijzigen: dat maakt een nieuwe versie.'
          : ''
      }`,
    );
  }
}

async function saveStatusChange(
  ctx: WriteCtx,
  row: ContractsTable,
  set: Partial<ContractsTable>,
  summary: string,
): Promise<{ id: string; version: number }> {
  return updateVersioned(
    ctx,
    'contracts',
    row,
    { ...set, updated_at: ctx.now },
    {
      recordType: 'contract',
      summary,
      changes: diff(
        { status: row.status, getekendDatum: row.getekend_datum, beeindigdDatum: row.beeindigd_datum },
        {
          status: set.status ?? row.status,
          getekendDatum: set.getekend_datum ?? row.getekend_datum,
          beeindigdDatum: set.beeindigd_datum ?? row.beeindigd_datum,
        },
      ),
    },
  );
}

function fileName(kind: string, nummer: string, name: string): string {
  const safe = foldForSearch(name).replace(/[^a-z0-9]+/g, '-');
  return `${kind}-${nummer}-${safe}.pdf`.replace(/-+/g, '-');
}

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
  const fiscal = fiscalCheckFor(draft, referenced.person);
  if (fiscal?.overLimit && !input.fiscaleReden) {
    const over = fiscal.findings.find((f) => f.level === 'fout');
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
    (o) =>
      o.id !== row.vorige_id &&
      !replaced.has(o.id) &&
      periodsOverlap(
        { start: o.startdatum, end: o.einddatum },
        { start: row.startdatum, end: row.einddatum },
      ),
  );
  if (overlapping.length > 0 && !input.bevestigOverlap) {
    throw invalidField(
      'bevestigOverlap',
      `er loopt in dezelfde periode al een ${contractFormLabels[row.vorm as ContractForm].toLowerCase()} (${overlapping
        .map((o) => o.nummer)
        .join(', ')}). Bevestig dat er twee naast elkaar gelden.`,
    );
  }
  const document = documentFor(referenced, draft, row.nummer, row.versie, false);
  return { row, draft, referenced, fiscal, document };
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
    return rows.map((r) =>
      toSummary(r, r.content ? (JSON.parse(r.content) as ProfileContent).titel : null, replaced),
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
    if (row.pdf) return { fileName: name, base64: Buffer.from(row.pdf).toString('base64') };
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

  'contracts.finalize': preparedWrite({
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
            ...(input.fiscaleReden
              ? [{ field: 'fiscaleReden', before: null, after: input.fiscaleReden }]
              : []),
          ],
        },
      );
    },
  }),

  'contracts.sign': async (ctx, input) => {
    const row = await loadRow(ctx.db, input.id);
    requireStatus(row, ['definitief'], 'Ondertekening vastleggen');
    await assertCurrent(ctx.db, 'contracts', input);
    if (input.datum > ctx.today) throw invalidField('datum', 'ligt in de toekomst');
    if (row.definitief_at && input.datum < row.definitief_at.slice(0, 10)) {
      throw invalidField(
        'datum',
        `ligt vóór het definitief maken (${formatDateLong(row.definitief_at.slice(0, 10))})`,
      );
    }
    return saveStatusChange(
      ctx,
      row,
      { status: 'getekend', getekend_datum: input.datum },
      `Contract ${row.nummer} getekend op ${formatDateLong(input.datum)}`,
    );
  },

  'contracts.end': async (ctx, input) => {
    const row = await loadRow(ctx.db, input.id);
    requireStatus(row, ['definitief', 'getekend'], 'Beëindigen');
    await assertCurrent(ctx.db, 'contracts', input);
    if (input.datum < row.startdatum) throw invalidField('datum', 'ligt vóór de begindatum van het contract');
    return saveStatusChange(
      ctx,
      row,
      { status: 'beeindigd', beeindigd_datum: input.datum, beeindigd_reden: input.reden },
      `Contract ${row.nummer} beëindigd per ${formatDateLong(input.datum)}`,
    );
  },

  'contracts.amend': async (ctx, input) => {
    const row = await loadRow(ctx.db, input.id);
    requireStatus(row, ['definitief', 'getekend'], 'Wijzigen');
    await assertCurrent(ctx.db, 'contracts', input);
    const successor = await ctx.db
      .selectFrom('contracts')
      .select(['id', 'versie'])
      .where('vorige_id', '=', row.id)
      .executeTakeFirst();
    if (successor) {
      throw new Failure(
        'conflict',
        `Er is al een nieuwere versie (${successor.versie}) van dit contract; werk die bij.`,
      );
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('contracts')
      .values({
        id,
        person_id: row.person_id,
        nummer: row.nummer,
        versie: row.versie + 1,
        vorige_id: row.id,
        vorm: row.vorm,
        status: 'concept',
        profile_version_id: row.profile_version_id,
        draft: row.draft,
        startdatum: row.startdatum,
        einddatum: row.einddatum,
        created_at: ctx.now,
        updated_at: ctx.now,
        version: 1,
      })
      .execute();
    ctx.audit({
      recordType: 'contract',
      recordId: id,
      recordVersion: 1,
      summary: `Wijziging van contract ${row.nummer}: concept versie ${row.versie + 1}`,
      changes: [{ field: 'versie', before: row.versie, after: row.versie + 1 }],
    });
    return { id, version: 1 };
  },
} satisfies AreaHandlers<'contracts'>;
