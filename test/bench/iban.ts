/** A valid Dutch test IBAN (bank ABNA, account n): MOD-97 check digits, never a real person's account. */
export function benchIban(n: number): string {
  const bban = `ABNA${String(n).padStart(10, '0')}`;
  let rest = 0;
  for (const d of `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55)))
    rest = (rest * 10 + Number(d)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`;
}
