import { describe, expect, it } from 'vitest';
import type { ReportTable, VerantwoordingReport } from '../../../shared/verantwoording.ts';
import { reportCharts } from '../../../shared/verantwoording-charts.ts';
import { chartSvg } from './charts-svg.ts';

const table = (key: ReportTable['key'], rows: [string, number | '< 5'][]): ReportTable => ({
  key,
  title: key,
  labelTitle: 'Wat',
  columns: [{ title: 'Aantal', format: 'aantal', people: true }],
  rows: rows.map(([label, value]) => ({ label, values: [value] })),
});

const report = (tables: ReportTable[], masked: boolean): VerantwoordingReport => ({
  van: '2026-01-01',
  tot: '2026-03-31',
  scope: { soort: 'organisatie' },
  scopeNaam: 'Hele organisatie',
  masked,
  kerncijfers: [],
  tables,
});

function spec(key: string) {
  const found = reportCharts.find((c) => c.key === key);
  if (!found) throw new Error(`no chart ${key}`);
  return found;
}
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the report charts as SVG for the PDF', () => {
  it('write figures and the value axis the Dutch way, as the tables beside them do', () => {
    const r = report(
      [
        table('bereik', [
          ['Volwassenen', 33_052],
          ['Kinderen', 1_812],
          ['Professionals', 0],
        ]),
      ],
      false,
    );
    const labels = texts(chartSvg(r, spec('bereik')).svg);
    expect(labels).toContain('33.052');
    expect(labels).toContain('1.812');
    expect(labels).toContain('30.000');
    expect(labels.join(' ')).not.toMatch(/\d,\d{3}/);
  });

  it('draw a masked count as an empty bar labelled "< 5", with the axis running to 5', () => {
    const r = report(
      [
        table('bereik', [
          ['Volwassenen', '< 5'],
          ['Kinderen', 0],
        ]),
      ],
      true,
    );
    const labels = texts(chartSvg(r, spec('bereik')).svg);
    expect(labels).toContain('&lt; 5');
    const axis = labels.filter((l) => /^\d+$/.test(l ?? '')).map(Number);
    expect(Math.max(...axis)).toBe(5);
  });
});
