/** The report as a workbook for the funder's own sums: a sheet per table, the same figures, "< 5" applied. */
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import { maskedCount, type ReportTable, type VerantwoordingReport } from '../../../shared/verantwoording.ts';
import { periodText } from './document.ts';

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });

function cell(
  value: ReportTable['rows'][number]['values'][number],
  format: ReportTable['columns'][number]['format'],
) {
  if (value === maskedCount) return { value: maskedCount, align: 'right' as const };
  switch (format) {
    case 'cents':
      return { type: Number, value: value / 100, format: '€ #,##0.00' };
    case 'minuten':
      return { type: Number, value: Math.round((value / 60) * 10) / 10, format: '0.0' };
    case 'dagen':
      return { type: Number, value: Math.round(value * 10) / 10, format: '0.0' };
    case 'aantal':
      return { type: Number, value };
  }
}

/** Sheet names: Excel allows 31 characters and no []:*?/\\ in them, so each table has a short one. */
const sheetNames: Record<ReportTable['key'], string> = {
  aanvragen: 'Aanvragen',
  reactietijden: 'Reactietijden',
  inzetSoort: 'Inzet naar soort',
  inzetRol: 'Inzet naar rol',
  inzetLeefgebied: 'Inzet naar leefgebied',
  inzetMaand: 'Inzet per maand',
  bereik: 'Mensen bereikt',
  bereikHerkomst: 'Bereikt naar herkomstregio',
  bereikTaal: 'Bereikt naar taal',
  hulpvraag: 'Hulpvragen',
  doorverwijzing: 'Doorverwijzingen',
  poolTalen: 'Talen sleutelpersonen',
  poolGender: 'Gender sleutelpersonen',
  poolHerkomst: 'Herkomst sleutelpersonen',
  poolOntwikkeling: 'Scholing en doorgroei',
  kosten: 'Vergoedingen en kosten',
  budget: 'Budget',
};
export const sheetName = (t: Pick<ReportTable, 'key'>) => sheetNames[t.key];

function sheet(t: ReportTable): SheetData {
  const header: Row = [bold(t.labelTitle), ...t.columns.map((c) => bold(c.title))];
  return [
    header,
    ...t.rows.map(
      (r): Row => [{ value: r.label }, ...r.values.map((v, i) => cell(v, t.columns[i]?.format ?? 'aantal'))],
    ),
  ];
}

export async function reportWorkbook(report: VerantwoordingReport): Promise<Buffer> {
  if (!report.masked) throw new Error('A published report is built from the masked report only');
  const summary: SheetData = [
    [bold('Verantwoording'), { value: report.scopeNaam }],
    [bold('Periode'), { value: periodText(report) }],
    [],
    ...report.kerncijfers.map((k): Row => [{ value: k.label }, cell(k.value, k.format)]),
  ];
  const sheets = [
    { data: summary, sheet: 'Kerncijfers', columns: [{ width: 34 }, { width: 40 }] },
    ...report.tables.map((t) => ({
      data: sheet(t),
      sheet: sheetName(t),
      columns: [{ width: 44 }, ...t.columns.map(() => ({ width: 16 }))],
    })),
  ];
  return writeXlsxFile(sheets).toBuffer();
}
