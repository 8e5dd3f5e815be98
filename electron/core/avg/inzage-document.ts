import { dutchDate } from '../../../shared/dates.ts';
import type { Block, DocumentModel } from '../../../shared/document-model.ts';
import { labelOf } from '../../../shared/field-labels.ts';
import { formatDate, formatDateLong, formatDateTime, formatIban } from '../../../shared/format.ts';
import type { Settings } from '../../../shared/settings.ts';
import { organisationHead } from '../contracts/documents.ts';
import type { InzageData } from './inzage.ts';

const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : String(v);
const yes = (v: boolean) => (v ? 'ja' : 'nee');
const none = (text: string): Block[] => [{ kind: 'paragraph', text }];

/** The Dutch calendar day of a moment: a timestamp is UTC, the day it fell on is Dutch. */
const dayOf = (timestamp: string) => formatDateLong(dutchDate(new Date(timestamp)));

/**
 * A value of the export as a reader sees it: dates in Dutch, amounts written out, yes/no, fill-in fields as
 * 'name: value'. Codes and amounts were made readable when the data was gathered.
 */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (Array.isArray(value)) return value.map(shown).join(', ') || '—';
  if (typeof value === 'object' && 'weergave' in value) return String(value.weergave);
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}: ${shown(v)}`).join('; ');
  }
  return String(value);
}

/** A stored field's label; amounts lost their 'Cents' on the way into the export ('vergoeding'). */
function termLabel(key: string): string {
  if (key === 'vasteBegeleider') return 'Vaste begeleider';
  return labelOf(key) !== key ? labelOf(key) : labelOf(`${key}Cents`);
}

function personBlocks(d: InzageData): Block[] {
  const p = d.persoon;
  return [
    {
      kind: 'facts',
      rows: [
        ['Voornaam', p.voornaam],
        ['Tussenvoegsel', dash(p.tussenvoegsel)],
        ['Achternaam', p.achternaam],
        ['Roepnaam', dash(p.roepnaam)],
        ['Geboortedatum', p.geboortedatum ? formatDateLong(p.geboortedatum) : '—'],
        ['Geslacht', dash(p.geslacht)],
        ['Herkomstland', dash(p.herkomstland)],
        ['Niveau Nederlands', dash(p.niveauNederlands)],
        [
          'Adres',
          dash(
            [[p.straat, p.huisnummer].filter(Boolean).join(' '), p.postcode, p.plaats]
              .filter(Boolean)
              .join(', '),
          ),
        ],
        ['Gemeente', dash(p.gemeente)],
        ['Telefoon', dash(p.telefoon)],
        ['E-mail', dash(p.email)],
        ['IBAN', dash(formatIban(p.iban))],
        ['Bijstand', yes(p.bijstand)],
        ['Toestemming gemeente nodig', yes(p.toestemmingGemeenteNodig)],
        ['Datum toestemming', p.toestemmingGemeenteDatum ? formatDateLong(p.toestemmingGemeenteDatum) : '—'],
        ['VOG-afgiftedatum', p.vogAfgiftedatum ? formatDateLong(p.vogAfgiftedatum) : '—'],
        ['Status', `${p.status} sinds ${formatDateLong(p.statusDatum)}`],
        ['Vaste begeleider', dash(p.vasteBegeleider)],
        ['Notities', dash(p.notities)],
        ['Vastgelegd sinds', formatDateTime(p.aangemaaktOp)],
        ['Laatst gewijzigd', formatDateTime(p.gewijzigdOp)],
      ],
    },
    ...(d.talen.length > 0
      ? [
          { kind: 'heading' as const, text: 'Talen' },
          { kind: 'bullets' as const, items: d.talen.map((t) => `${t.taal} (${t.niveau})`) },
        ]
      : []),
  ];
}

function historyBlocks(d: InzageData): Block[] {
  if (d.statusgeschiedenis.length === 0) return none('Geen statuswijzigingen vastgelegd.');
  return [
    {
      kind: 'facts',
      rows: d.statusgeschiedenis.map((h): [string, string] => [
        formatDateLong(h.datum),
        [h.status, h.toelichting, h.vastgelegdDoor ? `vastgelegd door ${h.vastgelegdDoor}` : null]
          .filter(Boolean)
          .join(' · '),
      ]),
    },
  ];
}

function contractBlocks(d: InzageData): Block[] {
  if (d.contracten.length === 0) return none('Geen contracten vastgelegd.');
  return d.contracten.flatMap((c): Block[] => [
    { kind: 'heading', text: `${c.vorm} ${c.nummer}, versie ${c.versie} (${c.status.toLowerCase()})` },
    {
      kind: 'facts',
      rows: [
        [
          'Periode',
          `${formatDateLong(c.startdatum)} tot ${c.einddatum ? formatDateLong(c.einddatum) : 'onbepaalde tijd'}`,
        ],
        ['Functieprofiel', dash(c.functieprofiel)],
        ...Object.entries(c.voorwaarden)
          .filter(([key]) => !['vorm', 'startdatum', 'einddatum'].includes(key))
          .map(([key, value]): [string, string] => [termLabel(key), shown(value)]),
        ...(c.definitiefOp
          ? [['Definitief gemaakt', formatDateTime(c.definitiefOp)] as [string, string]]
          : []),
        ...(c.getekendOp ? [['Getekend', formatDateLong(c.getekendOp)] as [string, string]] : []),
        ...(c.beeindigdOp
          ? [
              ['Beëindigd', `${formatDateLong(c.beeindigdOp)}: ${dash(c.redenBeeindiging)}`] as [
                string,
                string,
              ],
            ]
          : []),
        ...(c.fiscaleReden ? [['Reden ondanks fiscale grens', c.fiscaleReden] as [string, string]] : []),
        [
          'Vastgelegd document',
          c.bewaardePdf
            ? `PDF van ${Math.ceil(c.bewaardePdf.bytes / 1024)} kB, zoals afgedrukt; de tekst staat in het JSON-bestand`
            : 'geen (concept)',
        ],
      ],
    },
  ]);
}

function popBlocks(d: InzageData): Block[] {
  if (!d.pop) return none('Geen persoonlijk ontwikkelingsplan vastgelegd.');
  const blocks: Block[] = d.pop.versies.flatMap((v): Block[] => [
    {
      kind: 'heading',
      text: `Versie ${v.versie} van ${dayOf(v.gemaaktOp)}${v.gemaaktDoor ? `, door ${v.gemaaktDoor}` : ''}`,
    },
    {
      kind: 'facts',
      rows: [
        ['Gestart op', v.startdatum ? formatDateLong(v.startdatum) : '—'],
        ['Wat ik al goed kan', dash(v.kwaliteiten)],
        ['Waar ik naartoe wil', dash(v.ambitie)],
        ['Gespreksritme', dash(v.gespreksritme)],
        ...v.leerdoelen.map((g): [string, string] => [
          `Leerdoel: ${g.wat}`,
          [
            g.hoe && `hoe: ${g.hoe}`,
            g.wieHelpt && `wie helpt: ${g.wieHelpt}`,
            g.streefdatum && `klaar op ${formatDateLong(g.streefdatum)}`,
            `stand: ${g.stand.toLowerCase()}`,
          ]
            .filter(Boolean)
            .join(' · '),
        ]),
      ],
    },
  ]);
  if (d.pop.voortgang.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Voortgang van de leerdoelen' },
      {
        kind: 'facts',
        rows: d.pop.voortgang.map((p): [string, string] => [
          `${formatDate(p.datum)} · ${p.leerdoel}`,
          `${p.stand}: ${p.notitie}${p.door ? ` (${p.door})` : ''}`,
        ]),
      },
    );
  }
  return blocks;
}

function logBlocks(d: InzageData): Block[] {
  if (d.begeleidingslog.length === 0) return none('Geen verslagen vastgelegd.');
  return d.begeleidingslog.flatMap((e): Block[] => [
    {
      kind: 'heading',
      text: `${formatDateLong(e.datum)} · ${e.soort}${e.signaal ? ` (${e.signaal.toLowerCase()})` : ''}${e.vertrouwelijk ? ' · VERTROUWELIJK' : ''}`,
    },
    ...(e.vertrouwelijk
      ? [
          {
            kind: 'notice' as const,
            text: 'Vertrouwelijk verslag: binnen de organisatie alleen te lezen door de schrijver en de projectleiders.',
          },
        ]
      : []),
    { kind: 'paragraph', text: e.samenvatting },
    ...(e.weggelaten ? [{ kind: 'paragraph' as const, text: e.weggelaten }] : []),
    {
      kind: 'facts',
      rows: [
        ['Geschreven door', dash(e.geschrevenDoor)],
        ...(e.duurMinuten ? [['Duur', `${e.duurMinuten} minuten`] as [string, string]] : []),
        ...(e.afspraken ? [['Afspraken', e.afspraken] as [string, string]] : []),
        ...(e.volgendeAfspraak
          ? [['Volgende afspraak', formatDateLong(e.volgendeAfspraak)] as [string, string]]
          : []),
        ...(e.opvolging ? [['Opvolging', e.opvolging] as [string, string]] : []),
        ...(e.geslotenOp ? [['Gesloten op', formatDateLong(e.geslotenOp)] as [string, string]] : []),
      ],
    },
  ]);
}

function intervisieBlocks(d: InzageData): Block[] {
  const { groepen, bijeenkomsten } = d.intervisie;
  if (groepen.length === 0 && bijeenkomsten.length === 0) return none('Geen intervisie vastgelegd.');
  return [
    {
      kind: 'paragraph',
      text:
        groepen.length > 0
          ? `Lid van: ${groepen.map((g) => g.groep).join(', ')}.`
          : 'Nu geen lid van een groep.',
    },
    ...(bijeenkomsten.length > 0
      ? [
          {
            kind: 'facts' as const,
            rows: bijeenkomsten.map((s): [string, string] => [
              formatDateLong(s.datum),
              `Aanwezig bij ${s.groep}: ${s.thema}${s.duurMinuten ? ` (${s.duurMinuten} minuten)` : ''}`,
            ]),
          },
        ]
      : []),
  ];
}

function claimBlocks(d: InzageData): Block[] {
  if (d.declaraties.length === 0) return none('Geen declaraties vastgelegd.');
  return d.declaraties.flatMap((c): Block[] => [
    { kind: 'heading', text: `${formatDateLong(c.datum)} · ${c.soort} · ${c.bedrag.weergave}` },
    {
      kind: 'facts',
      rows: [
        ['Omschrijving', c.omschrijving],
        ...(c.van || c.naar ? [['Van – naar', `${dash(c.van)} – ${dash(c.naar)}`] as [string, string]] : []),
        ...(c.km ? [['Kilometers', String(c.km)] as [string, string]] : []),
        ...(c.minuten ? [['Tijd', `${c.minuten} minuten`] as [string, string]] : []),
        ['Status', c.status],
        ...(c.redenAfwijzing ? [['Reden afwijzing', c.redenAfwijzing] as [string, string]] : []),
        ...(c.eerstIngevoerd
          ? [
              [
                'Eerst ingevoerd',
                Object.entries(c.eerstIngevoerd)
                  .filter(([, v]) => v !== null && v !== '')
                  .map(([k, v]) => `${termLabel(k)}: ${shown(v)}`)
                  .join('; '),
              ] as [string, string],
            ]
          : []),
        ...(c.betaalbatch ? [['Betaald in', c.betaalbatch] as [string, string]] : []),
        [
          'Bonnen',
          c.bonnen.length === 0
            ? 'geen'
            : c.bonnen.map((b) => `${b.bestand} (${b.soort}, ${Math.ceil(b.bytes / 1024)} kB)`).join(', '),
        ],
      ],
    },
  ]);
}

function payoutBlocks(d: InzageData): Block[] {
  if (d.uitbetalingen.length === 0) return none('Geen uitbetalingen vastgelegd.');
  return [
    {
      kind: 'facts',
      rows: d.uitbetalingen.map((u): [string, string] => [
        `Betaalbatch ${u.betaalbatch}`,
        [
          `${u.bedrag.weergave}${u.declaraties > 0 ? ` voor ${u.declaraties} declaratie${u.declaraties === 1 ? '' : 's'}` : ''}, uitvoerdatum ${formatDateLong(u.uitvoerdatum)} (${u.status.toLowerCase()})`,
          ...u.inBetaalbestand.map(
            (t) => `In het betaalbestand: ${t.bedrag.weergave} aan ${t.naam}, ${formatIban(t.iban)}`,
          ),
        ].join('\n'),
      ]),
    },
  ];
}

function auditBlocks(d: InzageData): Block[] {
  if (d.logboek.length === 0) return none('Geen wijzigingen vastgelegd.');
  return [
    {
      kind: 'paragraph',
      text: 'Elke wijziging in Schakel wordt vastgelegd: wanneer, door wie en wat er veranderde.',
    },
    {
      kind: 'facts',
      rows: d.logboek.map((a): [string, string] => [
        `${formatDateTime(a.tijdstip)}${a.door ? `\n${a.door}` : ''}`,
        [
          a.samenvatting,
          ...a.wijzigingen
            .filter((w) => !(w.voor === null && (w.na === null || w.na === '')))
            // No arrow: the PDF font has none. 'Telefoon: van 06 1111 naar 06 2222'.
            .map(
              (w) =>
                `${w.veld}: ${w.voor === null ? shown(w.na) : `van ${shown(w.voor)} naar ${shown(w.na)}`}`,
            ),
        ].join('\n'),
      ]),
    },
  ];
}

/** The inzage export as a readable document on the organisation's letterhead. */
export function inzageDocument(d: InzageData, settings: Settings): DocumentModel {
  const o = d.overzicht;
  return {
    title: o.titel,
    subtitle: d.persoon.naam,
    organisation: organisationHead(settings),
    footer: `Inzageverzoek ${d.persoon.naam} · ${dayOf(o.gemaaktOp)}`,
    numberSections: false,
    sections: [
      {
        title: 'Over dit overzicht',
        blocks: [
          ...o.toelichting.map((text): Block => ({ kind: 'paragraph', text })),
          {
            kind: 'facts',
            rows: [
              ['Verwerkingsverantwoordelijke', o.verwerkingsverantwoordelijke.naam],
              ['Adres', dash(o.verwerkingsverantwoordelijke.adres)],
              ['KvK-nummer', dash(o.verwerkingsverantwoordelijke.kvkNummer)],
              ['Grondslag', o.grondslag],
              ['Gemaakt op', formatDateTime(o.gemaaktOp)],
              ['Gemaakt door', dash(o.gemaaktDoor)],
            ],
          },
          ...(d.verwijdering
            ? [
                {
                  kind: 'notice' as const,
                  text: `Deze gegevens zijn op ${dayOf(d.verwijdering.op)} na afloop van de bewaartermijn geanonimiseerd.`,
                },
              ]
            : []),
        ],
      },
      { title: 'Persoonsgegevens', blocks: personBlocks(d) },
      { title: 'Statusgeschiedenis', blocks: historyBlocks(d) },
      { title: 'Contracten', blocks: contractBlocks(d) },
      { title: 'Persoonlijk ontwikkelingsplan (POP)', blocks: popBlocks(d) },
      { title: 'Begeleidingslog', blocks: logBlocks(d) },
      { title: 'Intervisie', blocks: intervisieBlocks(d) },
      { title: 'Declaraties', blocks: claimBlocks(d) },
      { title: 'Uitbetalingen', blocks: payoutBlocks(d) },
      { title: 'Wijzigingen (logboek)', blocks: auditBlocks(d) },
    ],
    signatories: [],
  };
}
