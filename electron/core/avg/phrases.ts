/**
 * Finding and replacing identifying text (a name, an e-mail address, an IBAN) in free text: whole words only, in
 * any case, longest phrase first. One place for the pattern, so the audit log, the intervisie sessions and the
 * count of what is left all match a name the same way.
 */

export interface Phrase {
  text: string;
  replacement: string;
}

const letterOrDigit = '[\\p{L}\\p{N}]';

/** A phrase as a pattern that finds it as whole words in any case: 'Ali' in 'Ali belde', not in 'Alibaba'. */
function wordPattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!${letterOrDigit})${escaped}(?!${letterOrDigit})`, 'giu');
}

/** Phrases shorter than three characters are never matched: too many ordinary words are that short. */
const longEnough = (text: string) => text.trim().length >= 3;

/** Does the text name any of these phrases as whole words? */
export function mentionsAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => longEnough(p) && text.search(wordPattern(p)) >= 0);
}

/** Replaces every phrase where it stands as whole words; a cheap lowercase test first skips text without it. */
export class PhraseReplacer {
  private readonly patterns: { re: RegExp; lower: string; replacement: string }[];

  constructor(phrases: readonly Phrase[]) {
    const unique = new Map<string, Phrase>();
    for (const p of phrases) if (longEnough(p.text)) unique.set(p.text.toLowerCase(), p);
    this.patterns = [...unique.values()]
      .sort((a, b) => b.text.length - a.text.length)
      .map((p) => ({ re: wordPattern(p.text), lower: p.text.toLowerCase(), replacement: p.replacement }));
  }

  /** Might the text hold a phrase? (True may still find nothing as whole words.) */
  mightMention(lowerText: string): boolean {
    return this.patterns.some((p) => lowerText.includes(p.lower));
  }

  replace(text: string): string {
    let out = text;
    for (const p of this.patterns)
      if (out.toLowerCase().includes(p.lower)) out = out.replace(p.re, () => p.replacement);
    return out;
  }
}
