/**
 * The work that runs in a worker thread, so the main thread (which answers every window) is never blocked by it:
 * each task is a plain async function of plain data. Loaded only inside the worker (entry.ts); the main thread
 * imports its type. Each task's module is loaded on its first use, so a backup worker never loads pdfmake.
 */

import type { DocumentModel } from '../../../shared/document-model.ts';
import type { BackupJob, BackupPreviewJob } from '../backups/backup-file.ts';

export const tasks = {
  /** A document model as PDF bytes (see pdf/render-document.ts). */
  renderPdf: async (input: { model: DocumentModel; creationDate: Date | undefined }): Promise<Uint8Array> => {
    const { renderPdfInThisThread } = await import('../pdf/render-document.ts');
    const pdf = await renderPdfInThisThread(input.model, { creationDate: input.creationDate });
    // A copy of its own, so the bytes can move to the main thread without copying again.
    return new Uint8Array(pdf);
  },
  /** A backup of the database file, read through a connection of this thread (see backups/backup-file.ts). */
  writeBackup: async (job: BackupJob) => (await import('../backups/backup-file.ts')).writeBackupOfFile(job),
  /** What the restore screen shows of a backup, after checking it whole. */
  previewBackup: async (job: BackupPreviewJob) => (await import('../backups/backup-file.ts')).previewOf(job),
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
