/**
 * The audit log's part of the inzage export: every entry about the records the other parts named (the person,
 * their contracts, POP, verslagen and claims), in words: what happened, each change under its field's label.
 */
import { recordTypeLabels } from '../../../shared/audit.ts';
import { labelOf } from '../../../shared/field-labels.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { InzagePart, Json } from '../avg/inzage-part.ts';
import { none, readable, shown } from '../avg/inzage-values.ts';
import type { Reader } from '../context.ts';

export interface AuditInzage {
  logboek: {
    kenmerk: string;
    tijdstip: string;
    door: string | null;
    onderdeel: string;
    samenvatting: string;
    wijzigingen: { veld: string; voor: Json; na: Json }[];
  }[];
}

/** Audit entries about these records, oldest first; the ids are read in chunks to keep each query small. */
async function auditRows(db: Reader, recordIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < recordIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('audit_log')
        .select(['id', 'at', 'account_id', 'record_type', 'summary', 'changes'])
        .where('record_id', 'in', recordIds.slice(i, i + 500))
        .execute()),
    );
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export const auditInzage: InzagePart<AuditInzage> = {
  tables: { audit_log: 'logboek (over de persoon en diens contracten, POP, verslagen, declaraties)' },
  readsLogged: true,

  async collect(db, { logged, accounts, who }) {
    const rows = await auditRows(db, logged);
    // What happened is the summary, in words; each change under its field's label, codes and amounts readable.
    const logboek = rows.map((a) => {
      // An account id in a change (a begeleider) reads as the account's name.
      const value = (field: string, v: unknown) =>
        typeof v === 'string' && accounts.has(v) ? who(v) : readable(field, v, a.record_type);
      return {
        kenmerk: a.id,
        tijdstip: a.at,
        door: who(a.account_id),
        onderdeel: a.record_type ? (recordTypeLabels[a.record_type] ?? a.record_type) : '',
        samenvatting: a.summary,
        wijzigingen: (JSON.parse(a.changes) as { field: string; before: unknown; after: unknown }[]).map(
          (ch) => ({
            veld: labelOf(ch.field),
            voor: value(ch.field, ch.before),
            na: value(ch.field, ch.after),
          }),
        ),
      };
    });
    return { sections: { logboek }, counts: { logboekregels: logboek.length } };
  },

  chapters({ logboek }) {
    if (logboek.length === 0)
      return [{ title: 'Wijzigingen (logboek)', blocks: none('Geen wijzigingen vastgelegd.') }];
    return [
      {
        title: 'Wijzigingen (logboek)',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Elke wijziging in Schakel wordt vastgelegd: wanneer, door wie en wat er veranderde.',
          },
          {
            kind: 'facts',
            rows: logboek.map((a): [string, string] => [
              `${formatDateTime(a.tijdstip)}${a.door ? `\n${a.door}` : ''}`,
              [
                a.samenvatting,
                ...a.wijzigingen
                  .filter((w) => !(w.voor === null && (w.na === null || w.na === '')))
                  // No arrow: the PDF font has none. 'Telefoon: van 06 1111 naar 06 2222'.
                  .map(
                    (w) =>
                      `${w.veld}: ${w.voor === null ? shown(w.na) : `van ${shown(w.voor)} naar ${shown(w.na)}`}`,
                  ),
              ].join('\n'),
            ]),
          },
        ],
      },
    ];
  },
};
