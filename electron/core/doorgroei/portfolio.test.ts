import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness;
let amina: string;
let farid: string;

const reached = '01900000-0000-7000-8000-0000000000a1';
const open = '01900000-0000-7000-8000-0000000000a2';
const aminaText = 'Amina is betrouwbaar en legt makkelijk contact met ouders.';

const training = (naam: string, overrides: Partial<CallInput<'scholing.saveTraining'>> = {}) =>
  h.ok('begeleider', 'scholing.saveTraining', {
    naam,
    aanbieder: 'pharos',
    aanbiederAnders: null,
    soort: 'bijscholing',
    duurEenheid: 'uren',
    duur: 4,
    certificaat: false,
    geldigheidMaanden: null,
    kostenCents: 0,
    ...overrides,
  });

const follow = (
  personId: string,
  trainingId: string,
  status: 'gepland' | 'bezig' | 'afgerond',
  dates: { startdatum?: string; einddatum?: string } = {},
) =>
  h.ok('begeleider', 'scholing.saveForPerson', {
    personId,
    trainingId,
    status,
    startdatum: dates.startdatum ?? null,
    einddatum: dates.einddatum ?? null,
    minuten: status === 'afgerond' ? 720 : null,
    verloopdatum: null,
    notitie: null,
  });

const doorgroei = (personId: string, portfolioTekst: string | null) =>
  h.ok('begeleider', 'doorgroei.save', {
    personId,
    version: null,
    opleidingen: [{ land: 'herkomstland', niveau: 'hbo', richting: 'Pedagogiek', diploma: true, idw: 'ja' }],
    nederlands: [
      { vaardigheid: 'lezen', niveau: 'B2', examen: 'staatsexamen_nt2_ii', examenDatum: '2025-06-12' },
      { vaardigheid: 'spreken', niveau: 'B1', examen: null, examenDatum: null },
    ],
    werkervaring: [],
    portfolioTekst,
  });

/** The PDF's text, in reading order with whitespace folded, and its page count. */
async function portfolioText(personId: string): Promise<{ text: string; pages: number; fileName: string }> {
  const pdf = await h.ok('projectleider', 'doorgroei.portfolioPdf', { personId });
  const file = path.join(h.dir, pdf.fileName);
  fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  return { text, pages, fileName: pdf.fileName };
}

beforeEach(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  const { ids } = await h.withTeam();
  const person = (voornaam: string, achternaam: string) =>
    h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam,
        achternaam,
        herkomstland: 'Syrië',
        talen: [{ taal: 'Arabisch', niveau: 'moedertaal' }],
        begeleiderId: ids.begeleider,
        status: 'actief',
        statusDatum: '2025-11-30',
      }),
    );
  amina = (await person('Amina', 'Haddad')).id;
  farid = (await person('Farid', 'Rahimi')).id;
});
afterEach(() => h.close());

