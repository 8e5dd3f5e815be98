import { describe, expect, it } from 'vitest';
import {
  type Contract,
  type ContractDraft,
  contractDraftInput,
  contractTermDefaults,
  formKeys,
} from '../../../../shared/contracts.ts';
import type { Person } from '../../../../shared/persons.ts';
import { type ContractForm, contractForms, type Profile } from '../../../../shared/profiles.ts';
import { initialValues, newDraftValues, toDraft } from './contract-values.ts';
import { termLayout } from './term-layout.ts';

const personId = '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e9f';
const begeleiderId = '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e90';
const person = { id: personId, begeleiderId } as Person;
const profileOf = (id: string, versionId: string) =>
  ({
    id,
    current: {
      versionId,
      standaardVorm: 'vrijwilligersovereenkomst',
      standaardVergoedingEenheid: 'maand',
      standaardVergoedingCents: 50_00,
      velden: [],
    },
  }) as unknown as Profile;
const profile = profileOf('01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e91', '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e92');
const otherProfile = profileOf(
  '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e93',
  '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e94',
);

/** The terms every form shares: the form itself, the profile, the fill-in fields, the dates and the person. */
const sharedKeys = formKeys.vrijwilligersovereenkomst.filter((key) =>
  contractForms.every((vorm) => formKeys[vorm].includes(key)),
);
const ownTerms = (vorm: ContractForm) => formKeys[vorm].filter((key) => !sharedKeys.includes(key));
const fieldErrors = (input: unknown) => {
  const parsed = contractDraftInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.')).sort();
};

function savedContract(draft: ContractDraft, profileId: string | null): Contract {
  return { draft, profileId } as Contract;
}

describe('contract editor values, read off the schema', () => {
  it('places every term of every form in the editor exactly once', () => {
    expect(sharedKeys.sort()).toEqual([
      'einddatum',
      'personId',
      'profileVersionId',
      'startdatum',
      'velden',
      'vorm',
    ]);
    for (const vorm of contractForms) {
      const placed = termLayout[vorm].flatMap((section) => [...section.terms]);
      expect(placed.toSorted(), vorm).toEqual(ownTerms(vorm).sort());
    }
  });

  it('has a default for every term of the schema and for nothing else', () => {
    const terms = new Set(contractForms.flatMap((vorm) => formKeys[vorm]));
    terms.delete('personId');
    expect(Object.keys(contractTermDefaults).sort()).toEqual([...terms].sort());
  });

  it('starts a volunteer contract that is complete once it has a start date', () => {
    const values = { ...newDraftValues(person, profile), startdatum: '2026-03-01' };
    expect(fieldErrors(toDraft(values, personId))).toEqual([]);
  });

  it('asks of the other forms only what has no sensible default', () => {
    const start = { ...newDraftValues(person, null), startdatum: '2026-03-01', einddatum: '2026-12-31' };
    expect(fieldErrors(toDraft({ ...start, vorm: 'arbeidsovereenkomst' }, personId))).toEqual([
      'brutoMaandsalarisCents',
      'schaal',
    ]);
    expect(fieldErrors(toDraft({ ...start, vorm: 'stage' }, personId))).toEqual([
      'onderwijsinstelling',
      'opleiding',
      'praktijkbegeleider',
    ]);
    expect(fieldErrors(toDraft({ ...start, vorm: 'opdracht' }, personId))).toEqual([
      'kvkNummer',
      'opdrachtOmschrijving',
      'tariefCents',
    ]);
  });

  it('brings the profile’s form and allowance and the person’s begeleider into a new draft', () => {
    const values = newDraftValues(person, profile);
    expect(values).toMatchObject({
      vorm: 'vrijwilligersovereenkomst',
      profileVersionId: profile.current.versionId,
      vergoedingEenheid: 'maand',
      vergoedingCents: 50_00,
      vasteBegeleiderId: begeleiderId,
    });
    expect(values.velden).not.toBe(contractTermDefaults.velden);
  });

  it('sends only the chosen form’s terms, an empty text as not filled in', () => {
    const values = { ...newDraftValues(person, null), vorm: 'opdracht' as const, kvkNummer: '', schaal: 'B' };
    const draft = toDraft(values, personId) as Record<string, unknown>;
    expect(Object.keys(draft).sort()).toEqual([...formKeys.opdracht].sort());
    expect(draft.kvkNummer).toBeNull();
  });

  it('opens a saved concept as it was saved, and sends it back unchanged', () => {
    const draft = contractDraftInput.parse({
      ...toDraft({ ...newDraftValues(person, profile), startdatum: '2026-03-01' }, personId),
      verzekeringVia: null,
      opzegtermijnWeken: 4,
    });
    const values = initialValues(person, profile, savedContract(draft, profile.id), null);
    expect(values.verzekeringVia).toBe('');
    expect(values.opzegtermijnWeken).toBe(4);
    expect(contractDraftInput.parse(toDraft(values, personId))).toEqual(draft);
  });

  it('keeps a concept’s profile version, and takes the current version of a profile chosen instead', () => {
    const olderVersion = '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e95';
    const draft = contractDraftInput.parse({
      ...toDraft({ ...newDraftValues(person, profile), startdatum: '2026-03-01' }, personId),
      profileVersionId: olderVersion,
    });
    const concept = savedContract(draft, profile.id);
    expect(initialValues(person, profile, concept, null).profileVersionId).toBe(olderVersion);
    expect(initialValues(person, otherProfile, concept, null).profileVersionId).toBe(
      otherProfile.current.versionId,
    );
    expect(initialValues(person, null, concept, null).profileVersionId).toBeNull();
  });

  it('continues from an earlier contract with its terms, the current profile version and no dates', () => {
    const draft = contractDraftInput.parse({
      ...toDraft({ ...newDraftValues(person, profile), startdatum: '2025-03-01' }, personId),
      profileVersionId: '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e95',
      einddatum: '2025-12-31',
      werktijden: 'dinsdag en donderdag',
    });
    const values = initialValues(person, profile, null, savedContract(draft, profile.id));
    expect(values).toMatchObject({
      startdatum: null,
      einddatum: null,
      werktijden: 'dinsdag en donderdag',
      profileVersionId: profile.current.versionId,
    });
  });
});
