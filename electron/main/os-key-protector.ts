// The OS keyring as the signing key's protector: Electron's async safeStorage (Keychain on macOS, DPAPI on
// Windows, libsecret or kwallet on Linux). Where it does not really protect anything (Linux's basic_text,
// a hard-coded password) or is unavailable, there is none, and the administrator's passphrase wraps the key.

import { safeStorage } from 'electron';
import { stringCipherProtector, type KeyProtector } from '../services/certification/keys';

export async function osKeyProtector(): Promise<KeyProtector | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  return stringCipherProtector({
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    // shouldReEncrypt is not acted on: a stored key's wrap is never rewritten (the key is rotated instead).
    decrypt: async (bytes) => (await safeStorage.decryptStringAsync(bytes)).result,
  });
}
