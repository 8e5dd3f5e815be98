/**
 * The functieprofiel Schakel ships with, "Sleutelpersoon vrijwilliger", written for Schakel from the field's own
 * description of the work. Frozen here as migration 0003 inserted it; organisations edit their copy in the app.
 */
export const starterProfile = {
  titel: 'Sleutelpersoon vrijwilliger',
  doel: 'De sleutelpersoon slaat een brug tussen nieuwkomers en de instanties in de gemeente. Vanuit eigen ervaring met migratie helpt de sleutelpersoon mensen de weg te vinden, brengt vragen en signalen uit de doelgroep naar professionals en helpt professionals de doelgroep beter te bereiken.',
  taken: [
    {
      rol: 'voorlichter',
      taken: [
        'Geeft voorlichting aan individuen en groepen in de eigen taal en in het Nederlands.',
        'Helpt bij het organiseren van informatiebijeenkomsten, samen met ketenpartners.',
      ],
    },
    {
      rol: 'adviseur',
      taken: [
        'Adviseert de doelgroep over de weg naar voorzieningen en instanties.',
        'Denkt mee met professionals en neemt deel aan klankbordgroepen.',
      ],
    },
    {
      rol: 'bemiddelaar',
      taken: [
        'Bemiddelt tussen culturen en partijen als er misverstanden ontstaan.',
        'Gaat mee naar gesprekken waar dat helpt.',
      ],
    },
    {
      rol: 'verkenner',
      taken: [
        'Vangt behoeften en problemen in de doelgroep vroeg op.',
        'Meldt signalen bij de vaste begeleider of de juiste ketenpartner.',
      ],
    },
  ],
  leefgebieden: [
    'gezondheid',
    'psychische gezondheid',
    'opvoeding en onderwijs',
    'werk en inkomen',
    'taal en inburgering',
  ],
  eisen: [
    'Eigen ervaring met migratie of vlucht.',
    'Belangstelling voor en basiskennis van zorg en welzijn in Nederland.',
    'Een achtergrond in zorg, welzijn of onderwijs is een pré.',
    'Minimaal mbo-werk- en denkniveau.',
    'Nederlands op minimaal B1-niveau en één of meer andere talen.',
  ],
  competenties: [
    'Open, neutraal en cultuursensitief',
    'Ondernemend en een netwerker',
    'Teamspeler die anderen kan motiveren',
    'Bereid om scholing en intervisie te volgen',
  ],
  werkomstandigheden:
    'De sleutelpersoon werkt vanuit de welzijnsorganisatie, met een vaste begeleider als aanspreekpunt. Afspraken over bereikbaarheid beschermen de eigen grenzen: buiten de afgesproken tijden hoeft de sleutelpersoon niet bereikbaar te zijn.',
  velden: [
    { naam: 'uren_per_week', label: 'Uren per week', soort: 'getal', verplicht: true, keuzes: [] },
    { naam: 'gemeente', label: 'Gemeente of regio', soort: 'tekst', verplicht: true, keuzes: [] },
    { naam: 'doelgroep', label: 'Doelgroep', soort: 'lange_tekst', verplicht: true, keuzes: [] },
    { naam: 'talen', label: 'Vereiste talen', soort: 'talen', verplicht: true, keuzes: [] },
    {
      naam: 'achtergrond',
      label: 'Specifieke achtergrond',
      soort: 'lange_tekst',
      verplicht: false,
      keuzes: [],
    },
  ],
  standaardVorm: 'vrijwilligersovereenkomst',
  standaardVergoedingEenheid: 'uur',
  standaardVergoedingCents: 5_00,
} as const;
