/** doorgroei.portfolioPdf: gathers what the portfolio shows from the areas that keep it, and renders it. */
import type { PdfFile } from '../../../shared/contracts.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { reachedGoals } from '../begeleiding/read.ts';
import type { CallContext, Reader } from '../context.ts';
import { organisationHead } from '../contracts/documents.ts';
import { contractsHeld } from '../contracts/read.ts';
import { invalidField } from '../failure.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import { trainingsOfPerson } from '../scholing/read.ts';
import { loadSettings } from '../settings/read.ts';
import { officialName, type PortfolioData, portfolioDocument } from './portfolio-document.ts';
import { loadDoorgroei } from './profile.ts';

export async function loadPortfolio(db: Reader, personId: string, today: string): Promise<PortfolioData> {
  const person = await loadPerson(db, personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  // After anonymisation nothing is left to show, and the name is no longer theirs.
  refuseIfAnonymised(person);
  return {
    person,
    doorgroei: await loadDoorgroei(db, personId),
    trainingen: await trainingsOfPerson(db, personId),
    contracten: await contractsHeld(db, personId),
    leerdoelen: await reachedGoals(db, personId),
    today,
  };
}

export async function portfolioPdf(ctx: CallContext & { db: Reader }, personId: string): Promise<PdfFile> {
  const data = await loadPortfolio(ctx.db, personId, ctx.today);
  const model = portfolioDocument(data, organisationHead(await loadSettings(ctx.db)));
  const pdf = await renderPdf(model, { creationDate: new Date(ctx.now) });
  const name = foldForSearch(officialName(data.person)).replace(/[^a-z0-9]+/g, '-');
  return { fileName: `portfolio-${name}.pdf`.replace(/-+/g, '-'), base64: pdf.toString('base64') };
}
