import type { ContractDraft } from '../../../shared/contracts.ts';
import { checkVolunteerAllowance, type VolunteerCheck } from '../../../shared/fiscal/volunteer-check.ts';
import type { Person } from '../../../shared/persons.ts';

/** The fiscal check of a volunteer contract's terms for this person; other forms are outside the scheme (null). */
export function fiscalCheckFor(draft: ContractDraft, person: Person): VolunteerCheck | null {
  if (draft.vorm !== 'vrijwilligersovereenkomst') return null;
  return checkVolunteerAllowance({
    birthDate: person.geboortedatum,
    start: draft.startdatum,
    end: draft.einddatum,
    allowance: { unit: draft.vergoedingEenheid, amountCents: draft.vergoedingCents },
    expectedHoursPerMonth: draft.verwachtUrenPerMaand,
    expectedActivitiesPerMonth: draft.verwachteActiviteitenPerMaand,
    kmRateCents: draft.kmVergoedingCents,
    expectedKmPerMonth: draft.verwachteKmPerMaand,
    otherOrganisationsMonthlyCents: draft.andereOrganisatiesPerMaandCents,
    bijstand: {
      onBijstand: person.bijstand,
      permissionNeeded: person.toestemmingNodig,
      permissionDate: person.toestemmingDatum,
    },
  });
}
