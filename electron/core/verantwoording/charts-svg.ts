/** The report's charts as SVG strings for the PDF: the shared chart spec, drawn by echarts' server-side renderer. */
import * as echarts from 'echarts/core';
import type { TableKey, VerantwoordingReport } from '../../../shared/verantwoording.ts';
import {
  type ChartSpec,
  chartHeight,
  chartModules,
  chartOption,
  chartSize,
  reportCharts,
} from '../../../shared/verantwoording-charts.ts';

echarts.use(chartModules);

export interface RenderedChart {
  /** The table the chart draws: the PDF puts it above that table. */
  table: TableKey;
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** One chart: no DOM, no canvas; disposed at once, or echarts keeps its timers and the process alive. */
export function chartSvg(report: VerantwoordingReport, spec: ChartSpec): RenderedChart {
  const width = chartSize.width;
  const height = chartHeight(report, spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(report, spec));
    return { table: spec.table, title: spec.title, svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

export const reportChartSvgs = (report: VerantwoordingReport) =>
  reportCharts.map((spec) => chartSvg(report, spec));
