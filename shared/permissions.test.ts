import { describe, expect, it } from 'vitest';
import { isWellbeingNote, seesWellbeingNotes } from './permissions.ts';

describe('notes about a person’s wellbeing', () => {
  it('are for those who guide: the projectleider and begeleider see them, the administrateur does not', () => {
    expect(seesWellbeingNotes({ role: 'projectleider' })).toBe(true);
    expect(seesWellbeingNotes({ role: 'begeleider' })).toBe(true);
    expect(seesWellbeingNotes({ role: 'administrateur' })).toBe(false);
  });

  it('are the person’s notities, by the field name the form and the audit log use', () => {
    expect(isWellbeingNote('notities')).toBe(true);
    expect(isWellbeingNote('iban')).toBe(false);
  });
});
