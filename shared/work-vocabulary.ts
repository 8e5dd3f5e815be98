/**
 * The words of the work itself (DOMAIN.md, "Requests, matching and the spread of work" and "Inzet and
 * verantwoording"), shared by aanvragen, inzet and verantwoording: one list each, stored as the key, shown by label.
 * The roles an activity uses and the leefgebieden it touches come from profiles.ts (roleLists, leefgebieden).
 */

export const partnerKinds = [
  'gemeente',
  'ggd',
  'jgz',
  'school',
  'huisarts',
  'wijkteam',
  'vluchtelingenwerk',
  'woningcorporatie',
  'werkgever',
  'anders',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const partnerKindLabels: Record<PartnerKind, string> = {
  gemeente: 'Gemeente',
  ggd: 'GGD',
  jgz: 'Consultatiebureau / JGZ',
  school: 'School',
  huisarts: 'Huisarts',
  wijkteam: 'Wijkteam',
  vluchtelingenwerk: 'VluchtelingenWerk',
  woningcorporatie: 'Woningcorporatie',
  werkgever: 'Werkgever',
  anders: 'Anders',
};

/** The kinds of activity the model project keeps; a request asks for one of them as its kind of help. */
export const activityKinds = [
  'individuele_ondersteuning',
  'groepsvoorlichting',
  'bemiddeling',
  'huisbezoek',
  'doorverwijzing',
  'netwerk_signalering',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = {
  individuele_ondersteuning: 'Individuele ondersteuning',
  groepsvoorlichting: 'Groepsvoorlichting',
  bemiddeling: 'Bemiddeling / gesprek met een instantie',
  huisbezoek: 'Huisbezoek',
  doorverwijzing: 'Doorverwijzing',
  netwerk_signalering: 'Netwerk- of signaleringsactiviteit',
};

export const requestStatuses = ['nieuw', 'gematcht', 'uitgevoerd', 'afgesloten', 'niet_uitvoerbaar'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestStatusLabels: Record<RequestStatus, string> = {
  nieuw: 'Nieuw',
  gematcht: 'Gematcht',
  uitgevoerd: 'Uitgevoerd',
  afgesloten: 'Afgesloten',
  niet_uitvoerbaar: 'Niet uitvoerbaar',
};

/** Categories of the hulpvraag; the short note beside them carries no names. */
export const hulpvraagCategories = [
  'gezondheidszorg',
  'psychische_klachten',
  'opvoeding',
  'onderwijs',
  'werk',
  'inkomen_uitkering',
  'schulden',
  'wonen',
  'inburgering_taal',
  'gezinshereniging',
  'juridisch_verblijf',
  'sociaal_netwerk',
  'anders',
] as const;
export type HulpvraagCategory = (typeof hulpvraagCategories)[number];
export const hulpvraagLabels: Record<HulpvraagCategory, string> = {
  gezondheidszorg: 'Gezondheidszorg',
  psychische_klachten: 'Psychische klachten',
  opvoeding: 'Opvoeding',
  onderwijs: 'Onderwijs',
  werk: 'Werk',
  inkomen_uitkering: 'Inkomen en uitkering',
  schulden: 'Geldzaken en schulden',
  wonen: 'Wonen',
  inburgering_taal: 'Inburgering en taal',
  gezinshereniging: 'Gezinshereniging',
  juridisch_verblijf: 'Verblijf en juridische vragen',
  sociaal_netwerk: 'Eenzaamheid en sociaal netwerk',
  anders: 'Anders',
};

/** Where someone was referred to: a kind of professional or organisation, never a named person. */
export const referralKinds = [
  'huisarts',
  'ggz',
  'ggd_jgz',
  'wijkteam',
  'school',
  'gemeente',
  'schuldhulp',
  'vluchtelingenwerk',
  'werk_uitkering',
  'woningcorporatie',
  'juridisch',
  'taal_inburgering',
  'anders',
] as const;
export type ReferralKind = (typeof referralKinds)[number];
export const referralLabels: Record<ReferralKind, string> = {
  huisarts: 'Huisarts',
  ggz: 'GGZ',
  ggd_jgz: 'GGD / JGZ',
  wijkteam: 'Wijkteam',
  school: 'School',
  gemeente: 'Gemeente',
  schuldhulp: 'Schuldhulpverlening',
  vluchtelingenwerk: 'VluchtelingenWerk',
  werk_uitkering: 'Werk en inkomen (UWV, werkplein)',
  woningcorporatie: 'Woningcorporatie',
  juridisch: 'Juridisch loket / advocaat',
  taal_inburgering: 'Taalaanbieder / inburgering',
  anders: 'Anders',
};

/** Tags an activity carries, counted by the report; each kind has its own list. */
export const inzetTagKinds = ['rol', 'leefgebied', 'hulpvraag', 'doorverwijzing'] as const;
export type InzetTagKind = (typeof inzetTagKinds)[number];

/** Origin regions for people reached: coarse on purpose, so a count never points at one family. */
export const originRegions = [
  'hoorn_van_afrika',
  'midden_oosten',
  'noord_afrika',
  'west_afrika',
  'centraal_zuidelijk_afrika',
  'afghanistan_iran',
  'oost_europa',
  'oekraine',
  'zuid_oost_azie',
  'latijns_amerika',
  'anders',
] as const;
export type OriginRegion = (typeof originRegions)[number];
export const originRegionLabels: Record<OriginRegion, string> = {
  hoorn_van_afrika: 'Hoorn van Afrika',
  midden_oosten: 'Midden-Oosten',
  noord_afrika: 'Noord-Afrika',
  west_afrika: 'West-Afrika',
  centraal_zuidelijk_afrika: 'Centraal- en Zuidelijk Afrika',
  afghanistan_iran: 'Afghanistan en Iran',
  oost_europa: 'Oost-Europa',
  oekraine: 'Oekraïne',
  zuid_oost_azie: 'Zuid- en Oost-Azië',
  latijns_amerika: 'Latijns-Amerika',
  anders: 'Anders',
};

/** Reach dimensions with a free value per row (region key, or a language name). */
export const reachDimensions = ['herkomst', 'taal'] as const;
export type ReachDimension = (typeof reachDimensions)[number];

/** Dagdelen of the weekly availability pattern, stored as 'ma-ochtend'. */
export const weekdays = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayNames: Record<Weekday, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};
export const dayparts = ['ochtend', 'middag', 'avond'] as const;
export type Dagdeel = `${(typeof weekdays)[number]}-${(typeof dayparts)[number]}`;
export const dagdelen: readonly Dagdeel[] = weekdays.flatMap((d) =>
  dayparts.map((p) => `${d}-${p}` as Dagdeel),
);

/** 'ma-ochtend' → 'maandagochtend'; 'ma' → 'maandag'. */
export function dagdeelLabel(d: Dagdeel | string): string {
  const [day = '', part = ''] = d.split('-');
  return `${weekdayNames[day as Weekday] ?? day}${part}`;
}

/** Below this, a count in a published report shows as "< 5" so no newcomer can be recognised. */
export const smallCountThreshold = 5;
