import type { ContractDraft, ContractDraftInput } from '../../../../shared/contracts.ts';
import { formKeys } from '../../../../shared/contracts.ts';
import type { Person } from '../../../../shared/persons.ts';
import type { ContractForm, Profile } from '../../../../shared/profiles.ts';

/** The editor holds the terms of every form at once, so switching form keeps what was typed. */
export interface EditorValues {
  vorm: ContractForm;
  profileVersionId: string | null;
  velden: Record<string, string | number | string[]>;
  startdatum: string | null;
  einddatum: string | null;
  // vrijwilligersovereenkomst
  vergoedingEenheid: 'uur' | 'maand' | 'activiteit' | 'geen';
  vergoedingCents: number | null;
  verwachtUrenPerMaand: number | null;
  verwachteActiviteitenPerMaand: number | null;
  kmVergoedingCents: number | null;
  verwachteKmPerMaand: number | null;
  andereOrganisatiesPerMaandCents: number | null;
  onkostenMetBon: boolean;
  waVerzekering: boolean;
  ongevallenVerzekering: boolean;
  verzekeringVia: string;
  vasteBegeleiderId: string | null;
  werktijden: string;
  bereikbaarheid: string;
  werktelefoon: boolean;
  scholing: string;
  opzegtermijnWeken: number | null;
  // arbeidsovereenkomst
  urenPerWeek: number | null;
  cao: string;
  schaal: string;
  trede: string;
  brutoMaandsalarisCents: number | null;
  proeftijdMaanden: number | null;
  // stage
  onderwijsinstelling: string;
  opleiding: string;
  praktijkbegeleider: string;
  stagevergoedingCents: number | null;
  // opdracht
  kvkNummer: string;
  opdrachtOmschrijving: string;
  tariefSoort: 'uur' | 'vast';
  tariefCents: number | null;
}

export function defaultValues(person: Person, profile: Profile | null): EditorValues {
  const p = profile?.current;
  return {
    vorm: p?.standaardVorm ?? 'vrijwilligersovereenkomst',
    profileVersionId: p?.versionId ?? null,
    velden: {},
    startdatum: null,
    einddatum: null,
    vergoedingEenheid: p?.standaardVergoedingEenheid ?? 'uur',
    vergoedingCents: p?.standaardVergoedingCents ?? 0,
    verwachtUrenPerMaand: null,
    verwachteActiviteitenPerMaand: null,
    kmVergoedingCents: 0,
    verwachteKmPerMaand: null,
    andereOrganisatiesPerMaandCents: 0,
    onkostenMetBon: true,
    waVerzekering: true,
    ongevallenVerzekering: true,
    verzekeringVia: '',
    vasteBegeleiderId: person.begeleiderId,
    werktijden: '',
    bereikbaarheid: '',
    werktelefoon: false,
    scholing: '',
    opzegtermijnWeken: 2,
    urenPerWeek: 18,
    cao: 'Cao Sociaal Werk',
    schaal: '',
    trede: '',
    brutoMaandsalarisCents: null,
    proeftijdMaanden: 1,
    onderwijsinstelling: '',
    opleiding: '',
    praktijkbegeleider: '',
    stagevergoedingCents: 0,
    kvkNummer: '',
    opdrachtOmschrijving: '',
    tariefSoort: 'uur',
    tariefCents: null,
  };
}

/** An existing draft on top of the defaults (a wijziging, or the next contract in someone's path). */
export function valuesFromDraft(base: EditorValues, draft: ContractDraft): EditorValues {
  const copy: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(draft))
    if (key !== 'personId') copy[key] = value ?? (typeof copy[key] === 'string' ? '' : null);
  return copy as unknown as EditorValues;
}

/** Only the chosen form's keys go to the main process, which checks them. */
export function toDraft(values: EditorValues, personId: string): ContractDraftInput {
  const all: Record<string, unknown> = { ...values, personId };
  return Object.fromEntries(
    formKeys[values.vorm].map((k) => [k, all[k] === '' ? null : all[k]]),
  ) as ContractDraftInput;
}
