import { describe, expect, it } from 'vitest';
import { bicProblem, ibanProblem, normalizeIban, sepaIbanProblem } from './iban.ts';

describe('sepaIbanProblem: can money be sent to this account by SEPA transfer', () => {
  it('yes for a valid IBAN of a SEPA country, however it is typed', () => {
    expect(sepaIbanProblem('NL91ABNA0417164300')).toBeNull();
    expect(sepaIbanProblem('nl91 abna 0417 1643 00')).toBeNull();
    expect(sepaIbanProblem('DE89370400440532013000')).toBeNull();
  });

  it('no, and why, when there is none, it is wrong, or the country is outside SEPA', () => {
    expect(sepaIbanProblem(null)).toBe('geen IBAN bekend');
    expect(sepaIbanProblem('  ')).toBe('geen IBAN bekend');
    expect(sepaIbanProblem('NL91ABNA0417164301')).toBe('controlecijfer klopt niet; controleer het nummer');
    expect(sepaIbanProblem('NL91ABNA041716430')).toBe('een Nederlands IBAN heeft 18 tekens');
    expect(sepaIbanProblem('TR330006100519786457841326')).toBe(
      'TR doet niet mee aan SEPA; een SEPA-overboeking naar deze rekening kan niet',
    );
  });
});

describe('ibanProblem', () => {
  it('accepts a valid IBAN however it is typed', () => {
    expect(ibanProblem('NL91ABNA0417164300')).toBeNull();
    expect(ibanProblem(' nl91 abna 0417 1643 00 ')).toBeNull();
    expect(ibanProblem('DE89 3704 0044 0532 0130 00')).toBeNull();
  });

  it('asks for an IBAN when the field is empty or blank', () => {
    expect(ibanProblem('')).toBe('vul een IBAN in');
    expect(ibanProblem('   ')).toBe('vul een IBAN in');
  });

  it('names a Dutch IBAN of the wrong length as Dutch, and a foreign one not', () => {
    expect(ibanProblem('NL91ABNA041716430')).toBe('een Nederlands IBAN heeft 18 tekens');
    expect(ibanProblem('DE8937040044053201300')).toBe('verkeerde lengte voor dit land');
    expect(ibanProblem('BE68 5390 0754 702')).toBe('verkeerde lengte voor dit land');
  });

  it('names a wrong account part of the right length before the check digits', () => {
    // A Dutch account part is four letters and ten digits.
    expect(ibanProblem('NL91ABNA04171643AB')).toBe('rekeningdeel heeft een verkeerd formaat');
  });

  it('names an unknown country and wrong check digits', () => {
    expect(ibanProblem('XX91ABNA0417164300')).toBe('onbekende landcode (begin met bijvoorbeeld NL)');
    expect(ibanProblem('NL92ABNA0417164300')).toBe('controlecijfer klopt niet; controleer het nummer');
  });
});

describe('normalizeIban', () => {
  it('stores an IBAN compact and in capitals, and nothing as empty', () => {
    expect(normalizeIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(normalizeIban('')).toBe('');
  });
});

describe('bicProblem', () => {
  it('accepts a BIC of 8 or 11 characters in any case and names what a BIC looks like otherwise', () => {
    expect(bicProblem('ABNANL2A')).toBeNull();
    expect(bicProblem('abnanl2a')).toBeNull();
    expect(bicProblem('ABNANL2AXXX')).toBeNull();
    expect(bicProblem('ABNANL2')).toBe('ongeldige BIC (8 of 11 tekens, bijvoorbeeld ABNANL2A)');
  });
});
