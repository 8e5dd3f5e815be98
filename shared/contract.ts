/**
 * The one contract between renderer and main process: every call the renderer may make, with its zod input
 * schema, its output type and whether it writes. Who may make it lives in permissions.ts beside this file.
 * A call that is not named here does not exist, on either host.
 */
import { z } from 'zod';
import {
  type Availability,
  absenceAddInput,
  absenceRemoveInput,
  availabilityInput,
  availabilitySaveInput,
  type RequestDetail,
  type RequestRow,
  requestListInput,
  requestMatchInput,
  requestSaveInput,
  requestStatusInput,
  requestUnmatchInput,
} from './aanvragen.ts';
import {
  type Account,
  accountCreateInput,
  accountRefInput,
  accountResetPasswordInput,
  accountUpdateInput,
  type StaffMember,
} from './accounts.ts';
import type { AttentionItem } from './attention.ts';
import { type AuditEntry, type AuditPage, auditListInput } from './audit.ts';
import { changePasswordInput, loginInput, setupInput, unlockInput } from './auth.ts';
import {
  type InzageFiles,
  type RetentionAnonymised,
  type RetentionOverview,
  retentionAnonymiseInput,
  retentionPurgeInput,
} from './avg.ts';
import {
  type BackupInfo,
  type BackupOverview,
  type BackupPreview,
  backupFolderInput,
  backupRefInput,
  type RecoveryKey,
  recoveryKeyInput,
} from './backups.ts';
import {
  type CaseloadRow,
  caseloadInput,
  type LogEntry,
  logCreateInput,
  logListInput,
  type PopView,
  popGetInput,
  popSaveInput,
  signalFollowUpInput,
} from './begeleiding/inputs.ts';
import {
  type ClaimPage,
  type ClaimsOverview,
  claimApproveInput,
  claimCorrectInput,
  claimCreateInput,
  claimImportInput,
  claimListInput,
  claimRejectInput,
  claimSetReceiptsInput,
  overviewInput,
  type ReceiptFile,
} from './claims.ts';
import {
  type ContractCheck,
  type Contract as ContractRecord,
  type ContractSummary,
  contractDraftInput,
  contractEndInput,
  contractFinalizeInput,
  contractSignInput,
  contractUpdateInput,
  type PdfFile,
} from './contracts.ts';
import { type DoorgroeiView, doorgroeiSaveInput, outflowAddInput, outflowUpdateInput } from './doorgroei.ts';
import { groupSaveInput, type IntervisieGroup, sessionCreateInput } from './intervisie.ts';
import {
  type Inzet,
  type InzetPage,
  type InzetRequestOption,
  inzetImportInput,
  inzetListInput,
  inzetRemoveInput,
  inzetRequestsInput,
  inzetSaveInput,
} from './inzet.ts';
import {
  archiveInput,
  listInput,
  type Partner,
  type Project,
  partnerSaveInput,
  projectSaveInput,
} from './ketenpartners.ts';
import { batchCreateInput, batchRefInput, type PayoutBatch } from './payouts.ts';
import {
  type Person,
  type PersonFilterOptions,
  type PersonPage,
  type PersonStatusEntry,
  personCreateInput,
  personListInput,
  personStatusInput,
  personUpdateInput,
} from './persons.ts';
import {
  type Profile,
  type ProfileSummary,
  profileCreateInput,
  profileGetInput,
  profileListInput,
  profileRefInput,
  profileSaveInput,
} from './profiles.ts';
import type { SessionAccount } from './roles.ts';
import {
  attendanceInput,
  type CertificateFile,
  catalogueInput,
  certificateSetInput,
  type PersonTrainings,
  personRefInput,
  personTrainingSaveInput,
  sessionRefInput,
  sessionSaveInput,
  sessionsInput,
  type Training,
  type TrainingForClaim,
  type TrainingSession,
  trainingArchiveInput,
  trainingSaveInput,
} from './scholing.ts';
import { type AppStatus, type Settings, settingsUpdateInput } from './settings.ts';
import {
  type ConnectResult,
  connectInput,
  type ImportedRows,
  type InboxItem,
  importRowsInput,
  type PairingCode,
  pairingCodeInput,
  resolveInboxInput,
  revokeDeviceInput,
  type SyncDevice,
  type SyncStatus,
} from './sync.ts';
import { id, version } from './validation.ts';
import { reportInput, type VerantwoordingReport } from './verantwoording.ts';
import {
  type LoadOverview,
  overviewInput as loadOverviewInput,
  type Proposals,
  proposalsInput,
} from './verdeling.ts';

