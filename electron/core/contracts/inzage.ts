/** The contracts' part of the inzage export: each version with its terms, its printed text and its stored PDF. */
import { type ContractStatus, contractStatusLabels } from '../../../shared/contracts.ts';
import type { Block } from '../../../shared/document-model.ts';
import { formatDateLong, formatDateTime } from '../../../shared/format.ts';
import { type ContractForm, contractFormLabels, type ProfileContent } from '../../../shared/profiles.ts';
import type { InzagePart, Json } from '../avg/inzage-part.ts';
import { dash, none, readableFields, row, shown, termLabel } from '../avg/inzage-values.ts';
import { notFetched } from '../sync/desk-files.ts';

export interface ContractsInzage {
  contracten: {
    kenmerk: string;
    nummer: string;
    versie: number;
    vorm: string;
    status: string;
    startdatum: string;
    einddatum: string | null;
    functieprofiel: string | null;
    voorwaarden: Record<string, Json>;
    fiscaleReden: string | null;
    definitiefOp: string | null;
    definitiefDoor: string | null;
    getekendOp: string | null;
    beeindigdOp: string | null;
    redenBeeindiging: string | null;
    vorigeVersie: string | null;
    fiscaleToets: string[];
    vastgelegdeTekst: { onderdeel: string; regels: string[] }[];
    /** `bytes` null: a linked desk has not fetched the PDF yet (sync/desk-files.ts). */
    bewaardePdf: { bytes: number | null; sha256: string | null } | null;
    aangemaaktOp: string;
    gewijzigdOp: string;
  }[];
}

/** A document model's text per section: what the printed contract said, in plain lines. */
function documentLines(doc: unknown): { onderdeel: string; regels: string[] }[] {
  const model = doc as { sections?: { title: string; blocks: Record<string, unknown>[] }[] } | null;
  return (model?.sections ?? []).map((s, i) => ({
    onderdeel: s.title ? `${i + 1}. ${s.title}` : `${i + 1}.`,
    regels: s.blocks.flatMap((b): string[] => {
      if (typeof b.text === 'string') return [b.text];
      if (Array.isArray(b.items)) return b.items.map((item) => `• ${String(item)}`);
      if (Array.isArray(b.rows)) return (b.rows as [string, string][]).map(([l, v]) => `${l}: ${v}`);
      return [];
    }),
  }));
}

export const contractsInzage: InzagePart<ContractsInzage> = {
  tables: { contracts: 'contracten, met voorwaarden, vastgelegde tekst en de bewaarde PDF' },

  async collect(db, { person, who }) {
    const rows = await db
      .selectFrom('contracts')
      .leftJoin('function_profile_versions as v', 'v.id', 'contracts.profile_version_id')
      .selectAll('contracts')
      .select(['v.content as profiel', 'v.versie as profielVersie'])
      .where('contracts.person_id', '=', person.id)
      .orderBy('contracts.nummer')
      .orderBy('contracts.versie')
      .execute();
    const numbers = new Map(rows.map((c) => [c.id, `${c.nummer} versie ${c.versie}`]));
    const contracten = rows.map((c) => {
      const {
        personId: _p,
        profileVersionId: _v,
        vasteBegeleiderId,
        ...terms
      } = JSON.parse(c.draft) as Record<string, unknown>;
      if (typeof vasteBegeleiderId === 'string') terms.vasteBegeleider = who(vasteBegeleiderId);
      const snapshot = c.snapshot
        ? (JSON.parse(c.snapshot) as {
            document?: unknown;
            fiscal?: { findings?: { message: string }[] } | null;
          })
        : null;
      const profile = c.profiel ? (JSON.parse(c.profiel) as ProfileContent) : null;
      return {
        kenmerk: c.id,
        nummer: c.nummer,
        versie: c.versie,
        vorm: contractFormLabels[c.vorm as ContractForm] ?? c.vorm,
        status: contractStatusLabels[c.status as ContractStatus] ?? c.status,
        startdatum: c.startdatum,
        einddatum: c.einddatum,
        functieprofiel: profile ? `${profile.titel} (versie ${c.profielVersie})` : null,
        voorwaarden: readableFields(terms, 'contract'),
        fiscaleReden: c.fiscale_reden,
        definitiefOp: c.definitief_at,
        definitiefDoor: who(c.definitief_by),
        getekendOp: c.getekend_datum,
        beeindigdOp: c.beeindigd_datum,
        redenBeeindiging: c.beeindigd_reden,
        vorigeVersie: c.vorige_id ? (numbers.get(c.vorige_id) ?? c.vorige_id) : null,
        fiscaleToets: (snapshot?.fiscal?.findings ?? []).map((f) => f.message),
        vastgelegdeTekst: documentLines(snapshot?.document ?? null),
        bewaardePdf: c.pdf ? { bytes: notFetched(c.pdf) ? null : c.pdf.length, sha256: c.pdf_sha256 } : null,
        aangemaaktOp: c.created_at,
        gewijzigdOp: c.updated_at,
      };
    });
    return {
      sections: { contracten },
      logged: rows.map((c) => c.id),
      counts: { contracten: contracten.length },
    };
  },

  chapters({ contracten }) {
    const blocks = contracten.flatMap((c): Block[] => [
      { kind: 'heading', text: `${c.vorm} ${c.nummer}, versie ${c.versie} (${c.status.toLowerCase()})` },
      {
        kind: 'facts',
        rows: [
          [
            'Periode',
            `${formatDateLong(c.startdatum)} tot ${c.einddatum ? formatDateLong(c.einddatum) : 'onbepaalde tijd'}`,
          ],
          ['Functieprofiel', dash(c.functieprofiel)],
          ...Object.entries(c.voorwaarden)
            .filter(([key]) => !['vorm', 'startdatum', 'einddatum'].includes(key))
            .map(([key, value]): [string, string] => [termLabel(key), shown(value)]),
          ...row('Definitief gemaakt', c.definitiefOp && formatDateTime(c.definitiefOp)),
          ...row('Getekend', c.getekendOp && formatDateLong(c.getekendOp)),
          ...row(
            'Beëindigd',
            c.beeindigdOp && `${formatDateLong(c.beeindigdOp)}: ${dash(c.redenBeeindiging)}`,
          ),
          ...row('Reden ondanks fiscale grens', c.fiscaleReden),
          [
            'Vastgelegd document',
            c.bewaardePdf
              ? `${c.bewaardePdf.bytes === null ? 'PDF (bewaard op de server)' : `PDF van ${Math.ceil(c.bewaardePdf.bytes / 1024)} kB`}, zoals afgedrukt; de tekst staat in het JSON-bestand`
              : 'geen (concept)',
          ],
        ],
      },
    ]);
    return [
      { title: 'Contracten', blocks: blocks.length > 0 ? blocks : none('Geen contracten vastgelegd.') },
    ];
  },
};
