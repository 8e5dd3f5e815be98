import {
  electronicFormatIBAN,
  isSEPACountry,
  isValidBIC,
  ValidationErrorsIBAN,
  validateIBAN,
} from 'ibantools';

/** ISO 13616 check (country length, BBAN format, MOD-97) via ibantools; returns a Dutch reason or null. */
export function ibanProblem(raw: string): string | null {
  // Stryker disable next-line StringLiteral: equivalent, electronicFormatIBAN gives null for no string only
  const iban = electronicFormatIBAN(raw) ?? '';
  if (iban === '') return 'vul een IBAN in';
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return null;
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry))
    return 'onbekende landcode (begin met bijvoorbeeld NL)';
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return iban.startsWith('NL') ? 'een Nederlands IBAN heeft 18 tekens' : 'verkeerde lengte voor dit land';
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat))
    return 'rekeningdeel heeft een verkeerd formaat';
  return 'controlecijfer klopt niet; controleer het nummer';
}

/** 'nl91 abna 0417 1643 00' → 'NL91ABNA0417164300' */
export function normalizeIban(raw: string): string {
  // Stryker disable next-line StringLiteral: equivalent, electronicFormatIBAN gives null for no string only
  return electronicFormatIBAN(raw) ?? '';
}

export function bicProblem(raw: string): string | null {
  // Stryker disable next-line MethodExpression: equivalent while ibantools' isValidBIC ignores case
  return isValidBIC(raw.toUpperCase()) ? null : 'ongeldige BIC (8 of 11 tekens, bijvoorbeeld ABNANL2A)';
}

/**
 * Why money cannot be sent to this account by SEPA transfer, in Dutch, or null when it can: no IBAN at all, an
 * IBAN that fails the ISO 13616 check, or a country outside SEPA. The claim checks, the payout batch and the SEPA
 * builder ask this one function.
 */
export function sepaIbanProblem(raw: string | null | undefined): string | null {
  if (!raw || raw.trim() === '') return 'geen IBAN bekend';
  const problem = ibanProblem(raw);
  if (problem) return problem;
  const country = normalizeIban(raw).slice(0, 2);
  return isSEPACountry(country)
    ? null
    : `${country} doet niet mee aan SEPA; een SEPA-overboeking naar deze rekening kan niet`;
}
