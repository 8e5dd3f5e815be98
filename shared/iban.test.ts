import { describe, expect, it } from 'vitest';
import { sepaIbanProblem } from './iban.ts';

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
