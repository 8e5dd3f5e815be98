/**
 * The report's charts, one spec each: a function from the report's rows to an ECharts option object. The renderer
 * draws the option with echarts (svg renderer); the main process renders the same option to an SVG string with
 * echarts' server-side renderer for the PDF. Figures read the Dutch way ("1.812"), as in the tables beside them.
 * A masked report draws a small count as an empty bar labelled "< 5": a bar's length would give the figure away.
 */

import { BarChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import {
  formatReportValue,
  maskedCount,
  type ReportTable,
  type TableKey,
  type VerantwoordingReport,
} from './verantwoording.ts';
import { smallCountThreshold } from './work-vocabulary.ts';

/** The parts of echarts the charts use, registered by the screen and by the PDF alike (`echarts.use`). */
export const chartModules = [BarChart, GridComponent, TitleComponent, GraphicComponent, SVGRenderer];

export interface ChartSpec {
  key: string;
  title: string;
  table: TableKey;
  /** Which value column of the table is drawn. */
  column: number;
  /** Bars left to right over time (months), or one bar per category, longest list read top to bottom. */
  layout: 'categories' | 'timeline';
  /** Leave out rows that are 0, so a long list (13 hulpvraag categories) shows what happened. */
  skipZero: boolean;
  colour: string;
}

export const reportCharts: readonly ChartSpec[] = [
  {
    key: 'soort',
    title: 'Activiteiten naar soort',
    table: 'inzetSoort',
    column: 0,
    layout: 'categories',
    skipZero: false,
    colour: '#2f6f8f',
  },
  {
    key: 'maand',
    title: 'Activiteiten per maand',
    table: 'inzetMaand',
    column: 0,
    layout: 'timeline',
    skipZero: false,
    colour: '#2f6f8f',
  },
  {
    key: 'leefgebied',
    title: 'Activiteiten naar leefgebied',
    table: 'inzetLeefgebied',
    column: 0,
    layout: 'categories',
    skipZero: false,
    colour: '#4c8c6b',
  },
  {
    key: 'bereik',
    title: 'Mensen bereikt',
    table: 'bereik',
    column: 0,
    layout: 'categories',
    skipZero: false,
    colour: '#b5654a',
  },
  {
    key: 'hulpvraag',
    title: 'Hulpvragen',
    table: 'hulpvraag',
    column: 0,
    layout: 'categories',
    skipZero: true,
    colour: '#8a6bb0',
  },
  {
    key: 'doorverwijzing',
    title: 'Doorverwijzingen',
    table: 'doorverwijzing',
    column: 0,
    layout: 'categories',
    skipZero: true,
    colour: '#c08a2e',
  },
];

/** Size of a chart in the PDF (points) and the SVG rendered for it. */
export const chartSize = { width: 480, rowHeight: 22, minHeight: 150, timelineHeight: 220 };

/** No quoted family names: echarts writes the family into a style attribute, where a quote would end it. */
export const chartFont = 'Roboto, Arial, sans-serif';

const monthAbbreviation: Record<string, string> = Object.fromEntries(
  [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ].map((name, i) => [
    name,
    ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][i] as string,
  ]),
);

interface BarDatum {
  value: number;
  /** The figure as written on the bar: '1.812', or '< 5' on an empty bar. */
  label: { formatter: string };
}

const dutchCount = (value: number) => formatReportValue(value, 'aantal');

function bars(table: ReportTable, spec: ChartSpec): { labels: string[]; data: BarDatum[] } {
  const rows = table.rows.filter((r) => !spec.skipZero || r.values[spec.column] !== 0);
  return {
    labels: rows.map((r) => r.label),
    data: rows.map((r) => {
      const v = r.values[spec.column] ?? 0;
      return v === maskedCount
        ? { value: 0, label: { formatter: maskedCount } }
        : { value: v, label: { formatter: dutchCount(v) } };
    }),
  };
}

/** The height a chart needs: one band per category, so labels never overlap. */
export function chartHeight(report: VerantwoordingReport, spec: ChartSpec): number {
  if (spec.layout === 'timeline') return chartSize.timelineHeight;
  const table = report.tables.find((t) => t.key === spec.table);
  const rows = table ? bars(table, spec).labels.length : 0;
  return Math.max(chartSize.minHeight, 48 + rows * chartSize.rowHeight);
}

/** The ECharts option for one chart of a report (exact or masked, as the report is). */
export function chartOption(report: VerantwoordingReport, spec: ChartSpec): Record<string, unknown> {
  const table = report.tables.find((t) => t.key === spec.table);
  const { labels, data } = table ? bars(table, spec) : { labels: [], data: [] };
  const text = { fontFamily: chartFont, fontSize: 10, color: '#1f2933' };
  // With only small (masked) counts the axis would run to 1; it runs to 5 at least, the threshold.
  const valueAxis = {
    type: 'value',
    ...(Math.max(0, ...data.map((d) => d.value)) < smallCountThreshold ? { max: smallCountThreshold } : {}),
    minInterval: 1,
    axisLabel: { ...text, color: '#5f6b7a', formatter: dutchCount },
    splitLine: { lineStyle: { color: '#e4e8ec' } },
  };
  const label = { show: true, ...text };
  const common = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFont },
    title: { text: spec.title, left: 0, top: 0, textStyle: { ...text, fontSize: 12, fontWeight: 'bold' } },
    series: [{ type: 'bar', data, itemStyle: { color: spec.colour }, barMaxWidth: 16 }],
  };
  if (data.length === 0)
    return {
      ...common,
      graphic: { type: 'text', left: 'center', top: 'middle', style: { ...text, text: 'Niets vastgelegd' } },
      series: [],
    };
  if (spec.layout === 'timeline') {
    // 'maart 2026' → 'mrt 2026': twelve or more months side by side.
    const short = labels.map(
      (l) => `${monthAbbreviation[l.split(' ')[0] ?? ''] ?? l.slice(0, 3)} ${l.slice(-4)}`,
    );
    return {
      ...common,
      grid: { left: 36, right: 12, top: 36, bottom: 44 },
      xAxis: {
        type: 'category',
        data: short,
        axisLabel: { ...text, rotate: labels.length > 6 ? 45 : 0, interval: 0 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: valueAxis,
      series: [{ ...common.series[0], label: { ...label, position: 'top' } }],
    };
  }
  // Categories top to bottom in the table's order: a category axis counts upwards, so the lists are reversed.
  return {
    ...common,
    grid: { left: 190, right: 40, top: 32, bottom: 20 },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      data: [...labels].reverse(),
      axisLabel: { ...text, width: 180, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [{ ...common.series[0], data: [...data].reverse(), label: { ...label, position: 'right' } }],
  };
}
