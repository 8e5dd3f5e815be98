import type { UseFormReturnType } from '@mantine/form';
import type { ProfileContent, ProfileVersion } from '../../../../shared/profiles.ts';

/** Lists are edited as text, one item per line. */
export type ProfileValues = Omit<ProfileContent, 'eisen' | 'competenties' | 'taken'> & {
  eisen: string;
  competenties: string;
  taken: { rol: string; taken: string }[];
};
export type ProfileEditorForm = UseFormReturnType<ProfileValues>;

const toLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function toValues(version: ProfileContent | ProfileVersion): ProfileValues {
  // A stored version also carries its id, number and author: only the content goes back into the form.
  const {
    profileId: _profileId,
    versionId: _versionId,
    versie: _versie,
    createdAt: _createdAt,
    createdBy: _createdBy,
    ...content
  } = version as ProfileContent & Partial<Omit<ProfileVersion, keyof ProfileContent>>;
  return {
    ...content,
    werkomstandigheden: content.werkomstandigheden ?? '',
    eisen: content.eisen.join('\n'),
    competenties: content.competenties.join('\n'),
    taken: content.taken.map((role) => ({ rol: role.rol, taken: role.taken.join('\n') })),
  };
}

/** The form's values as the main process takes them: lists split into lines, empty lines dropped. */
export function toContent(values: ProfileValues): ProfileContent {
  return {
    ...values,
    werkomstandigheden: values.werkomstandigheden || null,
    eisen: toLines(values.eisen),
    competenties: toLines(values.competenties),
    taken: values.taken.map((role) => ({ rol: role.rol, taken: toLines(role.taken) })),
  };
}

/** A new profile: one role to start from, no fill-in fields. */
export const blankProfile: ProfileContent = {
  titel: '',
  doel: '',
  taken: [{ rol: 'voorlichter', taken: [] }],
  leefgebieden: [],
  eisen: [],
  competenties: [],
  werkomstandigheden: null,
  velden: [],
  standaardVorm: 'vrijwilligersovereenkomst',
  standaardVergoedingEenheid: 'uur',
  standaardVergoedingCents: 0,
};
