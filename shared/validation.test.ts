import { describe, expect, it } from 'vitest';
import { ibanProblem } from './iban.ts';
import { personCreateInput } from './persons.ts';
import { foldForSearch, searchTerms } from './search.ts';
import { iban, isoDate, phone, postcode } from './validation.ts';

describe('IBAN', () => {
  it('accepts a valid Dutch IBAN in any spelling and stores it compact', () => {
    expect(iban.parse('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(iban.parse('DE89370400440532013000')).toBe('DE89370400440532013000');
  });
  it('names what is wrong', () => {
    expect(ibanProblem('NL91ABNA0417164301')).toBe('controlecijfer klopt niet; controleer het nummer');
    expect(ibanProblem('NL91ABNA041716430')).toBe('een Nederlands IBAN heeft 18 tekens');
    expect(ibanProblem('XX91ABNA0417164300')).toMatch(/onbekende landcode/);
    expect(ibanProblem('')).toBe('vul een IBAN in');
  });
});

describe('postcode', () => {
  it('stores 1234 AB', () => {
    expect(postcode.parse('3511ab')).toBe('3511 AB');
    expect(postcode.parse(' 3511 AB ')).toBe('3511 AB');
  });
  it('refuses what cannot be a Dutch postcode', () => {
    for (const bad of ['0123 AB', '351 AB', '3511 A', '3511 SS', '3511 SA', 'ABCD 12']) {
      expect(postcode.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('dates and phone numbers', () => {
  it('refuses dates that do not exist', () => {
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(isoDate.safeParse('25-11-2026').success).toBe(false);
  });
  it('accepts Dutch and international phone numbers', () => {
    expect(phone.safeParse('06 12345678').success).toBe(true);
    expect(phone.safeParse('+31 30 123 4567').success).toBe(true);
    expect(phone.safeParse('1234').success).toBe(false);
  });
});

describe('person input', () => {
  const base = {
    voornaam: 'Amina',
    achternaam: 'Haddad',
    talen: [],
    bijstand: false,
    toestemmingNodig: false,
    status: 'aangemeld',
    statusDatum: '2026-11-01',
  };
  it('turns empty form fields into null', () => {
    const parsed = personCreateInput.parse({ ...base, tussenvoegsel: '', iban: '', postcode: '' });
    expect(parsed.tussenvoegsel).toBeNull();
    expect(parsed.iban).toBeNull();
    expect(parsed.postcode).toBeNull();
  });
  it('refuses toestemming without bijstand and a language twice', () => {
    expect(personCreateInput.safeParse({ ...base, toestemmingNodig: true }).success).toBe(false);
    const twice = [
      { taal: 'Dari', niveau: 'goed' },
      { taal: 'dari', niveau: 'basis' },
    ];
    expect(personCreateInput.safeParse({ ...base, talen: twice }).success).toBe(false);
  });
});

describe('accent-insensitive search', () => {
  it('folds names from the pool to plain letters', () => {
    expect(foldForSearch('Şükrü Çelik')).toBe('sukru celik');
    expect(foldForSearch('Nguyễn Thị Hương')).toBe('nguyen thi huong');
    expect(foldForSearch('Łukasz Dąbrowski')).toBe('lukasz dabrowski');
    expect(foldForSearch('İbrahim Yılmaz')).toBe('ibrahim yilmaz');
    expect(foldForSearch('Oekraïens')).toBe('oekraiens');
    expect(foldForSearch('Đức')).toBe('duc');
  });
  it('splits a query into folded terms and drops SQL wildcards', () => {
    expect(searchTerms('  SUKRU   %çelik_ ')).toEqual(['sukru', 'celik']);
  });
});
