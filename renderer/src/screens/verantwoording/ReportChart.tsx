import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { VerantwoordingReport } from '../../../../shared/verantwoording.ts';
import {
  type ChartSpec,
  chartHeight,
  chartModules,
  chartOption,
} from '../../../../shared/verantwoording-charts.ts';

echarts.use(chartModules);

/** One chart of the report, from the same spec the PDF's SVG is rendered from. */
export function ReportChart({ report, spec }: { report: VerantwoordingReport; spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const height = chartHeight(report, spec);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: 'svg' });
    chart.setOption(chartOption(report, spec));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [report, spec]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={spec.title}
      data-chart={spec.key}
      style={{ width: '100%', height }}
    />
  );
}
