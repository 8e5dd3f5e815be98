/**
 * The inzage export (art. 15 AVG): everything Schakel stores about one person, gathered table by table into one
 * plain object with Dutch keys, ISO dates and amounts as integer cents beside their written form. The PDF is made
 * from the same object, so both files always say the same. `inzageCoverage` names every table of the store and how
 * the export covers it; a test fails when a table appears that it does not name.
 */

import { recordTypeLabels } from '../../../shared/audit.ts';
import { type LogKind, logKindLabels, signalKindLabels } from '../../../shared/begeleiding/inputs.ts';
import { type GoalStatus, goalStatusLabels } from '../../../shared/begeleiding/pop-diff.ts';
import { type Rhythm, rhythmLabels } from '../../../shared/begeleiding/rhythm.ts';
import {
  type ClaimKind,
  type ClaimStatus,
  claimKindLabels,
  claimStatusLabels,
} from '../../../shared/claims.ts';
import { type ContractStatus, contractStatusLabels } from '../../../shared/contracts.ts';
import { labelOf } from '../../../shared/field-labels.ts';
import { formatCents } from '../../../shared/format.ts';
import { type BatchStatus, batchStatusLabels } from '../../../shared/payouts.ts';
import { genderLabels, type PersonStatus, statusLabels } from '../../../shared/persons.ts';
import {
  allowanceUnitLabels,
  type ContractForm,
  contractFormLabels,
  type ProfileContent,
} from '../../../shared/profiles.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import type { DB } from '../store/schema.ts';
import { personIbans } from './identity.ts';
import { transfersTo } from './payment-files.ts';

/**
 * Every table and how an inzage export covers it. 'persoon' tables hold rows about a person and are exported;
 * 'geen' tables hold nothing about a sleutelpersoon, with the reason. A new table must be added here.
 */
export const inzageCoverage: Record<keyof DB, { dekking: 'persoon' | 'geen'; hoe: string }> = {
  persons: { dekking: 'persoon', hoe: 'persoon (zoektekst en sorteernaam zijn daarvan afgeleid)' },
  person_languages: { dekking: 'persoon', hoe: 'talen' },
  person_status_history: { dekking: 'persoon', hoe: 'statusgeschiedenis' },
  contracts: { dekking: 'persoon', hoe: 'contracten, met voorwaarden, vastgelegde tekst en de bewaarde PDF' },
  pops: { dekking: 'persoon', hoe: 'pop' },
  pop_versions: { dekking: 'persoon', hoe: 'pop.versies' },
  goal_progress: { dekking: 'persoon', hoe: 'pop.voortgang' },
  log_entries: { dekking: 'persoon', hoe: 'begeleidingslog, vertrouwelijke verslagen gemarkeerd' },
  intervisie_members: { dekking: 'persoon', hoe: 'intervisie.groepen' },
  intervisie_sessions: { dekking: 'persoon', hoe: 'intervisie.bijeenkomsten (waar de persoon aanwezig was)' },
  claims: { dekking: 'persoon', hoe: 'declaraties' },
  receipts: { dekking: 'persoon', hoe: 'declaraties.bonnen (naam, soort, grootte; niet de inhoud)' },
  payout_batches: {
    dekking: 'persoon',
    hoe: 'uitbetalingen (de batches met een declaratie van de persoon of een betaling naar een van diens rekeningen)',
  },
  audit_log: {
    dekking: 'persoon',
    hoe: 'logboek (over de persoon en diens contracten, POP, verslagen, declaraties)',
  },
  retention_removals: { dekking: 'persoon', hoe: 'verwijdering (als de persoon geanonimiseerd is)' },
  settings: { dekking: 'persoon', hoe: 'verwerkingsverantwoordelijke (de organisatie zelf)' },
  accounts: { dekking: 'geen', hoe: 'medewerkers van de organisatie; hun naam staat bij wat zij vastlegden' },
  intervisie_groups: { dekking: 'geen', hoe: 'groepen; de naam staat bij het lidmaatschap' },
  function_profiles: { dekking: 'geen', hoe: 'functieprofielen; de titel staat bij het contract' },
  function_profile_versions: { dekking: 'geen', hoe: 'profielteksten; de titel staat bij het contract' },
  archived_claim_totals: {
    dekking: 'geen',
    hoe: 'totalen per maand en soort, niet herleidbaar tot een persoon',
  },
  schema_migrations: { dekking: 'geen', hoe: 'versie van de database' },
};