describe('portfolio', () => {
  it('shows what the person achieved, on the letterhead, and nothing planned, unreached or of anyone else', async () => {
    const basis = await training('Basistraining Sleutelpersonen', {
      soort: 'basistraining',
      certificaat: true,
      geldigheidMaanden: 24,
    });
    await follow(amina, basis.id, 'afgerond', { startdatum: '2026-03-05', einddatum: '2026-03-12' });
    await follow(amina, (await training('Psychische gezondheid')).id, 'bezig', { startdatum: '2026-10-01' });
    await follow(amina, (await training('EHBO voor sleutelpersonen')).id, 'gepland');
    await follow(farid, (await training('Training-F-alleen')).id, 'afgerond', {
      startdatum: '2026-02-01',
      einddatum: '2026-02-02',
    });

    const [starter] = await h.ok('projectleider', 'profiles.list', {});
    if (!starter) throw new Error('no starter profile');
    const profile = await h.ok('projectleider', 'profiles.get', { id: starter.id });
    const contract = await h.ok(
      'projectleider',
      'contracts.create',
      volunteerContract(amina, {
        profileVersionId: profile.current.versionId,
        velden: { uren_per_week: 8, gemeente: 'Utrecht', doelgroep: 'Ouders', talen: ['Arabisch'] },
        startdatum: '2026-04-01',
      }),
    );
    await h.ok('projectleider', 'contracts.finalize', { id: contract.id, version: 1 });
    await h.ok('projectleider', 'contracts.sign', { id: contract.id, version: 2, datum: '2026-11-25' });
    // A concept is not a contract held.
    await h.ok('projectleider', 'contracts.create', volunteerContract(amina, { startdatum: '2027-02-01' }));

    const goal = (id: string, wat: string) =>
      ({
        id,
        wat,
        hoe: 'Met de begeleider',
        wieHelpt: 'Begeleider',
        streefdatum: null,
        status: 'open',
      }) as const;
    await h.ok('begeleider', 'begeleiding.savePop', {
      personId: amina,
      version: null,
      content: {
        startdatum: '2026-01-15',
        kwaliteiten: 'Luistert goed',
        ambitie: 'Werken in de jeugdzorg',
        ritme: 'maandelijks',
        doelen: [
          goal(reached, 'Voorlichting geven aan ouders'),
          goal(open, 'Zelfstandig met de GGD overleggen'),
        ],
      },
    });
    // Progress counts when noted after the plan's version was made.
    h.setNow('2026-11-25T11:00:00.000Z');
    await h.ok('begeleider', 'begeleiding.addLogEntry', {
      personId: amina,
      soort: 'ontwikkelingsgesprek',
      signaalSoort: null,
      datum: '2026-09-15',
      duurMinuten: 30,
      samenvatting: 'Voortgang besproken',
      afspraken: null,
      volgendeAfspraak: null,
      vertrouwelijk: false,
      ownerId: null,
      doelUpdates: [
        { goalId: reached, status: 'behaald', notitie: 'Twaalf ouders bereikt' },
        { goalId: open, status: 'bezig', notitie: 'Eerste overleg gehad' },
      ],
    });
    await doorgroei(amina, aminaText);
    await doorgroei(farid, 'Farid-tekst-eigen');

    const { text, fileName } = await portfolioText(amina);
    expect(fileName).toBe('portfolio-amina-haddad.pdf');
    for (const expected of [
      'Welzijn Oost',
      'Portfolio',
      'Amina Haddad',
      aminaText,
      'Basistraining Sleutelpersonen',
      '12 maart 2026',
      'geldig tot 12 maart 2028',
      'Nu bezig',
      'Psychische gezondheid',
      'Sleutelpersoon vrijwilliger',
      'Vrijwilligersovereenkomst',
      'sinds 1 april 2026',
      'Voorlichting geven aan ouders (behaald op 15 september 2026)',
      'Hbo (of vergelijkbaar), Pedagogiek, in Syrië: diploma behaald',
      'B2 · Staatsexamen NT2 II · examen op 12 juni 2025',
      'Arabisch (moedertaal)',
    ])
      expect(text, expected).toContain(expected);
    for (const absent of [
      'EHBO',
      'Zelfstandig met de GGD',
      'Farid',
      'Training-F',
      '1 februari 2027',
      'Werkervaring',
      '—',
    ])
      expect(text, absent).not.toContain(absent);
  });

  it('is one sensible page for someone with nothing recorded yet', async () => {
    const { text, pages } = await portfolioText(farid);
    expect(pages).toBe(1);
    expect(text).toContain('Farid Rahimi');
    expect(text).toContain('Er zijn nog geen trainingen, contracten of behaalde leerdoelen vastgelegd.');
    // The register's overall Dutch level and languages stand in for what doorgroei does not hold yet.
    expect(text).toContain('Niveau B1.');
    for (const absent of ['Over Farid', 'Trainingen', 'Werk bij', 'Behaalde leerdoelen', '—'])
      expect(text, absent).not.toContain(absent);
  });

  it('is refused to the administrateur, and bad input with a Dutch message', async () => {
    expect(await h.call('administrateur', 'doorgroei.portfolioPdf', { personId: amina })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.call('begeleider', 'doorgroei.portfolioPdf', { personId: 'amina' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'personId',
        message: expect.stringContaining('ongeldige verwijzing'),
      },
    });
    expect(
      await h.call('begeleider', 'doorgroei.portfolioPdf', {
        personId: '01900000-0000-7000-8000-0000000000ff',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'personId', message: expect.stringContaining('bestaat niet (meer)') },
    });
  });
});

describe('the portfolio text', () => {
  it('is kept with doorgroei, at most 1200 characters, and cleared when left empty', async () => {
    await doorgroei(amina, aminaText);
    expect(await h.ok('begeleider', 'doorgroei.get', { personId: amina })).toMatchObject({
      version: 1,
      portfolioTekst: aminaText,
    });
    const base = { personId: amina, version: 1, opleidingen: [], nederlands: [], werkervaring: [] };
    const long = await h.call('begeleider', 'doorgroei.save', { ...base, portfolioTekst: 'a'.repeat(1201) });
    expect(long).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'portfolioTekst',
        message: 'Tekst voor het portfolio: maximaal 1200 tekens',
      },
    });
    await h.ok('begeleider', 'doorgroei.save', { ...base, portfolioTekst: '  ' });
    expect(await h.ok('begeleider', 'doorgroei.get', { personId: amina })).toMatchObject({
      version: 2,
      portfolioTekst: null,
    });
  });
});
