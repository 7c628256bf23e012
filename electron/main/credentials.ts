import { join } from 'node:path';
import { safeStorage } from 'electron';
import { encryptedFileCredentials } from '../backend/sync/credential-file';
import type { CredentialStore } from '../backend/sync/credentials';

// Sync servers' passwords encrypted by the OS's credential store through Electron's
// safeStorage; the file handling is the backend's (sync/credential-file.ts, unit-tested).

export function osCredentials(
  userDataDir: string,
  log: (message: string, error?: unknown) => void,
): CredentialStore {
  return encryptedFileCredentials(
    join(userDataDir, 'sync-passwords.json'),
    {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (blob) => safeStorage.decryptString(blob),
    },
    log,
  );
}
