/**
 * What a command did, in the user's words, for the Te verwerken inbox: 'persons.update' → 'Sleutelpersoon
 * gewijzigd'. Every write of the contract has its phrase (the type says so), so a new call cannot go unnamed.
 */
import type { WriteCallName } from '../../../../shared/contract.ts';

export const callPhrases = {
  'auth.setup': 'Schakel ingericht',
  'auth.changePassword': 'Eigen wachtwoord gewijzigd',
  'accounts.create': 'Account aangemaakt',
  'accounts.update': 'Account gewijzigd',
  'accounts.deactivate': 'Account gedeactiveerd',
  'accounts.reactivate': 'Account weer geactiveerd',
  'accounts.resetPassword': 'Wachtwoord van een account ingesteld',
  'persons.create': 'Sleutelpersoon toegevoegd',
  'persons.update': 'Sleutelpersoon gewijzigd',
  'persons.setStatus': 'Status van een sleutelpersoon gewijzigd',
  'avg.inzage': 'Inzage-export gemaakt',
  'avg.anonymise': 'Geanonimiseerd na de bewaartermijn',
  'avg.purge': 'Oude declaraties verwijderd na de bewaartermijn',
  'profiles.create': 'Functieprofiel aangemaakt',
  'profiles.save': 'Functieprofiel opgeslagen',
  'profiles.archive': 'Functieprofiel gearchiveerd of teruggezet',
  'profiles.duplicate': 'Functieprofiel gekopieerd',
  'contracts.create': 'Conceptcontract gemaakt',
  'contracts.update': 'Conceptcontract gewijzigd',
  'contracts.finalize': 'Contract definitief gemaakt',
  'contracts.sign': 'Contract als getekend vastgelegd',
  'contracts.end': 'Contract beëindigd',
  'contracts.amend': 'Wijziging van een contract begonnen',
  'doorgroei.save': 'Opleiding en werkervaring bijgewerkt',
  'doorgroei.addOutflow': 'Uitstroom vastgelegd',
  'doorgroei.updateOutflow': 'Uitstroom gewijzigd',
  'begeleiding.savePop': 'POP opgeslagen',
  'begeleiding.addLogEntry': 'Begeleidingslog aangevuld',
  'begeleiding.followUpSignal': 'Signaal opgevolgd',
  'intervisie.save': 'Intervisiegroep opgeslagen',
  'intervisie.session': 'Intervisiebijeenkomst vastgelegd',
  'scholing.saveTraining': 'Training opgeslagen',
  'scholing.archiveTraining': 'Training gearchiveerd of teruggezet',
  'scholing.saveForPerson': 'Scholing van een sleutelpersoon opgeslagen',
  'scholing.setCertificate': 'Certificaat opgeslagen',
  'scholing.saveSession': 'Groepstraining gepland',
  'scholing.recordAttendance': 'Aanwezigheid bij een groepstraining vastgelegd',
  'scholing.cancelSession': 'Groepstraining geannuleerd',
  'ketenpartners.save': 'Ketenpartner opgeslagen',
  'ketenpartners.archive': 'Ketenpartner gearchiveerd of teruggezet',
  'ketenpartners.saveProject': 'Project opgeslagen',
  'ketenpartners.archiveProject': 'Project gearchiveerd of teruggezet',
  'aanvragen.save': 'Aanvraag opgeslagen',
  'aanvragen.setStatus': 'Status van een aanvraag gewijzigd',
  'aanvragen.match': 'Aanvraag gematcht',
  'aanvragen.unmatch': 'Sleutelpersoon ontkoppeld van een aanvraag',
  'aanvragen.saveAvailability': 'Beschikbaarheid opgeslagen',
  'aanvragen.addAbsence': 'Afwezigheid vastgelegd',
  'aanvragen.removeAbsence': 'Afwezigheid verwijderd',
  'inzet.save': 'Inzet vastgelegd',
  'inzet.remove': 'Inzet verwijderd',
  'inzet.import': 'Inzet geïmporteerd',
  'claims.create': 'Declaratie ingediend',
  'claims.correct': 'Declaratie gecorrigeerd',
  'claims.import': 'Declaraties geïmporteerd',
  'claims.approve': 'Declaraties goedgekeurd',
  'claims.reject': 'Declaraties afgewezen',
  'claims.setReceipts': 'Bonnen van een declaratie gewijzigd',
  'payouts.create': 'Betaalbatch gemaakt',
  'payouts.submit': 'Betaalbatch aangeboden bij de bank',
  'payouts.paid': 'Betaalbatch als betaald gemarkeerd',
  'payouts.cancel': 'Betaalbatch geannuleerd',
  'settings.update': 'Instellingen gewijzigd',
  'sync.pairingCode': 'Koppelcode gemaakt',
  'sync.revokeDevice': 'Werkplek ingetrokken',
  'sync.resolve': 'Te verwerken afgehandeld',
  'sync.importRows': 'Gegevens naar de server gebracht',
} as const satisfies Record<WriteCallName, string>;

/** The phrase of a call; a call this version does not know (from a newer Schakel) still reads as a change. */
export function callPhrase(call: string): string {
  return Object.hasOwn(callPhrases, call) ? callPhrases[call as WriteCallName] : `Wijziging (${call})`;
}

/** Who or what the command was about, as far as its input names it: a person's full name, or a name or title. */
export function subjectOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const fields = input as Record<string, unknown>;
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const person = [text('voornaam'), text('tussenvoegsel'), text('achternaam')].filter(Boolean).join(' ');
  return person || text('naam') || text('titel') || text('displayName');
}
