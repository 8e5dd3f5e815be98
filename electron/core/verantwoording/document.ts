/**
 * The verantwoording as a document on the organisation's letterhead: period and scope in the title, the headline
 * figures, then each section with its charts above the tables they draw. Built from a masked report only: a published report never shows a
 * count of people under five.
 */
import type { Block, DocumentModel } from '../../../shared/document-model.ts';
import { formatDateLong } from '../../../shared/format.ts';
import {
  formatReportValue,
  type ReportTable,
  type VerantwoordingReport,
} from '../../../shared/verantwoording.ts';
import type { RenderedChart } from './charts-svg.ts';

export const periodText = (r: Pick<VerantwoordingReport, 'van' | 'tot'>) =>
  `${formatDateLong(r.van)} t/m ${formatDateLong(r.tot)}`;

function tableBlock(t: ReportTable): Block {
  return {
    kind: 'table',
    header: [t.labelTitle, ...t.columns.map((c) => c.title)],
    rows: t.rows.map((r) => [
      r.label,
      ...r.values.map((v, i) => formatReportValue(v, t.columns[i]?.format ?? 'aantal')),
    ]),
  };
}

/** Sections in the order a reader at the gemeente asks: requests, work, reach, questions, pool, money. */
const sectionsOf: { title: string; tables: ReportTable['key'][] }[] = [
  { title: 'Aanvragen', tables: ['aanvragen', 'reactietijden'] },
  { title: 'Inzet', tables: ['inzetSoort', 'inzetRol', 'inzetLeefgebied', 'inzetMaand'] },
  { title: 'Bereik', tables: ['bereik', 'bereikHerkomst', 'bereikTaal'] },
  { title: 'Hulpvragen en doorverwijzingen', tables: ['hulpvraag', 'doorverwijzing'] },
  { title: 'De sleutelpersonen', tables: ['poolTalen', 'poolGender', 'poolHerkomst', 'poolOntwikkeling'] },
  { title: 'Vergoedingen en kosten', tables: ['kosten', 'budget'] },
];

export function reportDocument(
  report: VerantwoordingReport,
  charts: RenderedChart[],
  organisation: DocumentModel['organisation'],
  today: string,
): DocumentModel {
  if (!report.masked) throw new Error('A published report is built from the masked report only');
  const period = periodText(report);
  const tables = new Map(report.tables.map((t) => [t.key, t]));
  const intro: Block[] = [
    {
      kind: 'paragraph',
      text: `Verantwoording van ${organisation.name} over ${period}, voor ${report.scopeNaam.charAt(0).toLowerCase()}${report.scopeNaam.slice(1)}. Aantallen mensen kleiner dan vijf staan er als "< 5", zodat niemand herkenbaar is. Opgesteld op ${formatDateLong(today)}.`,
    },
    { kind: 'facts', rows: report.kerncijfers.map((k) => [k.label, formatReportValue(k.value, k.format)]) },
  ];
  const chartOf = new Map(charts.map((c) => [c.table, c]));
  return {
    title: 'Verantwoording',
    subtitle: `${report.scopeNaam} · ${period}`,
    organisation,
    footer: `Verantwoording ${report.scopeNaam} · ${period}`,
    numberSections: false,
    sections: [
      { title: '', blocks: intro },
      ...sectionsOf.map((s) => ({
        title: s.title,
        blocks: s.tables.flatMap((key): Block[] => {
          const t = tables.get(key);
          if (!t) return [];
          const chart = chartOf.get(key);
          return [
            ...(chart
              ? [
                  {
                    kind: 'chart',
                    title: chart.title,
                    svg: chart.svg,
                    width: chart.width,
                    height: chart.height,
                  } as const,
                ]
              : []),
            { kind: 'heading', text: t.title },
            t.rows.length ? tableBlock(t) : { kind: 'paragraph', text: 'Niets vastgelegd.' },
          ];
        }),
      })),
    ],
    signatories: [],
  };
}
