import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../shared/document-model.ts';
import { formatCents, formatDateLong } from '../../../shared/format.ts';
import { acceptedLogo, renderPdf } from './render-document.ts';

/** A 48x16 PNG: a teal dot and two grey bars. */
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAIAAADfzGvmAAAATElEQVR42mP4P8gAw5BxkGxVyaBwkGxVCSYaMAdhdQ1WN8VnV1EdoTsIj2sw3TTqoIFLSQxEuoZubhpNQ0PYQSSVQyO1pB6MddmAAwDsR/ohl8HjKwAAAABJRU5ErkJggg==';
const logo = `data:image/png;base64,${pngBase64}`;
const volunteer = 'Şükrü Çelik';
const coordinator = 'Nguyễn Thị Hương';
const footerText = 'Vrijwilligersovereenkomst 2026-0007 · versie 2';
const longWord = 'Vrijwilligersvergoedingsadministratieverwerkingsprocedurebeschrijvingsdocument'.repeat(4);

function contract(overrides: Partial<DocumentModel> = {}): DocumentModel {
  const hourly = formatCents(575);
  return {
    title: 'Vrijwilligersovereenkomst',
    subtitle: `tussen Stichting Welzijn Oost en ${volunteer}`,
    organisation: {
      name: 'Stichting Welzijn Oost',
      addressLines: ['Javaplein 12', '1094 HW Amsterdam', 'info@welzijnoost.nl · 020 123 45 67'],
      kvk: '41234567',
      logo,
    },
    footer: footerText,
    watermark: 'CONCEPT',
    numberSections: true,
    sections: [
      {
        title: 'Partijen',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Organisatie', 'Stichting Welzijn Oost, Javaplein 12, 1094 HW Amsterdam'],
              ['Vrijwilliger', volunteer],
              ['Geboortedatum', formatDateLong('1987-03-14')],
              ['Adres', 'Dapperstraat 81-III, 1093 BS Amsterdam'],
              ['Contactpersoon', coordinator],
            ],
          },
        ],
      },
      {
        title: 'Werkzaamheden',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'De vrijwilliger zet zich als sleutelpersoon in voor bewoners van Amsterdam-Oost die de weg naar ' +
              'voorzieningen moeilijk vinden. De werkzaamheden worden in overleg met de contactpersoon vastgesteld ' +
              'en passen bij de kennis, de talen en de beschikbaarheid van de vrijwilliger.',
          },
          { kind: 'heading', text: 'Taken' },
          {
            kind: 'bullets',
            items: [
              'bewoners informeren over hulp en voorzieningen in de wijk, in het Nederlands en het Turks;',
              'bewoners begeleiden naar een eerste afspraak bij het buurtteam of de huisarts;',
              'signalen over eenzaamheid, schulden of gezondheid doorgeven aan de contactpersoon;',
              'deelnemen aan het maandelijkse overleg van sleutelpersonen.',
            ],
          },
        ],
      },
      {
        title: 'Duur van de overeenkomst',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Ingangsdatum', formatDateLong('2026-01-01')],
              ['Looptijd', 'onbepaalde tijd'],
              ['Evaluatie', 'na drie maanden en daarna jaarlijks'],
              ['Gemiddelde inzet', 'vier uur per week'],
            ],
          },
        ],
      },
      {
        title: 'Vrijwilligersvergoeding',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'De vrijwilliger ontvangt een vergoeding per gewerkt uur. De vergoeding wordt maandelijks achteraf ' +
              'betaald op het rekeningnummer dat de vrijwilliger heeft opgegeven, op basis van de ingediende urenstaat.',
          },
          {
            kind: 'facts',
            rows: [
              ['Vergoeding per uur', hourly],
              ['Maximaal per maand', formatCents(21_000)],
              ['Maximaal per jaar', formatCents(210_000)],
            ],
          },
          {
            kind: 'notice',
            text:
              `De vergoeding van ${hourly} per uur blijft binnen de fiscale grenzen voor vrijwilligers. ` +
              'Er wordt geen loonheffing ingehouden. Ontvangt de vrijwilliger een uitkering, dan meldt hij de ' +
              'vergoeding zelf bij de uitkeringsinstantie.',
          },
        ],
      },
      {
        title: 'Verzekeringen',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'De organisatie heeft voor de vrijwilliger een aansprakelijkheids- en ongevallenverzekering ' +
              'afgesloten. Schade die de vrijwilliger tijdens de werkzaamheden lijdt of veroorzaakt, meldt hij ' +
              'zo snel mogelijk bij de contactpersoon.',
          },
        ],
      },
      {
        title: 'Geheimhouding en privacy',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'De vrijwilliger behandelt alles wat hij over bewoners te weten komt als vertrouwelijk, ook na het ' +
              'einde van deze overeenkomst. Persoonsgegevens worden alleen gedeeld met de contactpersoon en alleen ' +
              'voor zover dat voor de hulp aan de bewoner nodig is.',
          },
        ],
      },
      {
        title: 'Verklaring Omtrent het Gedrag',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'Omdat de vrijwilliger met kwetsbare bewoners werkt, legt hij voor de ingangsdatum een Verklaring ' +
              'Omtrent het Gedrag over. De organisatie vraagt deze kosteloos aan.',
          },
        ],
      },
      {
        title: 'Beëindiging',
        blocks: [
          {
            kind: 'bullets',
            items: [
              'Beide partijen kunnen de overeenkomst schriftelijk opzeggen met een termijn van twee weken.',
              'Bij ernstig verwijtbaar gedrag kan de organisatie de overeenkomst direct beëindigen.',
              'Na beëindiging levert de vrijwilliger materialen en toegangspassen in.',
            ],
          },
        ],
      },
      {
        title: 'Slotbepalingen',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'Deze overeenkomst is geen arbeidsovereenkomst. In gevallen waarin deze overeenkomst niet voorziet, ' +
              'beslist het bestuur van de organisatie na overleg met de vrijwilliger.',
          },
        ],
      },
    ],
    signatories: [
      { role: 'Namens Stichting Welzijn Oost', name: coordinator },
      { role: 'De vrijwilliger', name: volunteer },
    ],
    ...overrides,
  };
}

