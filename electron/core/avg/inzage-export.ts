/**
 * The inzage export (art. 15 AVG): everything Schakel stores about one person, gathered by the parts the areas
 * registered (`CallRegistry.inzage`) into one plain object with Dutch keys, ISO dates and amounts as integer cents
 * beside their written form. The PDF is made from the same sections, so both files always say the same.
 */
import type { DocumentModel } from '../../../shared/document-model.ts';
import { foldForSearch } from '../../../shared/search.ts';
import type { AanvragenInzage } from '../aanvragen/inzage.ts';
import type { AuditInzage } from '../audit/inzage.ts';
import type { BegeleidingInzage } from '../begeleiding/inzage.ts';
import type { ClaimsInzage } from '../claims/inzage.ts';
import type { Reader } from '../context.ts';
import { organisationHead } from '../contracts/documents.ts';
import type { ContractsInzage } from '../contracts/inzage.ts';
import { notFound } from '../failure.ts';
import { preparedWrite } from '../handler-types.ts';
import type { IntervisieInzage } from '../intervisie/inzage.ts';
import type { InzetInzage } from '../inzet/inzage.ts';
import type { PayoutsInzage } from '../payouts/inzage.ts';
import { renderPdf } from '../pdf/render-document.ts';
import type { PersonsInzage } from '../persons/inzage.ts';
import type { AreaHandlers } from '../registry.ts';
import type { ScholingInzage } from '../scholing/inzage.ts';
import { loadSettings } from '../settings/read.ts';
import type { PersonsTable } from '../store/schema.ts';
import type { SyncInzage } from '../sync/inzage.ts';
import { counted } from './handlers.ts';
import { personIbans } from './identity.ts';
import { type AvgInzage, avgInzage, inzageTitle } from './inzage.ts';
import type {
  InzageChapter,
  InzageCollected,
  InzagePart,
  InzageSubject,
  InzageTable,
} from './inzage-part.ts';
import { dayOf, legalName } from './inzage-values.ts';

/** The JSON file as the registered parts write it. */
export type InzageData = AvgInzage &
  PersonsInzage &
  ContractsInzage &
  BegeleidingInzage &
  IntervisieInzage &
  ClaimsInzage &
  ScholingInzage &
  AanvragenInzage &
  PayoutsInzage &
  InzetInzage &
  SyncInzage &
  AuditInzage;

/** Tables that hold nothing about a person, each with the reason. Every other table is exported by one part. */
export const tablesWithoutPersonalData: Readonly<Partial<Record<InzageTable, string>>> = {
  accounts: 'medewerkers van de organisatie; hun naam staat bij wat zij vastlegden',
  intervisie_groups: 'groepen; de naam staat bij het lidmaatschap',
  function_profiles: 'functieprofielen; de titel staat bij het contract',
  function_profile_versions: 'profielteksten; de titel staat bij het contract',
  archived_claim_totals: 'totalen per maand en soort, niet herleidbaar tot een persoon',
  schema_migrations: 'versie van de database',
  trainings: 'het trainingsaanbod; de naam staat bij de training van de persoon',
  training_sessions: 'groepstrainingen; training, datum en plaats staan bij de deelname',
  partners: 'ketenpartners (organisaties); de naam staat bij de aanvraag of inzet',
  projects: 'projecten en subsidies; de naam staat bij de inzet of declaratie',
  requests:
    'aanvragen van ketenpartners: geen namen van cliënten en niets over een sleutelpersoon; datum, partner en soort staan bij aanvragen.gematcht',
  request_languages: 'talen die een aanvraag vraagt; niets over een persoon',
  request_leefgebieden: 'leefgebieden van een aanvraag; niets over een persoon',
  inzet: 'activiteiten met anonieme aantallen; datum, duur en soort staan bij de inzet van de persoon',
  inzet_tags:
    'rollen, leefgebieden, hulpvraag en doorverwijzing van een activiteit, over anonieme nieuwkomers',
  inzet_reach: 'anonieme aantallen bereikte mensen per herkomstregio en taal',
  sync_clock: 'het nummer van de laatste wijziging op de server',
  sync_changes: 'welke rij bij welk nummer wijzigde (tabel en id), zonder de inhoud',
  sync_devices: 'gekoppelde computers van medewerkers',
  sync_pairing_codes: 'eenmalige koppelcodes, alleen als hash',
  sync_tokens: 'aanmeldingen van medewerkers op een gekoppelde computer, alleen als hash',
  sync_commands:
    'welke opdracht van welke computer is verwerkt en met welke uitkomst; de inhoud staat in het logboek',
  sync_login_failures:
    'mislukte aanmeldpogingen op de server per gebruikersnaam of computer; een dag na de laatste vergeten',
  sync_login_attempts: 'het tijdstip van elke mislukte aanmeldpoging op de server; na tien minuten vergeten',
  sync_state: 'de stand van de synchronisatie van deze computer (tot welk nummer hij bij is)',
};

