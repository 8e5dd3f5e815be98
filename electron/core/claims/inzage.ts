/**
 * The claims' part of the inzage export: every claim with what was first entered and its receipts (name, kind and
 * size; a copy of the file itself is asked for separately).
 */
import {
  type ClaimKind,
  type ClaimStatus,
  claimKindLabels,
  claimStatusLabels,
} from '../../../shared/claims.ts';
import type { Block } from '../../../shared/document-model.ts';
import { formatDateLong } from '../../../shared/format.ts';
import type { Bedrag, InzagePart, Json } from '../avg/inzage-part.ts';
import { bedrag, dash, none, readableFields, row, shown, termLabel } from '../avg/inzage-values.ts';

export interface ClaimsInzage {
  declaraties: {
    kenmerk: string;
    datum: string;
    soort: string;
    omschrijving: string;
    van: string | null;
    naar: string | null;
    km: number | null;
    minuten: number | null;
    bedrag: Bedrag;
    status: string;
    redenAfwijzing: string | null;
    contract: string | null;
    eerstIngevoerd: Record<string, Json> | null;
    betaalbatch: string | null;
    ingevoerdOp: string;
    ingevoerdDoor: string | null;
    beoordeeldOp: string | null;
    beoordeeldDoor: string | null;
    bonnen: {
      kenmerk: string;
      bestand: string;
      soort: string;
      bytes: number;
      sha256: string;
      toegevoegdOp: string;
    }[];
  }[];
}

const receiptExtension: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** What was first entered, before a correction: 'Kilometers: 20; Bedrag: € 4,20'. */
const firstEntered = (values: Record<string, Json>) =>
  Object.entries(values)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${termLabel(k)}: ${shown(v)}`)
    .join('; ');

export const claimsInzage: InzagePart<ClaimsInzage> = {
  tables: {
    claims: 'declaraties',
    receipts: 'declaraties.bonnen (naam, soort, grootte; niet de inhoud)',
    granted_allowance: 'declaraties: de toegekende vergoeding per maand en jaar is hun som',
  },

  async collect(db, { person, who }) {
    const claims = await db
      .selectFrom('claims')
      // The claim's contract by its number, when it is one of the person's; its batch by the batch's number.
      .leftJoin('contracts', (join) =>
        join.onRef('contracts.id', '=', 'claims.contract_id').on('contracts.person_id', '=', person.id),
      )
      .leftJoin('payout_batches', 'payout_batches.id', 'claims.batch_id')
      .selectAll('claims')
      .select(['contracts.nummer as contractNummer', 'contracts.versie as contractVersie'])
      .select('payout_batches.nummer as batchNummer')
      .where('claims.person_id', '=', person.id)
      .orderBy('claims.datum')
      .orderBy('claims.created_at')
      .execute();
    const ids = claims.map((c) => c.id);
    const receipts =
      ids.length === 0
        ? []
        : await db
            .selectFrom('receipts')
            .select(['id', 'claim_id', 'mime', 'size', 'sha256', 'created_at'])
            .where('claim_id', 'in', ids)
            .orderBy('created_at')
            .execute();
    const declaraties = claims.map((c) => ({
      kenmerk: c.id,
      datum: c.datum,
      soort: claimKindLabels[c.soort as ClaimKind] ?? c.soort,
      omschrijving: c.omschrijving,
      van: c.van,
      naar: c.naar,
      km: c.km,
      minuten: c.minuten,
      bedrag: bedrag(c.bedrag_cents),
      status: claimStatusLabels[c.status as ClaimStatus] ?? c.status,
      redenAfwijzing: c.reden_afwijzing,
      contract: c.contractNummer ? `${c.contractNummer} versie ${c.contractVersie}` : c.contract_id,
      eerstIngevoerd: c.origineel
        ? readableFields(JSON.parse(c.origineel) as Record<string, unknown>, 'claim')
        : null,
      betaalbatch: c.batchNummer ?? c.batch_id,
      ingevoerdOp: c.created_at,
      ingevoerdDoor: who(c.account_id),
      beoordeeldOp: c.beoordeeld_op,
      beoordeeldDoor: who(c.beoordeeld_door),
      bonnen: receipts
        .filter((r) => r.claim_id === c.id)
        .map((r, i) => ({
          kenmerk: r.id,
          bestand: `bon-${i + 1}.${receiptExtension[r.mime] ?? 'bin'}`,
          soort: r.mime,
          bytes: r.size,
          sha256: r.sha256,
          toegevoegdOp: r.created_at,
        })),
    }));
    return { sections: { declaraties }, logged: ids, counts: { declaraties: declaraties.length } };
  },

  chapters({ declaraties }) {
    const blocks = declaraties.flatMap((c): Block[] => [
      { kind: 'heading', text: `${formatDateLong(c.datum)} · ${c.soort} · ${c.bedrag.weergave}` },
      {
        kind: 'facts',
        rows: [
          ['Omschrijving', c.omschrijving],
          ...row('Van – naar', (c.van || c.naar) && `${dash(c.van)} – ${dash(c.naar)}`),
          ...row('Kilometers', c.km && String(c.km)),
          ...row('Tijd', c.minuten && `${c.minuten} minuten`),
          ['Status', c.status],
          ...row('Reden afwijzing', c.redenAfwijzing),
          ...(c.eerstIngevoerd
            ? [['Eerst ingevoerd', firstEntered(c.eerstIngevoerd)] as [string, string]]
            : []),
          ...row('Betaald in', c.betaalbatch),
          [
            'Bonnen',
            c.bonnen.length === 0
              ? 'geen'
              : c.bonnen.map((b) => `${b.bestand} (${b.soort}, ${Math.ceil(b.bytes / 1024)} kB)`).join(', '),
          ],
        ],
      },
    ]);
    return [
      { title: 'Declaraties', blocks: blocks.length > 0 ? blocks : none('Geen declaraties vastgelegd.') },
    ];
  },
};
