import { readJsonFile, writeJsonFileAtomic } from '../settings/json-file';
import { memoryCredentials, type CredentialStore } from './credentials';

// Passwords kept across restarts as blobs only the OS's credential store can open (Electron's
// safeStorage: Keychain, DPAPI, libsecret), in a small file of the app's data folder, keyed by
// server address. Where the OS offers no such store, passwords stay in memory for the session
// rather than being written readable.

/** What the host's encryption offers (Electron's safeStorage, a fake in tests). */
export interface Cipher {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(blob: Buffer): string;
}

export function encryptedFileCredentials(
  path: string,
  cipher: Cipher,
  log?: (message: string, error?: unknown) => void,
): CredentialStore {
  const session = memoryCredentials();
  const read = (): Record<string, string> => {
    const data = readJsonFile(path);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    return Object.fromEntries(
      Object.entries(data).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  };
  const write = (blobs: Record<string, string>): void => {
    try {
      writeJsonFileAtomic(path, blobs);
    } catch (error) {
      log?.('Could not save a sync password; it is kept for this session only', error);
    }
  };
  return {
    get(server) {
      const known = session.get(server);
      if (known !== null || !cipher.available()) return known;
      const blob = read()[server];
      if (blob === undefined) return null;
      try {
        const password = cipher.decrypt(Buffer.from(blob, 'base64'));
        session.set(server, password);
        return password;
      } catch (error) {
        // Another user's or another machine's blob: asked for again.
        log?.('A saved sync password could not be decrypted', error);
        return null;
      }
    },
    set(server, password) {
      session.set(server, password);
      if (!cipher.available()) return;
      write({ ...read(), [server]: cipher.encrypt(password).toString('base64') });
    },
    delete(server) {
      session.delete(server);
      const blobs = read();
      if (!(server in blobs)) return;
      const { [server]: _gone, ...rest } = blobs;
      write(rest);
    },
  };
}
