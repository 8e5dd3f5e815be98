import type { ContractDraft } from '../../../shared/contracts.ts';
import type { Block, DocumentModel } from '../../../shared/document-model.ts';
import { formatCents, formatDateLong } from '../../../shared/format.ts';
import { fullName, type Person } from '../../../shared/persons.ts';
import { allowanceUnitLabels, contractFormLabels, type ProfileContent } from '../../../shared/profiles.ts';
import type { Settings } from '../../../shared/settings.ts';

export interface ContractContext {
  draft: ContractDraft;
  nummer: string;
  versie: number;
  person: Person;
  profile: ProfileContent | null;
  settings: Settings;
  begeleiderNaam: string | null;
  signerName: string;
  concept: boolean;
}

export function organisationHead(s: Settings): DocumentModel['organisation'] {
  return {
    name: s.naam,
    addressLines: [
      [s.straat, s.huisnummer].filter(Boolean).join(' '),
      [s.postcode, s.plaats].filter(Boolean).join('  '),
    ].filter((l) => l !== ''),
    kvk: s.kvkNummer,
    logo: s.logo,
  };
}

const yes = (v: boolean) => (v ? 'ja' : 'nee');
const period = (d: ContractDraft) =>
  d.einddatum
    ? `van ${formatDateLong(d.startdatum)} tot en met ${formatDateLong(d.einddatum)}`
    : `vanaf ${formatDateLong(d.startdatum)}, voor onbepaalde tijd`;

/** A fill-in field's value as printed; an empty one is left out of the contract rather than printed as a dash. */
function fieldValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

