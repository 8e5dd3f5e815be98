/**
 * Where a linked desk keeps its device key (issue 13). Under Electron the key is sealed with the operating system's
 * keychain (safeStorage: Keychain, DPAPI, the Secret Service), so that only this user account on this computer can
 * use it, even with the data folder and its recovery code in hand; the store holds the sealed form. In the browser
 * host the encrypted store itself holds it. A key sealed by Electron cannot be opened in the browser host: the desk
 * then works as a team without contact, its changes waiting until Schakel runs on the computer itself again.
 */

/** The part of Electron's safeStorage a vault uses (the shell passes safeStorage itself). */
export interface Keychain {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export interface DeviceKeyVault {
  /** The form the store keeps. */
  seal(key: string): string;
  /** Whether the stored form is the one this vault keeps (else it is sealed again at start). */
  keeps(stored: string): boolean;
  /** The key from the stored form; throws KeyElsewhere when only another keychain can open it. */
  open(stored: string): string;
}

export const keyElsewhereMessage =
  'De sleutel van de koppeling met de server staat in de sleutelbos van Schakel op deze computer, niet hier. Je wijzigingen blijven bewaard en gaan mee zodra je Schakel weer op de computer zelf opent.';

export class KeyElsewhere extends Error {}

const sealedPrefix = 'sleutelbos:';

/** The browser host's vault: the key as it is, in the encrypted store. */
export const storeVault: DeviceKeyVault = {
  seal: (key) => key,
  keeps: () => true,
  open(stored) {
    if (stored.startsWith(sealedPrefix)) throw new KeyElsewhere(keyElsewhereMessage);
    return stored;
  },
};

/** Electron's vault: the key sealed with the operating system's keychain. */
export function keychainVault(keychain: Keychain): DeviceKeyVault {
  return {
    seal: (key) => `${sealedPrefix}${keychain.encryptString(key).toString('base64')}`,
    keeps: (stored) => stored.startsWith(sealedPrefix),
    open(stored) {
      // A data folder linked in the browser host: its key as it is (LinkService seals it now).
      if (!stored.startsWith(sealedPrefix)) return stored;
      try {
        return keychain.decryptString(Buffer.from(stored.slice(sealedPrefix.length), 'base64'));
      } catch {
        throw new KeyElsewhere(keyElsewhereMessage);
      }
    },
  };
}
