/**
 * Electron's database key: a random secret, encrypted with the operating system's keychain through safeStorage
 * (Keychain on macOS, DPAPI on Windows, the Secret Service/kwallet on Linux) and kept beside the data. The user
 * never types it; a copied data folder is useless on another account or computer.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { databaseState } from '../core/store/encryption.ts';

const keyFileName = 'databasesleutel.bin';

export class DatabaseKeyError extends Error {}

export function databaseKey(dataDir: string): string {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new DatabaseKeyError(
      'De sleutelbos van het besturingssysteem is niet beschikbaar, dus Schakel kan de databasesleutel niet veilig bewaren. Log in op een bureaublad met een sleutelbos (bijvoorbeeld GNOME Keyring of KWallet) en start Schakel opnieuw.',
    );
  }
  // On Linux without a keyring Chromium falls back to a fixed password: that protects nothing.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new DatabaseKeyError(
      'Er is geen sleutelbos (GNOME Keyring of KWallet) actief; zonder die kan Schakel de databasesleutel niet veilig bewaren.',
    );
  }
  const file = path.join(dataDir, keyFileName);
  if (fs.existsSync(file)) return safeStorage.decryptString(fs.readFileSync(file));
  // A new or a plain database (from before encryption) gets a new key; an encrypted one without its key is lost.
  if (databaseState(dataDir) === 'encrypted') {
    throw new DatabaseKeyError(
      `De databasesleutel (${file}) ontbreekt, dus de versleutelde gegevens in ${dataDir} zijn niet te openen. Zet de map terug zoals ze was, of zet een reservekopie terug.`,
    );
  }
  const key = randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${file}.deels`, safeStorage.encryptString(key), { mode: 0o600 });
  fs.renameSync(`${file}.deels`, file);
  return key;
}
