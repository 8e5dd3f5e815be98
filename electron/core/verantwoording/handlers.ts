/**
 * Verantwoording: the report on screen, and published as PDF and XLSX. The projectleider sees exact figures on
 * screen; everyone else, and every file, gets the masked report ("< 5").
 */
import {
  maskSmallCounts,
  reportFileStem,
  type VerantwoordingReport,
} from '../../../shared/verantwoording.ts';
import type { CallContext, Reader } from '../context.ts';
import { organisationHead } from '../contracts/documents.ts';
import { renderPdf } from '../pdf/render-document.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import { reportChartSvgs } from './charts-svg.ts';
import { reportDocument } from './document.ts';
import { buildReport } from './report.ts';
import { reportWorkbook } from './spreadsheet.ts';

/** The report as PDF bytes: charts rendered to SVG here, then the document on the letterhead. */
export async function reportPdf(
  ctx: CallContext & { db: Reader },
  published: VerantwoordingReport,
): Promise<Buffer> {
  const model = reportDocument(
    published,
    reportChartSvgs(published),
    organisationHead(await loadSettings(ctx.db)),
    ctx.today,
  );
  return renderPdf(model, { creationDate: new Date(ctx.now) });
}

export const verantwoordingHandlers = {
  'verantwoording.report': async (ctx, input) => {
    const report = await buildReport(ctx.db, input);
    return ctx.account?.role === 'projectleider' ? report : maskSmallCounts(report);
  },

  'verantwoording.pdf': async (ctx, input) => {
    const published = maskSmallCounts(await buildReport(ctx.db, input));
    const pdf = await reportPdf(ctx, published);
    return { fileName: `${reportFileStem(published)}.pdf`, base64: pdf.toString('base64') };
  },

  'verantwoording.xlsx': async (ctx, input) => {
    const published = maskSmallCounts(await buildReport(ctx.db, input));
    const xlsx = await reportWorkbook(published);
    return { fileName: `${reportFileStem(published)}.xlsx`, base64: xlsx.toString('base64') };
  },
} satisfies AreaHandlers<'verantwoording'>;
