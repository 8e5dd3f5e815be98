import { z } from 'zod';
import { requiredText } from './validation.ts';

export const backupKinds = [
  'dagelijks',
  'handmatig',
  'voor-migratie',
  'voor-versleuteling',
  'voor-terugzetten',
] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  dagelijks: 'Dagelijks',
  handmatig: 'Handmatig',
  'voor-migratie': 'Voor een update',
  'voor-versleuteling': 'Voor versleuteling',
  'voor-terugzetten': 'Voor terugzetten',
};

/** What a backup holds, counted when it was made (and again when it is previewed). */
export interface BackupCounts {
  personen: number;
  contracten: number;
  declaraties: number;
  bonnen: number;
  logregels: number;
  accounts: number;
}

export interface BackupInfo {
  /** The file's name inside the backup folder; the only handle the renderer gets. */
  name: string;
  createdAt: string;
  kind: BackupKind | null;
  bytes: number;
  schemaVersion: number | null;
  counts: BackupCounts | null;
}

export interface BackupOverview {
  folder: string;
  isDefaultFolder: boolean;
  backups: BackupInfo[];
}

export interface BackupPreview extends BackupInfo {
  organisatieNaam: string | null;
  /** The newest entries of the backup's own audit log: what the data was last doing. */
  lastChanges: { at: string; summary: string }[];
}

/** Backup files are named by the app: schakel-20261125T101500Z-dagelijks.sqlite. */
export const backupFileName = /^schakel-\d{8}T\d{6}(\d{3})?Z-[a-z-]{3,30}\.sqlite$/;

export const backupRefInput = z.strictObject({
  name: z
    .string({ error: 'verplicht' })
    .max(80, 'onbekende reservekopie')
    .regex(backupFileName, 'onbekende reservekopie'),
});

/**
 * What opens this installation's data and backups on another computer: the passphrase typed at start (browser
 * host), or the random key the keychain keeps (Electron), shown so it can be written down.
 */
export interface RecoveryKey {
  bron: 'wachtwoordzin' | 'sleutelbos';
  /** Only for a keychain key: the passphrase is known to whoever typed it and is not shown back. */
  code: string | null;
}

export const recoveryKeyInput = z.strictObject({
  password: z.string({ error: 'verplicht' }).min(1, 'vul je wachtwoord in').max(200),
});

export const backupFolderInput = z.strictObject({
  folder: requiredText(500).refine(
    (v) => v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'),
    'geef een volledig pad, zoals /home/naam/Reservekopieën of D:\\Reservekopieën',
  ),
});
