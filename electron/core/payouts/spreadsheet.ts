import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { type ClaimKind, claimKindLabels } from '../../../shared/claims.ts';
import { formatIban } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';

const euro = '€ #,##0.00';
const header = (titles: string[]): Row => titles.map((value) => ({ value, fontWeight: 'bold' as const }));
// A spreadsheet holds euros as numbers; cents become euros only here, at the edge, for the bookkeeper's sums.
const money = (cents: number) => ({ type: Number, value: cents / 100, format: euro });

/** The overview for the books: one sheet with the transfers, one with every claim behind them. */
export const spreadsheetHandlers = {
  'payouts.spreadsheet': async (ctx, input) => {
    const batch = await ctx.db
      .selectFrom('payout_batches')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!batch) throw notFound('Deze betaalbatch');
    const claims = await ctx.db
      .selectFrom('claims')
      .innerJoin('persons', 'persons.id', 'claims.person_id')
      .select([
        'claims.person_id',
        'claims.datum',
        'claims.soort',
        'claims.omschrijving',
        'claims.km',
        'claims.bedrag_cents',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.iban',
      ])
      .where('claims.batch_id', '=', batch.id)
      .orderBy('persons.sort_name')
      .orderBy('claims.datum')
      .execute();
    const byPerson = new Map<string, { naam: string; iban: string; aantal: number; cents: number }>();
    for (const c of claims) {
      const p = byPerson.get(c.person_id) ?? {
        naam: fullName({ ...c, roepnaam: null }),
        iban: formatIban(c.iban),
        aantal: 0,
        cents: 0,
      };
      p.aantal += 1;
      p.cents += c.bedrag_cents;
      byPerson.set(c.person_id, p);
    }
    const transfers: Row[] = [
      header(['Naam', 'IBAN', 'Declaraties', 'Bedrag']),
      ...[...byPerson.values()].map(
        (p): Row => [{ value: p.naam }, { value: p.iban }, { type: Number, value: p.aantal }, money(p.cents)],
      ),
      [
        { value: 'Totaal', fontWeight: 'bold' },
        null,
        { type: Number, value: claims.length },
        { ...money(batch.totaal_cents), fontWeight: 'bold' },
      ],
    ];
    const lines: Row[] = [
      header(['Datum', 'Naam', 'Soort', 'Omschrijving', 'Km', 'Bedrag']),
      ...claims.map(
        (c): Row => [
          { type: Date, value: new Date(`${c.datum}T00:00:00Z`), format: 'dd-mm-yyyy' },
          { value: fullName({ ...c, roepnaam: null }) },
          { value: claimKindLabels[c.soort as ClaimKind] },
          { value: c.omschrijving },
          c.km === null ? null : { type: Number, value: c.km },
          money(c.bedrag_cents),
        ],
      ),
    ];
    const buffer = await writeXlsxFile([
      {
        data: transfers,
        sheet: 'Betalingen',
        columns: [{ width: 30 }, { width: 28 }, { width: 12 }, { width: 14 }],
      },
      {
        data: lines,
        sheet: 'Declaraties',
        columns: [{ width: 12 }, { width: 30 }, { width: 28 }, { width: 44 }, { width: 8 }, { width: 14 }],
      },
    ]).toBuffer();
    return { fileName: `betaalbatch-${batch.nummer}.xlsx`, base64: buffer.toString('base64') };
  },
} satisfies AreaHandlers<'payouts'>;
