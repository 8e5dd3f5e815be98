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
  if (fs.existsSync(file)) {
    try {
      return safeStorage.decryptString(fs.readFileSync(file));
    } catch {
      throw new DatabaseKeyError(
        `De sleutelbos van dit account kan de databasesleutel (${file}) niet meer ontsleutelen (een andere sleutelbos of een ander account?). Start Schakel als browser-host met de herstelcode als wachtwoordzin, of zet de sleutelbos terug.`,
      );
    }
  }
  // A new or a plain database (from before encryption) gets a new key; an encrypted one without its key is lost.
  if (databaseState(dataDir) === 'encrypted') {
    throw new DatabaseKeyError(
      `De databasesleutel (${file}) ontbreekt, dus de versleutelde gegevens in ${dataDir} zijn niet te openen. Zet de map terug zoals ze was, of open de gegevens met de herstelcode (browser-host, herstelcode als wachtwoordzin).`,
    );
  }
  const key = randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // On disk for sure before the database is encrypted with it: a power cut must not leave data without its key.
  const fd = fs.openSync(`${file}.deels`, 'w', 0o600);
  fs.writeSync(fd, safeStorage.encryptString(key));
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(`${file}.deels`, file);
  const dir = fs.openSync(dataDir, 'r');
  fs.fsyncSync(dir);
  fs.closeSync(dir);
  return key;
}
