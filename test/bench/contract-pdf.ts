import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pdfmake from 'pdfmake';
import { startCore } from '../../electron/core/app-core.ts';
import type { Dispatcher } from '../../electron/core/dispatcher.ts';
import { pdfDefinition } from '../../electron/core/pdf/render-document.ts';
import type { Contract, PdfFile } from '../../shared/contracts.ts';
import { volunteerContract } from '../support/harness.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, median } from './measure.ts';

const client = 'bench';

async function call<T>(dispatcher: Dispatcher, name: string, input: unknown): Promise<T> {
  const r = await dispatcher.dispatch(name, input, client);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/**
 * One volunteer contract for a person with a Vietnamese name: its PDF through the service versus bare pdfmake on the
 * same definition (alternating, 30 rounds), then 100 contract PDFs printed one after another.
 */
export async function contractPdfBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-pdf-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher } = core;
  await dispatcher.dispatch(
    'auth.setup',
    {
      organisatieNaam: 'Bench',
      displayName: 'Bench',
      username: 'bench',
      password: 'bench bench bench',
      role: 'projectleider',
    },
    client,
  );
  const person = await call<{ id: string }>(dispatcher, 'persons.create', {
    voornaam: 'Hương',
    tussenvoegsel: null,
    achternaam: 'Nguyễn Thị',
    roepnaam: null,
    geboortedatum: '1990-03-03',
    gender: 'vrouw',
    herkomstland: 'Vietnam',
    talen: [{ taal: 'Vietnamees', niveau: 'moedertaal' }],
    niveauNederlands: 'B2',
    straat: 'Kerkstraat',
    huisnummer: '1',
    postcode: '3511 AB',
    plaats: 'Utrecht',
    gemeente: 'Utrecht',
    telefoon: null,
    email: null,
    iban: null,
    bijstand: false,
    toestemmingNodig: false,
    toestemmingDatum: null,
    vogAfgiftedatum: null,
    vogVernieuwdatum: null,
    begeleiderId: null,
    notities: null,
    status: 'actief',
    statusDatum: '2026-01-01',
  });
  const [profile] = await call<{ id: string }[]>(dispatcher, 'profiles.list', {});
  const { current } = await call<{ current: { versionId: string } }>(dispatcher, 'profiles.get', {
    id: profile?.id,
  });
  const contract = await call<{ id: string }>(
    dispatcher,
    'contracts.create',
    volunteerContract(person.id, {
      profileVersionId: current.versionId,
      velden: {
        uren_per_week: 8,
        gemeente: 'Utrecht',
        doelgroep: 'Vietnamese gezinnen',
        talen: ['Vietnamees'],
      },
      startdatum: '2026-02-01',
      einddatum: '2026-12-31',
      verwachtUrenPerMaand: 30,
      kmVergoedingCents: 0,
      verwachteKmPerMaand: null,
    }),
  );
  const { document } = await call<Contract>(dispatcher, 'contracts.get', { id: contract.id });
  const service = () => call<PdfFile>(dispatcher, 'contracts.pdf', { id: contract.id });
  const bare = () => pdfmake.createPdf(pdfDefinition(document, new Date())).getBuffer();

  for (let i = 0; i < 5; i++) await Promise.all([service(), bare()]);
  const samples = { service: [] as number[], bare: [] as number[] };
  for (let i = 0; i < 30; i++) {
    for (const [name, fn] of Object.entries({ service, bare }).sort(() => Math.random() - 0.5)) {
      const t = performance.now();
      await fn();
      samples[name as keyof typeof samples].push(performance.now() - t);
    }
  }
  const serviceMs = median(samples.service);
  const bareMs = median(samples.bare);

  const t = performance.now();
  for (let i = 0; i < 100; i++) await service();
  const hundredMs = performance.now() - t;

  const pages = (
    Buffer.from((await service()).base64, 'base64')
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    contractPdf: {
      subjectMs: serviceMs,
      floorMs: bareMs,
      about: { pages, hundredContractsMs: Math.round(hundredMs) },
    },
  };
}
