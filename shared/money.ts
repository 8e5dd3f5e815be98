/** Integer euro cents arithmetic and parsing. How amounts look on screen is formatCents in format.ts. */

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Cents × a whole quantity. Throws on a fraction or a result beyond exact integer range. */
export function multiplyCents(cents: number, quantity: number): number {
  assertSafeInteger(cents, 'cents');
  assertSafeInteger(quantity, 'quantity');
  const result = cents * quantity;
  // Both factors are exact; a true product beyond 2^53 lands on an unsafe float, so this catches every overflow.
  assertSafeInteger(result, 'cents × quantity');
  return result + 0; // no -0: it would show as '€ -0,00'
}

/** Exact sum of integer cents; BigInt so no intermediate total can lose precision. */
export function sumCents(list: readonly number[]): number {
  let total = 0n;
  for (const cents of list) {
    assertSafeInteger(cents, 'cents');
    total += BigInt(cents);
  }
  const result = Number(total);
  assertSafeInteger(result, 'sum of cents');
  return result;
}

// Dutch: dots group thousands, a comma starts the cents ('1.234,56', '5,-'). Grouping dots only with a comma,
// because '5.755' could be five thousand or a mistyped 5.755: refusing it beats a thousandfold amount.
const dutchAmount = /^(\d+|\d{1,3}(?:\.\d{3})+(?=,))(?:,(\d{1,2}|--?))?$/;
// Also accept a decimal point with at most two decimals ('5.75'), as typed on many keyboards.
const pointAmount = /^(\d+)\.(\d{1,2})$/;
const signAndEuro = /^(-?)\s*(?:€\s*)?(-?)\s*(.*)$/s;

/**
 * Dutch euro input → integer cents, or null when it is not an amount: '5,75' → 575, '€ 1.234,56' → 123456,
 * '5.75' → 575, '220' → 22000, '€ -25,00' → -2500. More than two decimals is refused, never rounded.
 */
export function parseEuroToCents(text: string): number | null {
  // signAndEuro matches any text, each group taking part: the fallbacks are there for the type checker only.
  // Stryker disable next-line StringLiteral,ArrayDeclaration: equivalent, the fallbacks are never used
  const [, signBefore = '', signAfter = '', body = ''] = signAndEuro.exec(text.trim()) ?? [];
  if (signBefore && signAfter) return null;
  const match = dutchAmount.exec(body) ?? pointAmount.exec(body);
  if (!match) return null;
  const euros = Number((match[1] ?? '').replaceAll('.', ''));
  // Stryker disable next-line MethodExpression: equivalent, the fraction is all digits or all dashes
  const fraction = match[2] && !match[2].startsWith('-') ? match[2] : '';
  const cents = euros * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return signBefore || signAfter ? -cents + 0 : cents;
}
