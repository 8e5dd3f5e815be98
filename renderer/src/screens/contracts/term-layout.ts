import type { ContractFormTermName } from '../../../../shared/contracts.ts';
import type { ContractForm } from '../../../../shared/profiles.ts';

/** Terms side by side in three columns, or yes/no switches in one row. */
export interface TermSection<Name extends string> {
  kind: 'grid' | 'row';
  terms: readonly Name[];
}

/**
 * Where each form's own terms stand in the editor, in reading order. Every term of the schema stands here exactly
 * once (contract-values.test.ts checks it), so a new term cannot be left out of the editor.
 */
export const termLayout = {
  vrijwilligersovereenkomst: [
    {
      kind: 'grid',
      terms: [
        'vergoedingEenheid',
        'vergoedingCents',
        'verwachtUrenPerMaand',
        'verwachteActiviteitenPerMaand',
        'kmVergoedingCents',
        'verwachteKmPerMaand',
        'andereOrganisatiesPerMaandCents',
      ],
    },
    { kind: 'row', terms: ['onkostenMetBon', 'waVerzekering', 'ongevallenVerzekering', 'werktelefoon'] },
    { kind: 'grid', terms: ['verzekeringVia', 'vasteBegeleiderId', 'opzegtermijnWeken'] },
    { kind: 'grid', terms: ['werktijden', 'bereikbaarheid', 'scholing'] },
  ],
  arbeidsovereenkomst: [
    {
      kind: 'grid',
      terms: ['urenPerWeek', 'cao', 'schaal', 'trede', 'brutoMaandsalarisCents', 'proeftijdMaanden'],
    },
  ],
  stage: [
    {
      kind: 'grid',
      terms: [
        'onderwijsinstelling',
        'opleiding',
        'praktijkbegeleider',
        'urenPerWeek',
        'stagevergoedingCents',
      ],
    },
  ],
  opdracht: [{ kind: 'grid', terms: ['kvkNummer', 'tariefSoort', 'tariefCents', 'opdrachtOmschrijving'] }],
} as const satisfies { [F in ContractForm]: readonly TermSection<ContractFormTermName<F>>[] };