interface Bedrag {
  centen: number;
  weergave: string;
}

const bedrag = (cents: number): Bedrag => ({ centen: cents, weergave: formatCents(cents) });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Codes stored in a field, in the words the screens use; 'status' and 'soort' depend on the kind of record. */
const codesByRecord: Record<string, Record<string, Record<string, string>>> = {
  status: {
    person: statusLabels,
    contract: contractStatusLabels,
    claim: claimStatusLabels,
    payout: batchStatusLabels,
  },
  soort: { claim: claimKindLabels, log: logKindLabels },
};
const codes: Record<string, Record<string, string>> = {
  vorm: contractFormLabels,
  gender: genderLabels,
  vergoedingEenheid: allowanceUnitLabels,
  signaalSoort: signalKindLabels,
  tariefSoort: { uur: 'uurtarief', vast: 'vaste prijs' },
};

/** A stored value as the person reads it: a code in words, an amount in euros beside its cents. */
function readable(field: string, value: unknown, recordType: string | null = null): Json {
  // The audit log keeps a contract's fill-in fields as one JSON text.
  if (field === 'velden' && typeof value === 'string' && value.startsWith('{')) {
    try {
      return JSON.parse(value) as Json;
    } catch {
      return value;
    }
  }
  if (typeof value === 'string') {
    const labels = codesByRecord[field]?.[recordType ?? ''] ?? codes[field];
    return labels && Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
  }
  if (field.endsWith('Cents') && typeof value === 'number' && Number.isInteger(value))
    return { ...bedrag(value) };
  return (value ?? null) as Json;
}

/** A stored object's fields readable, amounts ('vergoedingCents': 500) under the name without 'Cents'. */
function readableFields(value: Record<string, unknown>, recordType: string | null): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key.endsWith('Cents') && typeof v === 'number' ? key.slice(0, -'Cents'.length) : key;
    out[name] = readable(key, v, recordType);
  }
  return out;
}