const poppler = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdfinfo');
if (!poppler) console.warn('pdftotext/pdfinfo missing (Debian: poppler-utils): PDF text checks are skipped.');

let dir: string;
let count = 0;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-pdf-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function save(pdf: Buffer): string {
  const file = path.join(dir, `doc-${++count}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

function pdfText(pdf: Buffer, args = ['-layout']): string {
  return execFileSync('/usr/bin/pdftotext', [...args, save(pdf), '-'], { encoding: 'utf8' });
}

function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number; info: string } {
  const info = execFileSync('/usr/bin/pdfinfo', [save(pdf)], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    info,
  };
}

/** Right edges of all horizontal words (the watermark is diagonal), from pdftotext -bbox. */
function wordRightEdges(pdf: Buffer): number[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-nodiag', save(pdf), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
}

/** The diagonal text per page. pdftotext splits it into runs whose boxes are far taller than a line of
 *  text; bottom-left to top-right they spell the watermark. */
function diagonalText(pdf: Buffer): string[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', save(pdf), '-'], { encoding: 'utf8' });
  const word = /<word xMin="[-\d.]+" yMin="([-\d.]+)" xMax="[-\d.]+" yMax="([-\d.]+)">([^<]*)<\/word>/g;
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(word)]
        .map(([, top, bottom, text]) => ({ top: Number(top), height: Number(bottom) - Number(top), text }))
        .filter((w) => w.height > 40)
        .sort((a, b) => b.top - a.top)
        .map((w) => w.text)
        .join(''),
    );
}

const hasImage = (pdf: Buffer) => pdf.includes('/Subtype /Image');

describe.skipIf(!poppler)('renderPdf: text, layout and metadata (needs poppler-utils)', () => {
  it('renders a contract on A4 with names, amounts, articles, footer, watermark and signatures', async () => {
    const pdf = await renderPdf(contract());
    const { pages, width, height } = pdfInfo(pdf);
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(pages).toBe(2);

    const text = pdfText(pdf);
    for (const expected of [
      volunteer,
      coordinator,
      'Artikel 1 Partijen',
      'Artikel 4 Vrijwilligersvergoeding',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('€ 5,75');
    expect(text).toContain('1 januari 2026');
    expect(text).toContain('KvK 41234567');
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text.split(footerText)).toHaveLength(pages + 1);
    expect(diagonalText(pdf)).toEqual(Array(pages).fill('CONCEPT'));
    expect(hasImage(pdf)).toBe(true);

    // The signature block is not split: both signatories' lines are on the last page.
    const last = pdfText(pdf, ['-layout', '-f', String(pages), '-l', String(pages)]);
    for (const label of ['Handtekening', 'Plaats', 'Datum']) expect(last.split(label)).toHaveLength(3);
  });

  it('leaves out the watermark, numbering and signatures when the model has none', async () => {
    const pdf = await renderPdf(contract({ watermark: undefined, numberSections: false, signatories: [] }));
    const text = pdfText(pdf);
    expect(diagonalText(pdf).join('')).toBe('');
    expect(text).not.toContain('CONCEPT');
    expect(text).not.toContain('Artikel');
    expect(text).not.toContain('Handtekening');
    expect(text).toContain('Werkzaamheden');
  });

  it('wraps long unbroken words and long names inside the page margins', async () => {
    const longName = `${volunteer}-${'Karamanoğlu'.repeat(8)}`;
    const model = contract({
      organisation: { ...contract().organisation, name: longWord },
      subtitle: `tussen Stichting Welzijn Oost en ${longName}`,
      footer: `Contract-${longWord.slice(0, 120)}`,
      sections: [
        {
          title: longWord,
          blocks: [
            { kind: 'heading', text: longWord },
            { kind: 'paragraph', text: `Zie ${longWord}.` },
            { kind: 'bullets', items: [longWord] },
            { kind: 'facts', rows: [[longWord, longWord]] },
            { kind: 'notice', text: longWord },
          ],
        },
      ],
      signatories: [{ role: longWord, name: longName }],
    });
    const pdf = await renderPdf(model);
    // -raw keeps each text in drawing order, so a wrapped word can be joined again.
    const text = pdfText(pdf, ['-raw', '-nodiag']).replace(/\s+/g, '');
    expect(text.split(longWord)).toHaveLength(10);
    expect(text).toContain(longName.replace(/\s+/g, ''));
    expect(text).toContain(`Contract-${longWord.slice(0, 120)}pagina1van`);
    expect(Math.max(...wordRightEdges(pdf))).toBeLessThanOrEqual(595.28 - 56.69 + 0.5);
  });

  it('keeps each heading on the page of what follows it, and each facts label on the page of its value', async () => {
    // An introduction of growing length pushes 'Artikel 2 Partijen' and its facts table across the end of page
    // one, about a line at a time: at some of these lengths only the heading would still fit there (without the
    // fix, 49 sentences left it alone at the foot of page one, its table on page two).
    const sentence = 'De vrijwilliger werkt op dinsdag en donderdag in het wijkcentrum. ';
    const base = contract();
    const rows = base.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'facts' ? b.rows : [])));
    const headings = base.sections.map((s, i) => `Artikel ${i + 2} ${s.title}`);
    let headingMoved = 0;
    for (let sentences = 48; sentences <= 56; sentences++) {
      const model = contract({
        sections: [
          { title: 'Inleiding', blocks: [{ kind: 'paragraph', text: sentence.repeat(sentences) }] },
          ...base.sections,
        ],
      });
      const pdf = await renderPdf(model);
      const pages = Array.from({ length: pdfInfo(pdf).pages }, (_, i) =>
        pdfText(pdf, ['-layout', '-nodiag', '-f', String(i + 1), '-l', String(i + 1)]),
      );
      for (const [number, page] of pages.entries()) {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith(footerText));
        const last = lines.at(-1) ?? '';
        expect(headings, `${sentences} sentences, page ${number + 1} ends in a heading`).not.toContain(last);
        for (const [label, value] of rows) {
          // The row's label and the first words of its value on one line of the same page.
          const line = lines.find((l) => l === label || l.startsWith(`${label}  `));
          if (line)
            expect(line, `${sentences} sentences: ${label}`).toContain(
              value.split(' ').slice(0, 2).join(' '),
            );
        }
      }
      if (pages[1]?.trimStart().startsWith('Artikel 2 Partijen')) headingMoved++;
    }
    // The sweep did reach the case it guards: the heading went to page two with its table.
    expect(headingMoved).toBeGreaterThan(0);
  }, 30_000);

  it('sets title and creator, and is byte-identical for the same model and creation date', async () => {
    const creationDate = new Date('2026-01-02T10:00:00Z');
    const [a, b] = await Promise.all([
      renderPdf(contract(), { creationDate }),
      renderPdf(contract(), { creationDate }),
    ]);
    expect(a.equals(b)).toBe(true);
    const { info } = pdfInfo(a);
    expect(info).toMatch(/Title:\s+Vrijwilligersovereenkomst/);
    expect(info).toMatch(/Creator:\s+Schakel/);
  });
});

describe('renderPdf: the logo cannot read files or URLs', () => {
  let server: http.Server;
  let url: string;
  let requests = 0;
  let pngFile: string;

  beforeAll(async () => {
    pngFile = path.join(dir, 'logo.png');
    fs.writeFileSync(pngFile, Buffer.from(pngBase64, 'base64'));
    server = http.createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'image/png');
      res.end(Buffer.from(pngBase64, 'base64'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts only PNG and JPEG data URLs whose bytes match', () => {
    expect(acceptedLogo(logo)).toBe(logo);
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64')}`;
    expect(acceptedLogo(jpeg)).toBe(jpeg);
    for (const bad of [
      '/etc/passwd',
      pngFile,
      `file://${pngFile}`,
      url,
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      `data:image/png;base64,${Buffer.from('not a png at all').toString('base64')}`,
      `data:image/jpeg;base64,${pngBase64}`,
      `${logo}\n`,
      '',
      null,
      undefined,
    ]) {
      expect(acceptedLogo(bad)).toBeNull();
    }
  });

  it('ignores a logo given as a file path or URL without reading or fetching it', async () => {
    for (const bad of ['/etc/passwd', pngFile, url]) {
      const pdf = await renderPdf(contract({ organisation: { ...contract().organisation, logo: bad } }));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(hasImage(pdf)).toBe(false);
    }
    expect(requests).toBe(0);
  });

  it('has locked pdfmake itself: an image path or URL given straight to pdfmake is refused', async () => {
    const base = { pageSize: 'A4', pageMargins: 40 } as const;
    await expect(pdfmake.createPdf({ ...base, content: [{ image: pngFile }] }).getBuffer()).rejects.toThrow(
      /denied/,
    );
    await expect(
      pdfmake.createPdf({ ...base, images: { remote: url }, content: [{ image: 'remote' }] }).getBuffer(),
    ).rejects.toThrow(/denied/);
    expect(requests).toBe(0);
  });
});
