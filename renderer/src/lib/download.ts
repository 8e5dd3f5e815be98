import type { PdfFile } from '../../../shared/contracts.ts';

/**
 * Hands a file to the user: a download in the browser host; Electron turns the same download into a save dialog.
 */
export function downloadFile(file: PdfFile, type = 'application/pdf'): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