export interface InzageData {
  overzicht: {
    titel: string;
    grondslag: string;
    gemaaktOp: string;
    gemaaktDoor: string | null;
    verwerkingsverantwoordelijke: {
      naam: string;
      adres: string | null;
      kvkNummer: string | null;
    };
    toelichting: string[];
  };
  persoon: {
    kenmerk: string;
    naam: string;
    voornaam: string;
    tussenvoegsel: string | null;
    achternaam: string;
    roepnaam: string | null;
    geboortedatum: string | null;
    geslacht: string | null;
    herkomstland: string | null;
    niveauNederlands: string | null;
    straat: string | null;
    huisnummer: string | null;
    postcode: string | null;
    plaats: string | null;
    gemeente: string | null;
    telefoon: string | null;
    email: string | null;
    iban: string | null;
    bijstand: boolean;
    toestemmingGemeenteNodig: boolean;
    toestemmingGemeenteDatum: string | null;
    vogAfgiftedatum: string | null;
    status: string;
    statusDatum: string;
    vasteBegeleider: string | null;
    notities: string | null;
    aangemaaktOp: string;
    gewijzigdOp: string;
  };
  talen: { kenmerk: string; taal: string; niveau: string }[];
  statusgeschiedenis: {
    kenmerk: string;
    status: string;
    datum: string;
    toelichting: string | null;
    vastgelegdDoor: string | null;
    vastgelegdOp: string;
  }[];
  contracten: {
    kenmerk: string;
    nummer: string;
    versie: number;
    vorm: string;
    status: string;
    startdatum: string;
    einddatum: string | null;
    functieprofiel: string | null;
    voorwaarden: Record<string, Json>;
    fiscaleReden: string | null;
    definitiefOp: string | null;
    definitiefDoor: string | null;
    getekendOp: string | null;
    beeindigdOp: string | null;
    redenBeeindiging: string | null;
    vorigeVersie: string | null;
    fiscaleToets: string[];
    vastgelegdeTekst: { onderdeel: string; regels: string[] }[];
    bewaardePdf: { bytes: number; sha256: string | null } | null;
    aangemaaktOp: string;
    gewijzigdOp: string;
  }[];
  pop: {
    kenmerk: string;
    aangemaaktOp: string;
    versies: {
      kenmerk: string;
      versie: number;
      gemaaktOp: string;
      gemaaktDoor: string | null;
      startdatum: string | null;
      kwaliteiten: string | null;
      ambitie: string | null;
      gespreksritme: string | null;
      leerdoelen: {
        kenmerk: string;
        wat: string;
        hoe: string;
        wieHelpt: string;
        streefdatum: string | null;
        stand: string;
      }[];
    }[];
    voortgang: {
      kenmerk: string;
      leerdoel: string;
      datum: string;
      stand: string;
      notitie: string;
      door: string | null;
      verslag: string | null;
    }[];
  } | null;
  begeleidingslog: {
    kenmerk: string;
    soort: string;
    signaal: string | null;
    datum: string;
    duurMinuten: number | null;
    vertrouwelijk: boolean;
    samenvatting: string;
    afspraken: string | null;
    volgendeAfspraak: string | null;
    geschrevenDoor: string | null;
    eigenaarSignaal: string | null;
    opvolging: string | null;
    geslotenOp: string | null;
    intervisiebijeenkomst: string | null;
    /** Why part of the entry is left out (a session summary that is about the other attendees too), or null. */
    weggelaten: string | null;
    vastgelegdOp: string;
  }[];
  intervisie: {
    groepen: { kenmerk: string; groep: string }[];
    bijeenkomsten: {
      kenmerk: string;
      groep: string;
      datum: string;
      thema: string;
      duurMinuten: number | null;
    }[];
  };
  declaraties: {
    kenmerk: string;
    datum: string;
    soort: string;
    omschrijving: string;
    van: string | null;
    naar: string | null;
    km: number | null;
    minuten: number | null;
    bedrag: Bedrag;
    status: string;
    redenAfwijzing: string | null;
    contract: string | null;
    eerstIngevoerd: Record<string, Json> | null;
    betaalbatch: string | null;
    ingevoerdOp: string;
    ingevoerdDoor: string | null;
    beoordeeldOp: string | null;
    beoordeeldDoor: string | null;
    bonnen: {
      kenmerk: string;
      bestand: string;
      soort: string;
      bytes: number;
      sha256: string;
      toegevoegdOp: string;
    }[];
  }[];
  uitbetalingen: {
    kenmerk: string;
    betaalbatch: string;
    status: string;
    uitvoerdatum: string;
    /** The person's claims in the batch now (none once a cancelled batch gave them back). */
    declaraties: number;
    bedrag: Bedrag;
    /** The transfers to the person as the payment file holds them, or empty once the file is gone. */
    inBetaalbestand: { naam: string; iban: string; bedrag: Bedrag }[];
  }[];
  logboek: {
    kenmerk: string;
    tijdstip: string;
    door: string | null;
    onderdeel: string;
    samenvatting: string;
    wijzigingen: { veld: string; voor: Json; na: Json }[];
  }[];
  verwijdering: { op: string; grens: string; aantallen: Record<string, number> } | null;
}

const receiptExtension: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** A document model's text per section: what the printed contract said, in plain lines. */
function documentLines(doc: unknown): { onderdeel: string; regels: string[] }[] {
  const model = doc as { sections?: { title: string; blocks: Record<string, unknown>[] }[] } | null;
  return (model?.sections ?? []).map((s, i) => ({
    onderdeel: s.title ? `${i + 1}. ${s.title}` : `${i + 1}.`,
    regels: s.blocks.flatMap((b): string[] => {
      if (typeof b.text === 'string') return [b.text];
      if (Array.isArray(b.items)) return b.items.map((item) => `• ${String(item)}`);
      if (Array.isArray(b.rows)) return (b.rows as [string, string][]).map(([l, v]) => `${l}: ${v}`);
      return [];
    }),
  }));
}

