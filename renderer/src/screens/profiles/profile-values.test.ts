import { describe, expect, it } from 'vitest';
import type { ProfileContent, ProfileVersion } from '../../../../shared/profiles.ts';
import { blankProfile, toContent, toValues } from './profile-values.ts';

const content: ProfileContent = {
  ...blankProfile,
  titel: 'Voorlichter',
  doel: 'Informeert nieuwkomers.',
  taken: [{ rol: 'voorlichter', taken: ['Voorlichting geven', 'Vragen doorzetten'] }],
  eisen: ['Spreekt Arabisch'],
  competenties: ['Luisteren', 'Uitleggen'],
  werkomstandigheden: null,
};

describe('profile values', () => {
  it('edits lists as lines and gives back the same content', () => {
    const values = toValues(content);
    expect(values.taken).toEqual([{ rol: 'voorlichter', taken: 'Voorlichting geven\nVragen doorzetten' }]);
    expect(values.competenties).toBe('Luisteren\nUitleggen');
    expect(values.werkomstandigheden).toBe('');
    expect(toContent(values)).toEqual(content);
  });

  it('puts only the content of a stored version into the form', () => {
    const version: ProfileVersion = {
      ...content,
      profileId: 'p',
      versionId: 'v',
      versie: 3,
      createdAt: '2025-01-01T00:00:00Z',
      createdBy: null,
    };
    expect(Object.keys(toValues(version)).sort()).toEqual(Object.keys(content).sort());
  });

  it('trims lines, drops empty ones and stores empty working conditions as null', () => {
    const values = {
      ...toValues(content),
      eisen: '  Spreekt Arabisch \n\n  \nHeeft een VOG',
      werkomstandigheden: '',
    };
    const result = toContent(values);
    expect(result.eisen).toEqual(['Spreekt Arabisch', 'Heeft een VOG']);
    expect(result.werkomstandigheden).toBeNull();
  });
});
