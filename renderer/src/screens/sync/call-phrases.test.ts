import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../../../shared/contract.ts';
import { callPhrase, callPhrases, subjectOf } from './call-phrases.ts';

describe('what a command did, in words', () => {
  it('names the calls a user sees in Te verwerken', () => {
    expect(callPhrase('persons.update')).toBe('Sleutelpersoon gewijzigd');
    expect(callPhrase('claims.create')).toBe('Declaratie ingediend');
    expect(callPhrase('auth.changePassword')).toBe('Eigen wachtwoord gewijzigd');
  });

  it('has a phrase for every write and for no read, each its own', () => {
    const writes = callNames.filter((name) => contract[name].write).sort();
    expect(Object.keys(callPhrases).sort()).toEqual(writes);
    const phrases = Object.values(callPhrases);
    expect(new Set(phrases).size).toBe(phrases.length);
  });

  it('still reads a call it does not know, or an inherited name, as a change', () => {
    expect(callPhrase('persons.merge')).toBe('Wijziging (persons.merge)');
    expect(callPhrase('constructor')).toBe('Wijziging (constructor)');
  });

  it('names who or what the command was about when its input says so', () => {
    expect(subjectOf({ id: 'x', voornaam: 'Şükrü', tussenvoegsel: null, achternaam: 'Çelik' })).toBe(
      'Şükrü Çelik',
    );
    expect(subjectOf({ voornaam: 'Jan', tussenvoegsel: 'de', achternaam: 'Boer' })).toBe('Jan de Boer');
    expect(subjectOf({ naam: '  Buurtteam Noord ' })).toBe('Buurtteam Noord');
    expect(subjectOf({ titel: 'Voorlichter' })).toBe('Voorlichter');
    expect(subjectOf({ id: 'x', version: 2 })).toBeNull();
    expect(subjectOf(null)).toBeNull();
    expect(subjectOf('tekst')).toBeNull();
  });
});
