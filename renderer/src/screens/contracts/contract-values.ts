import {
  type Contract,
  type ContractDraft,
  type ContractDraftInput,
  type ContractTermsInProgress,
  contractTermDefaults,
  formKeys,
} from '../../../../shared/contracts.ts';
import type { Person } from '../../../../shared/persons.ts';
import type { Profile } from '../../../../shared/profiles.ts';

/**
 * The editor's values: every term of every form at once, read off the contract schema, so switching form keeps
 * what was typed. Their defaults live beside the schema (`contractTermDefaults`).
 */
export type EditorValues = ContractTermsInProgress;

/** A new draft: the schema's defaults, then what the functieprofiel and the person bring. */
export function newDraftValues(person: Person, profile: Profile | null): EditorValues {
  const version = profile?.current;
  return {
    ...contractTermDefaults,
    velden: {},
    vorm: version?.standaardVorm ?? contractTermDefaults.vorm,
    profileVersionId: version?.versionId ?? null,
    vergoedingEenheid: version?.standaardVergoedingEenheid ?? contractTermDefaults.vergoedingEenheid,
    vergoedingCents: version?.standaardVergoedingCents ?? contractTermDefaults.vergoedingCents,
    vasteBegeleiderId: person.begeleiderId,
  };
}

/** An existing draft on top of other values; a term the draft leaves empty is empty in the form too. */
function valuesFromDraft(base: EditorValues, draft: ContractDraft): EditorValues {
  const values: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(draft)) {
    if (name === 'personId' || !Object.hasOwn(base, name)) continue;
    values[name] = value ?? (typeof values[name] === 'string' ? '' : null);
  }
  return values as EditorValues;
}

/**
 * What the editor opens with: a concept as it was saved, the next contract in someone's path (doorgroei: the same
 * form, profile and fill-in values, new dates), or a new draft. A profile other than the draft's own brings its
 * current version; the draft's own keeps the version the draft was made from.
 */
export function initialValues(
  person: Person,
  profile: Profile | null,
  existing: Contract | null,
  from: Contract | null,
): EditorValues {
  const fresh = newDraftValues(person, profile);
  const source = existing ?? from;
  if (!source) return fresh;
  const values = valuesFromDraft(fresh, source.draft);
  const sameVersion = existing !== null && (profile?.id ?? null) === existing.profileId;
  return {
    ...values,
    profileVersionId: sameVersion ? values.profileVersionId : fresh.profileVersionId,
    ...(existing ? {} : { startdatum: null, einddatum: null }),
  };
}

/** Only the chosen form's terms go to the main process, which checks them; '' is sent as not filled in. */
export function toDraft(values: EditorValues, personId: string): ContractDraftInput {
  const all: Record<string, unknown> = { ...values, personId };
  return Object.fromEntries(
    formKeys[values.vorm].map((name) => [name, all[name] === '' ? null : all[name]]),
  ) as ContractDraftInput;
}