/** Everything stored about one person; other people's data never enters it. */
export async function gatherInzage(
  db: Reader,
  personId: string,
  settings: Settings,
  made: { now: string; by: string | null },
): Promise<InzageData> {
  const person = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('Deze sleutelpersoon');
  const accounts = new Map(
    (await db.selectFrom('accounts').select(['id', 'display_name']).execute()).map((a) => [
      a.id,
      a.display_name,
    ]),
  );
  const who = (id: string | null) => (id ? (accounts.get(id) ?? 'onbekend account') : null);

  const talen = await db
    .selectFrom('person_languages')
    .select(['id', 'taal', 'niveau'])
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
  const history = await db
    .selectFrom('person_status_history')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('datum')
    .orderBy('created_at')
    .execute();

  const contractRows = await db
    .selectFrom('contracts')
    .leftJoin('function_profile_versions as v', 'v.id', 'contracts.profile_version_id')
    .selectAll('contracts')
    .select(['v.content as profiel', 'v.versie as profielVersie'])
    .where('contracts.person_id', '=', personId)
    .orderBy('contracts.nummer')
    .orderBy('contracts.versie')
    .execute();
  const contractNumbers = new Map(contractRows.map((c) => [c.id, `${c.nummer} versie ${c.versie}`]));

  const pop = await db.selectFrom('pops').selectAll().where('person_id', '=', personId).executeTakeFirst();
  const popVersions = pop
    ? await db.selectFrom('pop_versions').selectAll().where('pop_id', '=', pop.id).orderBy('versie').execute()
    : [];
  const goalNames = new Map<string, string>();
  for (const v of popVersions) {
    for (const g of (JSON.parse(v.content) as { doelen: { id: string; wat: string }[] }).doelen)
      goalNames.set(g.id, g.wat);
  }
  const progress = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('datum')
    .orderBy('created_at')
    .execute();

  const entries = await db
    .selectFrom('log_entries')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('datum')
    .orderBy('created_at')
    .execute();

  const groups = await db
    .selectFrom('intervisie_members')
    .innerJoin('intervisie_groups', 'intervisie_groups.id', 'intervisie_members.group_id')
    .select(['intervisie_members.id', 'intervisie_groups.naam'])
    .where('intervisie_members.person_id', '=', personId)
    .orderBy('intervisie_groups.naam')
    .execute();
  // Attendance is a JSON list of person ids; the LIKE only narrows, the parse decides.
  const sessions = (
    await db
      .selectFrom('intervisie_sessions')
      .innerJoin('intervisie_groups', 'intervisie_groups.id', 'intervisie_sessions.group_id')
      .select([
        'intervisie_sessions.id',
        'intervisie_sessions.datum',
        'intervisie_sessions.thema',
        'intervisie_sessions.duur_minuten',
        'intervisie_sessions.aanwezig',
        'intervisie_groups.naam',
      ])
      .where('intervisie_sessions.aanwezig', 'like', `%${personId}%`)
      .orderBy('intervisie_sessions.datum')
      .execute()
  ).filter((s) => (JSON.parse(s.aanwezig) as string[]).includes(personId));

  const claims = await db
    .selectFrom('claims')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('datum')
    .orderBy('created_at')
    .execute();
  const claimIds = claims.map((c) => c.id);
  const receipts =
    claimIds.length === 0
      ? []
      : await db
          .selectFrom('receipts')
          .select(['id', 'claim_id', 'mime', 'size', 'sha256', 'created_at'])
          .where('claim_id', 'in', claimIds)
          .orderBy('created_at')
          .execute();
  // Batches with the person's claims, and every payment file that pays into one of their accounts: a cancelled
  // batch gave its claims back but keeps its file.
  const ibans = await personIbans(db, person);
  const batchIds = [...new Set(claims.map((c) => c.batch_id).filter((b): b is string => b !== null))];
  const batches = (
    batchIds.length === 0 && ibans.size === 0
      ? []
      : await db
          .selectFrom('payout_batches')
          .select(['id', 'nummer', 'status', 'uitvoerdatum', 'xml'])
          .where((eb) =>
            eb.or([
              ...(batchIds.length > 0 ? [eb('id', 'in', batchIds)] : []),
              ...[...ibans].map((iban) => eb('xml', 'like', `%${iban}%`)),
            ]),
          )
          .orderBy('uitvoerdatum')
          .orderBy('nummer')
          .execute()
  )
    .map((b) => ({ ...b, transfers: transfersTo(b.xml, ibans) }))
    .filter((b) => batchIds.includes(b.id) || b.transfers.length > 0);
  const batchNumbers = new Map(batches.map((b) => [b.id, b.nummer]));

  const recordIds = [
    personId,
    ...contractRows.map((c) => c.id),
    ...(pop ? [pop.id] : []),
    ...entries.map((e) => e.id),
    ...claimIds,
  ];
  const audit = await auditRows(db, recordIds);
  const removal = await db
    .selectFrom('retention_removals')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();

  const address = [
    [settings.straat, settings.huisnummer].filter(Boolean).join(' '),
    [settings.postcode, settings.plaats].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');

  return {
    overzicht: {
      titel: 'Overzicht van gegevens (inzageverzoek)',
      grondslag: 'Artikel 15 Algemene verordening gegevensbescherming (AVG): recht op inzage',
      gemaaktOp: made.now,
      gemaaktDoor: made.by,
      verwerkingsverantwoordelijke: {
        naam: settings.naam,
        adres: address || null,
        kvkNummer: settings.kvkNummer,
      },
      toelichting: [
        `Dit zijn alle gegevens die ${settings.naam} in Schakel over u heeft vastgelegd, op het moment dat dit overzicht is gemaakt.`,
        'Verslagen die binnen de organisatie vertrouwelijk zijn (alleen voor de schrijver en de projectleiders) staan er ook in, gemarkeerd als vertrouwelijk.',
        'Van bonnen en ondertekende contracten staan hier de kenmerken; een kopie van het bestand zelf kunt u opvragen.',
        'Van een intervisiebijeenkomst staan hier de groep, de datum en het thema; de samenvatting gaat ook over de andere deelnemers en staat er daarom niet in.',
        'Klopt er iets niet, of wilt u dat gegevens worden verwijderd? Neem dan contact op met de organisatie.',
      ],
    },
    persoon: {
      kenmerk: person.id,
      naam: [person.voornaam, person.tussenvoegsel, person.achternaam].filter(Boolean).join(' '),
      voornaam: person.voornaam,
      tussenvoegsel: person.tussenvoegsel,
      achternaam: person.achternaam,
      roepnaam: person.roepnaam,
      geboortedatum: person.geboortedatum,
      geslacht: person.gender
        ? (genderLabels[person.gender as keyof typeof genderLabels] ?? person.gender)
        : null,
      herkomstland: person.herkomstland,
      niveauNederlands: person.niveau_nederlands,
      straat: person.straat,
      huisnummer: person.huisnummer,
      postcode: person.postcode,
      plaats: person.plaats,
      gemeente: person.gemeente,
      telefoon: person.telefoon,
      email: person.email,
      iban: person.iban,
      bijstand: person.bijstand === 1,
      toestemmingGemeenteNodig: person.toestemming_nodig === 1,
      toestemmingGemeenteDatum: person.toestemming_datum,
      vogAfgiftedatum: person.vog_afgiftedatum,
      status: statusLabels[person.status as PersonStatus] ?? person.status,
      statusDatum: person.status_datum,
      vasteBegeleider: who(person.begeleider_id),
      notities: person.notities,
      aangemaaktOp: person.created_at,
      gewijzigdOp: person.updated_at,
    },
    talen: talen.map((t) => ({ kenmerk: t.id, taal: t.taal, niveau: t.niveau })),
    statusgeschiedenis: history.map((h) => ({
      kenmerk: h.id,
      status: statusLabels[h.status as PersonStatus] ?? h.status,
      datum: h.datum,
      toelichting: h.toelichting,
      vastgelegdDoor: who(h.account_id),
      vastgelegdOp: h.created_at,
    })),
    contracten: contractRows.map((c) => {
      const {
        personId: _p,
        profileVersionId: _v,
        vasteBegeleiderId,
        ...terms
      } = JSON.parse(c.draft) as Record<string, unknown>;
      if (typeof vasteBegeleiderId === 'string') terms.vasteBegeleider = who(vasteBegeleiderId);
      const snapshot = c.snapshot
        ? (JSON.parse(c.snapshot) as {
            document?: unknown;
            fiscal?: { findings?: { message: string }[] } | null;
          })
        : null;
      const profile = c.profiel ? (JSON.parse(c.profiel) as ProfileContent) : null;
      return {
        kenmerk: c.id,
        nummer: c.nummer,
        versie: c.versie,
        vorm: contractFormLabels[c.vorm as ContractForm] ?? c.vorm,
        status: contractStatusLabels[c.status as ContractStatus] ?? c.status,
        startdatum: c.startdatum,
        einddatum: c.einddatum,
        functieprofiel: profile ? `${profile.titel} (versie ${c.profielVersie})` : null,
        voorwaarden: readableFields(terms, 'contract'),
        fiscaleReden: c.fiscale_reden,
        definitiefOp: c.definitief_at,
        definitiefDoor: who(c.definitief_by),
        getekendOp: c.getekend_datum,
        beeindigdOp: c.beeindigd_datum,
        redenBeeindiging: c.beeindigd_reden,
        vorigeVersie: c.vorige_id ? (contractNumbers.get(c.vorige_id) ?? c.vorige_id) : null,
        fiscaleToets: (snapshot?.fiscal?.findings ?? []).map((f) => f.message),
        vastgelegdeTekst: documentLines(snapshot?.document ?? null),
        bewaardePdf: c.pdf ? { bytes: c.pdf.length, sha256: c.pdf_sha256 } : null,
        aangemaaktOp: c.created_at,
        gewijzigdOp: c.updated_at,
      };
    }),
    pop: pop
      ? {
          kenmerk: pop.id,
          aangemaaktOp: pop.created_at,
          versies: popVersions.map((v) => {
            const content = JSON.parse(v.content) as {
              startdatum?: string;
              kwaliteiten?: string;
              ambitie?: string;
              ritme?: Rhythm | null;
              doelen: {
                id: string;
                wat: string;
                hoe?: string;
                wieHelpt?: string;
                streefdatum?: string | null;
                status: GoalStatus;
              }[];
            };
            return {
              kenmerk: v.id,
              versie: v.versie,
              gemaaktOp: v.created_at,
              gemaaktDoor: who(v.account_id),
              startdatum: content.startdatum ?? null,
              kwaliteiten: content.kwaliteiten || null,
              ambitie: content.ambitie || null,
              gespreksritme: content.ritme ? (rhythmLabels[content.ritme] ?? content.ritme) : null,
              leerdoelen: content.doelen.map((g) => ({
                kenmerk: g.id,
                wat: g.wat,
                hoe: g.hoe ?? '',
                wieHelpt: g.wieHelpt ?? '',
                streefdatum: g.streefdatum ?? null,
                stand: goalStatusLabels[g.status] ?? g.status,
              })),
            };
          }),
          voortgang: progress.map((p) => ({
            kenmerk: p.id,
            leerdoel: goalNames.get(p.goal_id) ?? p.goal_id,
            datum: p.datum,
            stand: goalStatusLabels[p.status as GoalStatus] ?? p.status,
            notitie: p.notitie,
            door: who(p.account_id),
            verslag: p.entry_id,
          })),
        }
      : null,
    begeleidingslog: entries.map((e) => ({
      kenmerk: e.id,
      soort: logKindLabels[e.soort as LogKind] ?? e.soort,
      signaal: e.signaal_soort
        ? (signalKindLabels[e.signaal_soort as keyof typeof signalKindLabels] ?? e.signaal_soort)
        : null,
      datum: e.datum,
      duurMinuten: e.duur_minuten,
      vertrouwelijk: e.vertrouwelijk === 1,
      // An entry made from an intervisie session copies the session's summary, which is about everyone there.
      samenvatting: e.session_id ? (e.samenvatting.split('\n')[0] ?? '') : e.samenvatting,
      afspraken: e.afspraken,
      volgendeAfspraak: e.volgende_afspraak,
      geschrevenDoor: who(e.author_id),
      eigenaarSignaal: who(e.owner_id),
      opvolging: e.opvolging,
      geslotenOp: e.gesloten_op,
      intervisiebijeenkomst: e.session_id,
      weggelaten: e.session_id
        ? 'De samenvatting van de bijeenkomst is weggelaten: die gaat ook over de andere deelnemers.'
        : null,
      vastgelegdOp: e.created_at,
    })),
    intervisie: {
      groepen: groups.map((g) => ({ kenmerk: g.id, groep: g.naam })),
      bijeenkomsten: sessions.map((s) => ({
        kenmerk: s.id,
        groep: s.naam,
        datum: s.datum,
        thema: s.thema,
        duurMinuten: s.duur_minuten,
      })),
    },
    declaraties: claims.map((c) => ({
      kenmerk: c.id,
      datum: c.datum,
      soort: claimKindLabels[c.soort as ClaimKind] ?? c.soort,
      omschrijving: c.omschrijving,
      van: c.van,
      naar: c.naar,
      km: c.km,
      minuten: c.minuten,
      bedrag: bedrag(c.bedrag_cents),
      status: claimStatusLabels[c.status as ClaimStatus] ?? c.status,
      redenAfwijzing: c.reden_afwijzing,
      contract: c.contract_id ? (contractNumbers.get(c.contract_id) ?? c.contract_id) : null,
      eerstIngevoerd: c.origineel
        ? readableFields(JSON.parse(c.origineel) as Record<string, unknown>, 'claim')
        : null,
      betaalbatch: c.batch_id ? (batchNumbers.get(c.batch_id) ?? c.batch_id) : null,
      ingevoerdOp: c.created_at,
      ingevoerdDoor: who(c.account_id),
      beoordeeldOp: c.beoordeeld_op,
      beoordeeldDoor: who(c.beoordeeld_door),
      bonnen: receipts
        .filter((r) => r.claim_id === c.id)
        .map((r, i) => ({
          kenmerk: r.id,
          bestand: `bon-${i + 1}.${receiptExtension[r.mime] ?? 'bin'}`,
          soort: r.mime,
          bytes: r.size,
          sha256: r.sha256,
          toegevoegdOp: r.created_at,
        })),
    })),
    uitbetalingen: batches.map((b) => {
      const paid = claims.filter((c) => c.batch_id === b.id);
      const cents =
        b.transfers.length > 0
          ? b.transfers.reduce((n, t) => n + t.cents, 0)
          : paid.reduce((n, c) => n + c.bedrag_cents, 0);
      return {
        kenmerk: b.id,
        betaalbatch: b.nummer,
        status: batchStatusLabels[b.status as BatchStatus] ?? b.status,
        uitvoerdatum: b.uitvoerdatum,
        declaraties: paid.length,
        bedrag: bedrag(cents),
        inBetaalbestand: b.transfers.map((t) => ({ naam: t.naam, iban: t.iban, bedrag: bedrag(t.cents) })),
      };
    }),
    // What happened is the summary, in words; each change under its field's label, codes and amounts readable.
    logboek: audit.map((a) => {
      // An account id in a change (a begeleider) reads as the account's name.
      const value = (field: string, v: unknown) =>
        typeof v === 'string' && accounts.has(v) ? who(v) : readable(field, v, a.record_type);
      return {
        kenmerk: a.id,
        tijdstip: a.at,
        door: who(a.account_id),
        onderdeel: a.record_type ? (recordTypeLabels[a.record_type] ?? a.record_type) : '',
        samenvatting: a.summary,
        wijzigingen: (JSON.parse(a.changes) as { field: string; before: unknown; after: unknown }[]).map(
          (ch) => ({
            veld: labelOf(ch.field),
            voor: value(ch.field, ch.before),
            na: value(ch.field, ch.after),
          }),
        ),
      };
    }),
    verwijdering: removal
      ? {
          op: removal.at,
          grens: removal.grens,
          aantallen: JSON.parse(removal.aantallen) as Record<string, number>,
        }
      : null,
  };
}

/** Audit entries about these records, oldest first; the ids are read in chunks to keep each query small. */
async function auditRows(db: Reader, recordIds: string[]) {
  const rows = [];
  for (let i = 0; i < recordIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('audit_log')
        .select(['id', 'at', 'account_id', 'record_type', 'summary', 'changes'])
        .where('record_id', 'in', recordIds.slice(i, i + 500))
        .execute()),
    );
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Counts per part, for the audit entry: what was exported, never the data itself. */
export function inzageCounts(data: InzageData): Record<string, number> {
  return {
    contracten: data.contracten.length,
    popVersies: data.pop?.versies.length ?? 0,
    verslagen: data.begeleidingslog.length,
    vertrouwelijkeVerslagen: data.begeleidingslog.filter((e) => e.vertrouwelijk).length,
    declaraties: data.declaraties.length,
    logboekregels: data.logboek.length,
  };
}
