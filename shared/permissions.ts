/**
 * Who may make each call: the one permission table. The dispatcher enforces it in the main process; the
 * renderer reads it only to hide what a user cannot use. 'beheerder' is a flag on top of any role.
 * The rows each role receives by sync: electron/core/sync/visibility.ts.
 */
import type { CallName } from './contract.ts';
import type { Access, Role, SessionAccount } from './roles.ts';

const staff = ['projectleider', 'begeleider', 'administrateur'] as const;
const guides = ['projectleider', 'begeleider'] as const;

export const permissions = {
  'settings.status': ['publiek'],
  'auth.setup': ['publiek'],
  'auth.login': ['publiek'],
  'auth.logout': ['publiek'],
  'auth.me': ['publiek'],
  'auth.changePassword': ['ingelogd'],
  'auth.activity': ['ingelogd'],
  'auth.lock': ['ingelogd'],
  'auth.unlock': ['ingelogd'],

  'accounts.list': ['beheerder'],
  'accounts.staff': ['ingelogd'],
  'accounts.create': ['beheerder'],
  'accounts.update': ['beheerder'],
  'accounts.deactivate': ['beheerder'],
  'accounts.reactivate': ['beheerder'],
  'accounts.resetPassword': ['beheerder'],

  'persons.list': staff,
  'persons.filterOptions': staff,
  'persons.get': staff,
  'persons.statusHistory': staff,
  'persons.changes': staff,
  'persons.create': ['projectleider', 'begeleider'],
  'persons.update': staff,
  'persons.setStatus': ['projectleider', 'begeleider'],
  // An inzage export holds everything, vertrouwelijke verslagen and claims included, so only the projectleider (who
  // keeps the register, may read every verslag and answers the person) makes it. The beheerder flag does not reach
  // it: it sits on top of any role, and a begeleider or administrateur would see more through the export than
  // their role shows them.
  'avg.inzage': ['projectleider'],

  'profiles.list': staff,
  'profiles.get': staff,
  'profiles.pdf': staff,
  'profiles.create': ['projectleider'],
  'profiles.save': ['projectleider'],
  'profiles.archive': ['projectleider'],
  'profiles.duplicate': ['projectleider'],

  'contracts.listForPerson': staff,
  'contracts.get': staff,
  'contracts.check': ['projectleider'],
  'contracts.pdf': staff,
  'contracts.create': ['projectleider'],
  'contracts.update': ['projectleider'],
  'contracts.finalize': ['projectleider'],
  'contracts.sign': ['projectleider'],
  'contracts.end': ['projectleider'],
  'contracts.amend': ['projectleider'],
  'attention.list': ['projectleider', 'begeleider'],

  // Begeleiding is for those who guide: the administrateur never sees a POP or a log entry.
  'begeleiding.pop': guides,
  'begeleiding.savePop': guides,
  'begeleiding.popPdf': guides,
  'begeleiding.log': guides,
  'begeleiding.addLogEntry': guides,
  'begeleiding.followUpSignal': guides,
  'intervisie.list': guides,
  'intervisie.save': guides,
  'intervisie.session': guides,
  'begeleiding.caseload': guides,

  // Doorgroei (education, Dutch level, work experience, uitstroom) is part of guiding someone towards work or
  // study; the administrateur, who handles claims, has no need of it.
  'doorgroei.get': guides,
  'doorgroei.save': guides,
  'doorgroei.addOutflow': guides,
  'doorgroei.updateOutflow': guides,
  'doorgroei.portfolioPdf': guides,
  // Scholing is kept by those who guide; the administrateur reads only the names and costs a training claim needs.
  'scholing.catalogue': guides,
  'scholing.saveTraining': guides,
  'scholing.archiveTraining': guides,
  'scholing.listForPerson': guides,
  'scholing.saveForPerson': guides,
  'scholing.setCertificate': guides,
  'scholing.certificate': guides,
  'scholing.sessions': guides,
  'scholing.saveSession': guides,
  'scholing.recordAttendance': guides,
  'scholing.cancelSession': guides,
  'scholing.forClaim': staff,

  // The partner and project registers are kept by the projectleider; everyone reads them (a begeleider records
  // inzet for a partner, the administrateur sets a claim against a project).
  'ketenpartners.list': staff,
  'ketenpartners.save': ['projectleider'],
  'ketenpartners.archive': ['projectleider'],
  'ketenpartners.projects': staff,
  'ketenpartners.saveProject': ['projectleider'],
  'ketenpartners.archiveProject': ['projectleider'],

  // Aanvragen: begeleiders take requests in and read them; the projectleider coordinates (matches, changes the
  // status, edits a matched request). The administrateur has no use for them. Availability: begeleiders keep it for
  // anyone, not only their own people: whoever takes the phone call that someone is away records it.
  'aanvragen.list': guides,
  'aanvragen.get': guides,
  'aanvragen.save': guides,
  'aanvragen.setStatus': ['projectleider'],
  'aanvragen.match': ['projectleider'],
  'aanvragen.unmatch': ['projectleider'],
  'aanvragen.availability': guides,
  'aanvragen.saveAvailability': guides,
  'aanvragen.addAbsence': guides,
  'aanvragen.removeAbsence': guides,
  // Who to ask and how the work is spread: the coordinator's view. The administrateur has no need of the pool's
  // languages, gender, origin or availability.
  'verdeling.proposals': guides,
  'verdeling.overview': guides,
  // Inzet is recorded by those who guide (a begeleider for the people they guide: checked in the handler); the
  // administrateur reads its hours and costs for the claims, never the hulpvraag or the outcome (stripped there).
  'inzet.list': staff,
  'inzet.get': staff,
  'inzet.save': guides,
  'inzet.remove': guides,
  'inzet.import': guides,
  'inzet.requests': guides,
  // Reports are read by those who steer the work. Not the administrateur: the report holds hulpvraag and reach
  // figures, which that role must not see, and the costs in it are already theirs in claims.overview.
  'verantwoording.report': guides,
  'verantwoording.pdf': guides,
  'verantwoording.xlsx': guides,

  // The administrateur handles claims; projectleiders read them; a begeleider sees their own caseload's.
  'claims.list': staff,
  'claims.create': ['administrateur'],
  'claims.correct': ['administrateur'],
  'claims.import': ['administrateur'],
  'claims.approve': ['administrateur'],
  'claims.reject': ['administrateur'],
  'claims.overview': ['administrateur', 'projectleider'],
  'claims.receipts': ['administrateur', 'projectleider'],
  'claims.setReceipts': ['administrateur'],
  'payouts.list': ['administrateur', 'projectleider'],
  'payouts.create': ['administrateur'],
  'payouts.file': ['administrateur'],
  'payouts.spreadsheet': ['administrateur', 'projectleider'],
  'payouts.people': ['administrateur'],
  'payouts.specification': ['administrateur'],
  'payouts.submit': ['administrateur'],
  'payouts.paid': ['administrateur'],
  'payouts.cancel': ['administrateur'],

  'audit.list': ['projectleider', 'beheerder'],

  // Removal after the retention periods cannot be undone and reaches into every area (begeleiding, contracts,
  // declaraties), so only the beheerder carries it out. The projectleider sees the list, to raise a person who must
  // be kept longer (a dispute, a return) before the beheerder removes anything.
  'avg.retention': ['projectleider', 'beheerder'],
  'avg.anonymise': ['beheerder'],
  'avg.purge': ['beheerder'],

  'settings.get': ['ingelogd'],
  'settings.update': ['beheerder'],

  'backups.overview': ['beheerder'],
  'backups.preview': ['beheerder'],
  'backups.create': ['beheerder'],
  'backups.setFolder': ['beheerder'],
  'backups.restore': ['beheerder'],
  'backups.recoveryKey': ['beheerder'],

  'sync.pairingCode': ['beheerder'],
  'sync.devices': ['beheerder'],
  'sync.revokeDevice': ['beheerder'],
  // Te verwerken (desk-sync): each user their own items.
  'sync.inbox': ['ingelogd'],
  'sync.resolve': ['ingelogd'],
  // The status line is everyone's; connecting the desk and uploading its records are the beheerder's.
  'sync.status': ['ingelogd'],
  'sync.connect': ['beheerder'],
  'sync.now': ['ingelogd'],
  'sync.importRows': ['beheerder'],
} as const satisfies Record<CallName, readonly Access[]>;

export function isPublic(call: CallName): boolean {
  return (permissions[call] as readonly Access[]).includes('publiek');
}

export function mayCall(account: SessionAccount | null, call: CallName): boolean {
  const allowed: readonly Access[] = permissions[call];
  if (allowed.includes('publiek')) return true;
  if (!account) return false;
  return allowed.some(
    (access) =>
      access === 'ingelogd' || access === account.role || (access === 'beheerder' && account.isBeheerder),
  );
}

/**
 * Notes about a person's wellbeing are for those who guide them: the administrateur, who handles claims and
 * payouts, does not see them, neither on the person (read or form) nor in the audit log, and cannot change them.
 */
export const wellbeingNoteFields: readonly string[] = ['notities'];

export function seesWellbeingNotes(account: { role: Role } | null): boolean {
  return account?.role !== 'administrateur';
}

/** Is this field (a person's field, or a field named in an audit entry) a note about wellbeing? */
export function isWellbeingNote(field: string): boolean {
  return wellbeingNoteFields.includes(field);
}