export interface CallSpec<I extends z.ZodType, O, W extends boolean = boolean> {
  input: I;
  /** Writes run in one transaction and leave an audit entry. */
  write: W;
  /** Type-only: the output type, never set at run time. */
  output?: O;
}

const read =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O, false> => ({ input, write: false });
const write =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O, true> => ({ input, write: true });

const none = z.strictObject({});
const byId = z.strictObject({ id });

export type Saved = { id: string; version: number };

export const contract = {
  'settings.status': read<AppStatus>()(none),
  'auth.setup': write<SessionAccount>()(setupInput),
  'auth.login': read<SessionAccount>()(loginInput),
  'auth.logout': read<null>()(none),
  'auth.me': read<SessionAccount | null>()(none),
  'auth.changePassword': write<null>()(changePasswordInput),
  // The session lock: activity keeps a session in use, lock and unlock are the idle lock's two sides.
  'auth.activity': read<{ vergrendelenNaMinuten: number }>()(none),
  'auth.lock': read<null>()(none),
  'auth.unlock': read<null>()(unlockInput),

  'accounts.list': read<Account[]>()(none),
  'accounts.staff': read<StaffMember[]>()(none),
  'accounts.create': write<Saved>()(accountCreateInput),
  'accounts.update': write<Saved>()(accountUpdateInput),
  'accounts.deactivate': write<Saved>()(accountRefInput),
  'accounts.reactivate': write<Saved>()(accountRefInput),
  'accounts.resetPassword': write<Saved>()(accountResetPasswordInput),

  'persons.list': read<PersonPage>()(personListInput),
  'persons.filterOptions': read<PersonFilterOptions>()(none),
  'persons.get': read<Person>()(byId),
  'persons.statusHistory': read<PersonStatusEntry[]>()(byId),
  'persons.changes': read<AuditEntry[]>()(byId),
  'persons.create': write<Saved>()(personCreateInput),
  'persons.update': write<Saved>()(personUpdateInput),
  'persons.setStatus': write<Saved>()(personStatusInput),
  /** Everything stored about one person (AVG inzage), as PDF and JSON; a write, so the audit log records it. */
  'avg.inzage': write<InzageFiles>()(byId),

  'profiles.list': read<ProfileSummary[]>()(profileListInput),
  'profiles.get': read<Profile>()(profileGetInput),
  'profiles.pdf': read<PdfFile>()(profileGetInput),
  'profiles.create': write<Saved>()(profileCreateInput),
  'profiles.save': write<Saved>()(profileSaveInput),
  'profiles.archive': write<Saved>()(profileRefInput),
  'profiles.duplicate': write<Saved>()(byId),

  'contracts.listForPerson': read<ContractSummary[]>()(z.strictObject({ personId: id })),
  'contracts.get': read<ContractRecord>()(byId),
  'contracts.check': read<ContractCheck>()(contractDraftInput),
  'contracts.pdf': read<PdfFile>()(byId),
  'contracts.create': write<Saved>()(contractDraftInput),
  'contracts.update': write<Saved>()(contractUpdateInput),
  'contracts.finalize': write<Saved>()(contractFinalizeInput),
  'contracts.sign': write<Saved>()(contractSignInput),
  'contracts.end': write<Saved>()(contractEndInput),
  'contracts.amend': write<Saved>()(z.strictObject({ id, version })),
  'attention.list': read<AttentionItem[]>()(none),

  'doorgroei.get': read<DoorgroeiView>()(z.strictObject({ personId: id })),
  'doorgroei.save': write<Saved>()(doorgroeiSaveInput),
  'doorgroei.addOutflow': write<Saved>()(outflowAddInput),
  'doorgroei.updateOutflow': write<Saved>()(outflowUpdateInput),
  'doorgroei.portfolioPdf': read<PdfFile>()(z.strictObject({ personId: id })),

  'begeleiding.pop': read<PopView | null>()(popGetInput),
  'begeleiding.savePop': write<Saved>()(popSaveInput),
  'begeleiding.popPdf': read<PdfFile>()(popGetInput),
  'begeleiding.log': read<LogEntry[]>()(logListInput),
  'begeleiding.addLogEntry': write<Saved>()(logCreateInput),
  'begeleiding.followUpSignal': write<Saved>()(signalFollowUpInput),
  'intervisie.list': read<IntervisieGroup[]>()(none),
  'intervisie.save': write<Saved>()(groupSaveInput),
  'intervisie.session': write<Saved>()(sessionCreateInput),
  'begeleiding.caseload': read<CaseloadRow[]>()(caseloadInput),

  'scholing.catalogue': read<Training[]>()(catalogueInput),
  'scholing.saveTraining': write<Saved>()(trainingSaveInput),
  'scholing.archiveTraining': write<Saved>()(trainingArchiveInput),
  'scholing.listForPerson': read<PersonTrainings>()(personRefInput),
  'scholing.saveForPerson': write<Saved>()(personTrainingSaveInput),
  'scholing.setCertificate': write<Saved>()(certificateSetInput),
  'scholing.certificate': read<CertificateFile>()(byId),
  'scholing.sessions': read<TrainingSession[]>()(sessionsInput),
  'scholing.saveSession': write<Saved>()(sessionSaveInput),
  'scholing.recordAttendance': write<Saved>()(attendanceInput),
  'scholing.cancelSession': write<Saved>()(sessionRefInput),
  /** A person's trainings with their costs, for a claim of training costs (onkosten). */
  'scholing.forClaim': read<TrainingForClaim[]>()(personRefInput),

  'ketenpartners.list': read<Partner[]>()(listInput),
  'ketenpartners.save': write<Saved>()(partnerSaveInput),
  'ketenpartners.archive': write<Saved>()(archiveInput),
  'ketenpartners.projects': read<Project[]>()(listInput),
  'ketenpartners.saveProject': write<Saved>()(projectSaveInput),
  'ketenpartners.archiveProject': write<Saved>()(archiveInput),

  'aanvragen.list': read<RequestRow[]>()(requestListInput),
  'aanvragen.get': read<RequestDetail>()(byId),
  'aanvragen.save': write<Saved>()(requestSaveInput),
  'aanvragen.setStatus': write<Saved>()(requestStatusInput),
  'aanvragen.match': write<Saved>()(requestMatchInput),
  'aanvragen.unmatch': write<Saved>()(requestUnmatchInput),
  'aanvragen.availability': read<Availability>()(availabilityInput),
  'aanvragen.saveAvailability': write<Saved>()(availabilitySaveInput),
  'aanvragen.addAbsence': write<Saved>()(absenceAddInput),
  'aanvragen.removeAbsence': write<Saved>()(absenceRemoveInput),
  'verdeling.proposals': read<Proposals>()(proposalsInput),
  'verdeling.overview': read<LoadOverview>()(loadOverviewInput),
  'inzet.list': read<InzetPage>()(inzetListInput),
  'inzet.get': read<Inzet>()(byId),
  'inzet.save': write<Saved>()(inzetSaveInput),
  'inzet.remove': write<{ count: number }>()(inzetRemoveInput),
  'inzet.import': write<{ count: number }>()(inzetImportInput),
  /** Requests inzet can be recorded for (matched or new), with the partner, project and kind they fill in. */
  'inzet.requests': read<InzetRequestOption[]>()(inzetRequestsInput),
  'verantwoording.report': read<VerantwoordingReport>()(reportInput),
  'verantwoording.pdf': read<PdfFile>()(reportInput),
  'verantwoording.xlsx': read<PdfFile>()(reportInput),

  'claims.list': read<ClaimPage>()(claimListInput),
  'claims.create': write<Saved>()(claimCreateInput),
  'claims.correct': write<Saved>()(claimCorrectInput),
  'claims.import': write<{ count: number }>()(claimImportInput),
  'claims.approve': write<{ count: number }>()(claimApproveInput),
  'claims.reject': write<{ count: number }>()(claimRejectInput),
  'claims.overview': read<ClaimsOverview>()(overviewInput),
  'claims.receipts': read<ReceiptFile[]>()(byId),
  'claims.setReceipts': write<Saved>()(claimSetReceiptsInput),
  'payouts.list': read<PayoutBatch[]>()(none),
  'payouts.create': write<Saved>()(batchCreateInput),
  'payouts.file': read<PdfFile>()(byId),
  'payouts.spreadsheet': read<PdfFile>()(byId),
  'payouts.people': read<{ personId: string; naam: string; totaalCents: number }[]>()(byId),
  'payouts.specification': read<PdfFile>()(z.strictObject({ id, personId: id })),
  'payouts.submit': write<Saved>()(batchRefInput),
  'payouts.paid': write<Saved>()(batchRefInput),
  'payouts.cancel': write<Saved>()(batchRefInput),

  'audit.list': read<AuditPage>()(auditListInput),

  'avg.retention': read<RetentionOverview>()(none),
  'avg.anonymise': write<RetentionAnonymised>()(retentionAnonymiseInput),
  'avg.purge': write<{ declaraties: number; betaalbestanden: number }>()(retentionPurgeInput),

  'settings.get': read<Settings>()(none),
  'settings.update': write<Saved>()(settingsUpdateInput),

  // Backups copy or replace the whole database file, which cannot happen inside a transaction: they are not
  // transactional writes, and each one writes its own audit entry when it has succeeded.
  'backups.overview': read<BackupOverview>()(none),
  'backups.preview': read<BackupPreview>()(backupRefInput),
  'backups.create': read<BackupInfo>()(none),
  'backups.setFolder': read<null>()(backupFolderInput),
  'backups.restore': read<{ safetyCopy: BackupInfo }>()(backupRefInput),
  'backups.recoveryKey': read<RecoveryKey>()(recoveryKeyInput),

  // Working as a team, on the server: the beheerder lets desks in (a one-time pairing code) and revokes them.
  'sync.pairingCode': write<PairingCode>()(pairingCodeInput),
  'sync.devices': read<SyncDevice[]>()(none),
  'sync.revokeDevice': write<Saved>()(revokeDeviceInput),
  // Te verwerken, on the desk (desk-sync): the signed-in user's commands the server did not apply.
  'sync.inbox': read<InboxItem[]>()(none),
  'sync.resolve': write<Saved>()(resolveInboxInput),
  // The desk's link with a server. Connecting pairs over the network and then replaces or uploads the data, which
  // cannot happen inside one transaction: like the backups, it is no transactional write and audits itself.
  'sync.status': read<SyncStatus>()(none),
  'sync.connect': read<ConnectResult>()(connectInput),
  'sync.now': read<SyncStatus>()(none),
  // On the server: one part of a desk's upload when it connects (sync.connect with meenemen).
  'sync.importRows': write<ImportedRows>()(importRowsInput),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export const callNames = Object.keys(contract) as CallName[];

/** What the renderer sends (before defaults and transforms). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (parsed, normalised). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = Exclude<Contract[N]['output'], undefined>;
export type WriteCallName = { [N in CallName]: Contract[N]['write'] extends true ? N : never }[CallName];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
