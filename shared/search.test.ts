import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTerms } from './search.ts';

describe('foldForSearch', () => {
  it('folds the letters that have no accent to strip to what a Dutch keyboard types', () => {
    expect(foldForSearch('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(foldForSearch('Ærø')).toBe('aero');
    expect(foldForSearch('Œuvre')).toBe('oeuvre');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('Þórunn')).toBe('thorunn');
    expect(foldForSearch('Đorđević')).toBe('dordevic');
    expect(foldForSearch('Guðrún')).toBe('gudrun');
    expect(foldForSearch('Łódź')).toBe('lodz');
    expect(foldForSearch('Yılmaz')).toBe('yilmaz');
  });

  it('reads a Catalan l·l as one word, typed with the middle dot, with ŀ or without either', () => {
    expect(foldForSearch('Paŀlarès')).toBe('pallares');
    expect(foldForSearch('Pal·larès')).toBe('pallares');
    expect(foldForSearch('PAĿLARÈS')).toBe('pallares');
    expect(searchTerms('pallares')).toEqual([foldForSearch('Paŀlarès')]);
    // A middle dot that does not join two letters still parts words.
    expect(foldForSearch('Pal · Larès')).toBe('pal lares');
  });

  it('folds capitals and small letters alike', () => {
    expect(foldForSearch('ØSTERGAARD')).toBe(foldForSearch('østergaard'));
    expect(foldForSearch('ÐURIĆ')).toBe('duric');
  });

  it('folds compatibility forms: ligatures and full-width letters', () => {
    expect(foldForSearch('ﬁnn')).toBe('finn');
    expect(foldForSearch('ＡＢＣ')).toBe('abc');
  });

  it('strips every accent, also stacked ones', () => {
    expect(foldForSearch('Nguyễn')).toBe('nguyen');
    expect(foldForSearch('Zoë Ünal')).toBe('zoe unal');
  });

  it('keeps letters of other scripts, digits and what an e-mail address or phone number needs', () => {
    expect(foldForSearch('Мария')).toBe('мария');
    expect(foldForSearch('sukru@example.org')).toBe('sukru@example.org');
    expect(foldForSearch('+31 6 12345678')).toBe('+31 6 12345678');
  });

  it('turns every run of other signs into one space, and none at either end', () => {
    expect(foldForSearch(' «van  der» Berg-Çelik! ')).toBe('van der berg celik');
    expect(foldForSearch('%_*')).toBe('');
  });
});

describe('searchTerms', () => {
  it('splits a query into at most eight folded terms', () => {
    expect(searchTerms('  Øyvind   ÆLFRED ')).toEqual(['oyvind', 'aelfred']);
    expect(searchTerms('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(searchTerms('  ')).toEqual([]);
  });
});