/** The work: the profile's purpose, tasks per role and the fields this contract filled in. */
function workBlocks(c: ContractContext): Block[] {
  if (!c.profile) return [{ kind: 'paragraph', text: 'De werkzaamheden worden in overleg vastgesteld.' }];
  const p = c.profile;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Functie: ${p.titel}. ${p.doel}` },
    ...p.taken.flatMap((t): Block[] => [
      { kind: 'heading', text: `Als ${t.rol}` },
      { kind: 'bullets', items: t.taken },
    ]),
  ];
  const filled = p.velden
    .map((f): [string, string] => [f.label, fieldValue(c.draft.velden[f.naam])])
    .filter(([, value]) => value !== '');
  if (filled.length > 0) blocks.push({ kind: 'facts', rows: filled });
  if (p.leefgebieden.length > 0) {
    blocks.push({ kind: 'paragraph', text: `Leefgebieden: ${p.leefgebieden.join(', ')}.` });
  }
  return blocks;
}

function personFacts(p: Person): [string, string][] {
  const address = [
    [p.straat, p.huisnummer].filter(Boolean).join(' '),
    [p.postcode, p.plaats].filter(Boolean).join(' '),
  ]
    .filter((l) => l !== '')
    .join(', ');
  const rows: [string, string][] = [
    ['Naam', [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ')],
  ];
  if (p.geboortedatum) rows.push(['Geboortedatum', formatDateLong(p.geboortedatum)]);
  if (address) rows.push(['Adres', address]);
  return rows;
}

function volunteerSections(
  c: ContractContext,
  d: Extract<ContractDraft, { vorm: 'vrijwilligersovereenkomst' }>,
) {
  const allowance =
    d.vergoedingEenheid === 'geen'
      ? 'De vrijwilliger ontvangt geen vrijwilligersvergoeding.'
      : `De vrijwilliger ontvangt een vrijwilligersvergoeding van ${formatCents(d.vergoedingCents)} ${allowanceUnitLabels[d.vergoedingEenheid]}. De vrijwilliger meldt vergoedingen die hij of zij elders voor vrijwilligerswerk ontvangt, zodat samen de fiscale grenzen bewaakt kunnen worden.`;
  return [
    { title: 'Werkzaamheden', blocks: workBlocks(c) },
    {
      title: 'Duur en beëindiging',
      blocks: [
        { kind: 'paragraph', text: `Deze overeenkomst geldt ${period(d)}.` },
        {
          kind: 'paragraph',
          text: `Beide partijen kunnen de overeenkomst opzeggen met een opzegtermijn van ${d.opzegtermijnWeken} ${d.opzegtermijnWeken === 1 ? 'week' : 'weken'}. Bij een conflict zoeken partijen eerst samen met de vaste begeleider naar een oplossing.`,
        },
      ],
    },
    {
      title: 'Werktijden en bereikbaarheid',
      blocks: [
        { kind: 'paragraph', text: d.werktijden ?? 'Werktijden worden in onderling overleg afgesproken.' },
        {
          kind: 'paragraph',
          text:
            d.bereikbaarheid ??
            'Buiten de afgesproken tijden is de vrijwilliger niet bereikbaar voor het werk.',
        },
        {
          kind: 'facts',
          rows: [['Werktelefoon', d.werktelefoon ? 'verstrekt door de organisatie' : 'niet verstrekt']],
        },
      ],
    },
    {
      title: 'Begeleiding, scholing en inspraak',
      blocks: [
        {
          kind: 'paragraph',
          text: `De vrijwilliger heeft een vaste begeleider${c.begeleiderNaam ? `: ${c.begeleiderNaam}` : ''}. Samen stellen zij een persoonlijk ontwikkelingsplan op en bespreken het regelmatig.`,
        },
        {
          kind: 'paragraph',
          text: d.scholing ?? 'De vrijwilliger kan deelnemen aan scholing en intervisie van de organisatie.',
        },
        { kind: 'paragraph', text: 'De vrijwilliger wordt gehoord over zaken die het eigen werk betreffen.' },
      ],
    },
    {
      title: 'Vergoedingen',
      blocks: [
        { kind: 'paragraph', text: allowance },
        {
          kind: 'facts',
          rows: [
            [
              'Kilometervergoeding',
              d.kmVergoedingCents > 0 ? `${formatCents(d.kmVergoedingCents)} per km` : 'geen',
            ],
            ['Onkosten met bon', d.onkostenMetBon ? 'worden vergoed' : 'worden niet vergoed'],
          ],
        },
      ],
    },
    {
      title: 'Verzekeringen en aansprakelijkheid',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['WA-verzekering', yes(d.waVerzekering)],
            ['Ongevallenverzekering', yes(d.ongevallenVerzekering)],
            ['Verzekerd via', d.verzekeringVia ?? 'de organisatie'],
          ],
        },
        {
          kind: 'paragraph',
          text: 'De organisatie is aansprakelijk voor schade die de vrijwilliger bij het werk aan derden toebrengt, tenzij er sprake is van opzet of grove schuld.',
        },
      ],
    },
    {
      title: 'Geheimhouding en privacy',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De vrijwilliger houdt geheim wat hij of zij bij het werk over anderen te weten komt, ook na afloop van deze overeenkomst. De organisatie gaat zorgvuldig om met de persoonsgegevens van de vrijwilliger, volgens de AVG.',
        },
      ],
    },
    {
      title: 'Klachten',
      blocks: [{ kind: 'paragraph', text: 'Voor klachten geldt de klachtenregeling van de organisatie.' }],
    },
  ];
}

function employmentSections(c: ContractContext, d: Extract<ContractDraft, { vorm: 'arbeidsovereenkomst' }>) {
  return [
    { title: 'Functie en werkzaamheden', blocks: workBlocks(c) },
    {
      title: 'Duur en proeftijd',
      blocks: [
        { kind: 'paragraph', text: `De werknemer treedt in dienst ${period(d)}.` },
        {
          kind: 'paragraph',
          text:
            d.proeftijdMaanden > 0
              ? `Er geldt een proeftijd van ${d.proeftijdMaanden} ${d.proeftijdMaanden === 1 ? 'maand' : 'maanden'}.`
              : 'Er geldt geen proeftijd.',
        },
      ],
    },
    {
      title: 'Arbeidsduur en salaris',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Uren per week', String(d.urenPerWeek)],
            ['Cao', d.cao],
            ['Schaal en trede', [d.schaal, d.trede].filter(Boolean).join(', trede ')],
            ['Bruto maandsalaris', formatCents(d.brutoMaandsalarisCents)],
          ],
        },
      ],
    },
    {
      title: 'Geheimhouding en privacy',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De werknemer houdt geheim wat hij of zij bij het werk over anderen te weten komt.',
        },
      ],
    },
    {
      title: 'Overige bepalingen',
      blocks: [{ kind: 'paragraph', text: `Op deze overeenkomst is de ${d.cao} van toepassing.` }],
    },
  ];
}

function internshipSections(c: ContractContext, d: Extract<ContractDraft, { vorm: 'stage' }>) {
  return [
    { title: 'Werkzaamheden', blocks: workBlocks(c) },
    {
      title: 'Opleiding en begeleiding',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Onderwijsinstelling', d.onderwijsinstelling],
            ['Opleiding', d.opleiding],
            ['Praktijkbegeleider', d.praktijkbegeleider],
          ],
        },
      ],
    },
    {
      title: 'Duur en uren',
      blocks: [{ kind: 'paragraph', text: `De stage loopt ${period(d)}, ${d.urenPerWeek} uur per week.` }],
    },
    {
      title: 'Stagevergoeding',
      blocks: [
        {
          kind: 'paragraph',
          text:
            d.stagevergoedingCents > 0
              ? `De stagiair ontvangt ${formatCents(d.stagevergoedingCents)} per maand.`
              : 'Er is geen stagevergoeding.',
        },
      ],
    },
    {
      title: 'Geheimhouding',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De stagiair houdt geheim wat hij of zij tijdens de stage over anderen te weten komt.',
        },
      ],
    },
  ];
}

function assignmentSections(c: ContractContext, d: Extract<ContractDraft, { vorm: 'opdracht' }>) {
  return [
    {
      title: 'Opdracht',
      blocks: [{ kind: 'paragraph', text: d.opdrachtOmschrijving }, ...(c.profile ? workBlocks(c) : [])],
    },
    { title: 'Periode', blocks: [{ kind: 'paragraph', text: `De opdracht loopt ${period(d)}.` }] },
    {
      title: 'Tarief en facturering',
      blocks: [
        {
          kind: 'paragraph',
          text:
            d.tariefSoort === 'uur'
              ? `Het tarief is ${formatCents(d.tariefCents)} per uur, exclusief btw.`
              : `De vaste prijs voor de opdracht is ${formatCents(d.tariefCents)}, exclusief btw.`,
        },
        { kind: 'facts', rows: [['KvK-nummer opdrachtnemer', d.kvkNummer]] },
      ],
    },
    {
      title: 'Zelfstandigheid',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De opdrachtnemer voert de opdracht zelfstandig uit en bepaalt zelf hoe. Er is geen sprake van een arbeidsovereenkomst.',
        },
      ],
    },
    {
      title: 'Geheimhouding',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De opdrachtnemer houdt geheim wat hij of zij bij de opdracht over anderen te weten komt.',
        },
      ],
    },
  ];
}

const partyNames = {
  vrijwilligersovereenkomst: 'De vrijwilliger',
  arbeidsovereenkomst: 'De werknemer',
  stage: 'De stagiair',
  opdracht: 'De opdrachtnemer',
} as const;

/** The contract as a document: one layout per form, the parties first and room for both signatures last. */
export function contractDocument(c: ContractContext): DocumentModel {
  const d = c.draft;
  const sections =
    d.vorm === 'vrijwilligersovereenkomst'
      ? volunteerSections(c, d)
      : d.vorm === 'arbeidsovereenkomst'
        ? employmentSections(c, d)
        : d.vorm === 'stage'
          ? internshipSections(c, d)
          : assignmentSections(c, d);
  const name = fullName({ ...c.person, roepnaam: null });
  return {
    title: contractFormLabels[d.vorm],
    subtitle: `tussen ${c.settings.naam} en ${name}`,
    organisation: organisationHead(c.settings),
    footer: `Contract ${c.nummer} · versie ${c.versie}`,
    ...(c.concept ? { watermark: 'CONCEPT' } : {}),
    numberSections: true,
    sections: [
      {
        title: 'Partijen',
        blocks: [
          { kind: 'paragraph', text: `${c.settings.naam}, hierna: de organisatie, en` },
          { kind: 'facts', rows: personFacts(c.person) },
          {
            kind: 'paragraph',
            text: `hierna: ${partyNames[d.vorm].toLowerCase()}, komen het volgende overeen.`,
          },
        ],
      },
      ...(sections as DocumentModel['sections']),
    ],
    signatories: [
      { role: `Namens ${c.settings.naam}`, name: c.signerName },
      { role: partyNames[d.vorm], name },
    ],
  };
}

/** A functieprofiel as a document, for vacancies and for the person who takes the role. */
export function profileDocument(p: ProfileContent & { versie: number }, settings: Settings): DocumentModel {
  return {
    title: 'Functieprofiel',
    subtitle: p.titel,
    organisation: organisationHead(settings),
    footer: `Functieprofiel ${p.titel} · versie ${p.versie}`,
    numberSections: false,
    sections: [
      { title: 'Doel', blocks: [{ kind: 'paragraph', text: p.doel }] },
      {
        title: 'Taken',
        blocks: p.taken.flatMap((t): Block[] => [
          { kind: 'heading', text: `Als ${t.rol}` },
          { kind: 'bullets', items: t.taken },
        ]),
      },
      ...(p.leefgebieden.length
        ? [{ title: 'Leefgebieden', blocks: [{ kind: 'bullets' as const, items: p.leefgebieden }] }]
        : []),
      { title: 'Profiel', blocks: [{ kind: 'bullets', items: p.eisen }] },
      { title: 'Competenties', blocks: [{ kind: 'bullets', items: p.competenties }] },
      ...(p.werkomstandigheden
        ? [
            {
              title: 'Werkomstandigheden',
              blocks: [{ kind: 'paragraph' as const, text: p.werkomstandigheden }],
            },
          ]
        : []),
      {
        title: 'In te vullen per contract',
        blocks: [
          { kind: 'bullets', items: p.velden.map((f) => `${f.label}${f.verplicht ? '' : ' (optioneel)'}`) },
        ],
      },
    ],
    signatories: [],
  };
}
