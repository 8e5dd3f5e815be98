/** What a receipt may be: the main process types each file by its content and refuses anything else. */
export const receiptAccept = 'image/png,image/jpeg,application/pdf';

/** A chosen file as base64, the form the contract takes receipts in. */
export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