/** Every table the parts and the list above name, and how the export covers it. */
export function inzageCoverage(parts: readonly InzagePart[]) {
  const coverage: Record<string, { dekking: 'persoon' | 'geen'; hoe: string }> = {};
  for (const [table, hoe] of Object.entries(tablesWithoutPersonalData))
    coverage[table] = { dekking: 'geen', hoe };
  for (const part of parts) {
    for (const [table, hoe] of Object.entries(part.tables)) coverage[table] = { dekking: 'persoon', hoe };
  }
  return coverage;
}

export interface Inzage {
  person: PersonsTable;
  /** The JSON file's content: every part's sections, avg's own part first. */
  data: Record<string, unknown>;
  chapters: InzageChapter[];
  /** How many of what, for the audit entry. */
  counts: Record<string, number>;
}

/** Everything stored about one person, part by part; other people's data never enters it. */
export async function gatherInzage(
  db: Reader,
  parts: readonly InzagePart[],
  personId: string,
  made: InzageSubject['made'],
): Promise<Inzage> {
  const person = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('Deze sleutelpersoon');
  const accounts = new Map(
    (await db.selectFrom('accounts').select(['id', 'display_name']).execute()).map((a) => [
      a.id,
      a.display_name,
    ]),
  );
  const subject: InzageSubject = {
    person,
    ibans: await personIbans(db, person),
    accounts,
    who: (id) => (id ? (accounts.get(id) ?? 'onbekend account') : null),
    made,
    logged: [],
  };
  // The parts that read the audit log of the others' records run once those are all known.
  const collected = new Map<InzagePart, InzageCollected<object>>();
  for (const part of parts.filter((p) => !p.readsLogged))
    collected.set(part, await part.collect(db, subject));
  const logged = [...collected.values()].flatMap((c) => c.logged ?? []);
  for (const part of parts.filter((p) => p.readsLogged))
    collected.set(part, await part.collect(db, { ...subject, logged }));

  // In the order the areas registered, avg's own part first: it says what the export is, for and by whom.
  const ordered = [...parts].sort((a, b) => Number(b === avgInzage) - Number(a === avgInzage));
  const inzage: Inzage = { person, data: {}, chapters: [], counts: {} };
  for (const part of ordered) {
    const { sections, counts } = collected.get(part) as InzageCollected<object>;
    for (const [key, value] of Object.entries(sections)) {
      if (Object.hasOwn(inzage.data, key)) throw new Error(`Two inzage parts write '${key}'`);
      inzage.data[key] = value;
    }
    inzage.chapters.push(...part.chapters(sections));
    Object.assign(inzage.counts, counts);
  }
  return inzage;
}

/** The inzage export as a readable document on the organisation's letterhead. */
function inzageDocument(
  inzage: Inzage,
  organisation: DocumentModel['organisation'],
  now: string,
): DocumentModel {
  const naam = legalName(inzage.person);
  return {
    title: inzageTitle,
    subtitle: naam,
    organisation,
    footer: `Inzageverzoek ${naam} · ${dayOf(now)}`,
    numberSections: false,
    sections: inzage.chapters,
    signatories: [],
  };
}

/** `avg.inzage`, over the parts the registry holds once it is built. */
export function inzageHandlers(registry: { inzageParts(): readonly InzagePart[] }) {
  return {
    // Gathering and rendering take seconds for a long history: done before the transaction, which only records
    // the export in the audit log, so no other desk waits for the PDF.
    'avg.inzage': preparedWrite({
      prepare: async (ctx, input) => {
        const made = { now: ctx.now, by: ctx.account?.displayName ?? null };
        const inzage = await gatherInzage(ctx.db, registry.inzageParts(), input.id, made);
        const organisation = organisationHead(await loadSettings(ctx.db));
        const pdf = await renderPdf(inzageDocument(inzage, organisation, ctx.now), {
          creationDate: new Date(ctx.now),
        });
        const base = `inzage-${foldForSearch(legalName(inzage.person)).replace(/[^a-z0-9]+/g, '-')}-${ctx.today}`;
        return {
          person: { id: inzage.person.id, version: inzage.person.version },
          counts: inzage.counts,
          files: {
            pdf: { fileName: `${base}.pdf`, base64: pdf.toString('base64') },
            json: {
              fileName: `${base}.json`,
              base64: Buffer.from(`${JSON.stringify(inzage.data, null, 2)}\n`, 'utf8').toString('base64'),
            },
          },
        };
      },
      write: async (ctx, _input, prepared) => {
        // Who exported whose data and when is the entry itself (account, record, time); the data stays out of it.
        ctx.audit({
          recordType: 'person',
          recordId: prepared.person.id,
          recordVersion: prepared.person.version,
          summary: 'Inzage-export gemaakt (PDF en JSON)',
          changes: counted(prepared.counts),
        });
        return prepared.files;
      },
    }),
  } satisfies AreaHandlers<'avg'>;
}
