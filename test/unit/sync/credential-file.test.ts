import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  encryptedFileCredentials,
  type Cipher,
} from '../../../electron/backend/sync/credential-file';

// The desktop's password file with a fake cipher (Electron's safeStorage cannot run here): the
// password survives a restart, is never written readable, is forgotten when refused, and with
// no OS encryption stays in memory only.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeCipher(available = true): Cipher {
  // Reversible but not readable: enough to tell that the file holds no plain password.
  return {
    available: () => available,
    encrypt: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
    decrypt: (blob) => Buffer.from([...blob].map((b) => b ^ 0x5a)).toString(),
  };
}

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-cred-'));
  dirs.push(dir);
  return join(dir, 'sync-passwords.json');
}

const SERVER = 'postgres://alice@db.example.org:5432/kpis';

describe('sync passwords kept by the OS credential store', () => {
  it('keeps a password across a restart, encrypted', () => {
    const path = file();
    encryptedFileCredentials(path, fakeCipher()).set(SERVER, 's3cret-pass');
    expect(readFileSync(path, 'utf8')).not.toContain('s3cret-pass');
    expect(encryptedFileCredentials(path, fakeCipher()).get(SERVER)).toBe('s3cret-pass');
    expect(encryptedFileCredentials(path, fakeCipher()).get('postgres://bob@x/y')).toBeNull();
  });

  it('forgets a refused password in the file too', () => {
    const path = file();
    const store = encryptedFileCredentials(path, fakeCipher());
    store.set(SERVER, 'old');
    store.set('postgres://bob@x/y', 'other');
    store.delete(SERVER);
    expect(store.get(SERVER)).toBeNull();
    const again = encryptedFileCredentials(path, fakeCipher());
    expect(again.get(SERVER)).toBeNull();
    expect(again.get('postgres://bob@x/y')).toBe('other');
  });

  it('without OS encryption keeps the password for the session only and writes nothing', () => {
    const path = file();
    const store = encryptedFileCredentials(path, fakeCipher(false));
    store.set(SERVER, 'session-only');
    expect(store.get(SERVER)).toBe('session-only');
    expect(() => readFileSync(path)).toThrow();
    expect(encryptedFileCredentials(path, fakeCipher(false)).get(SERVER)).toBeNull();
  });

  it('a blob that cannot be decrypted (another machine) asks again', () => {
    const path = file();
    encryptedFileCredentials(path, fakeCipher()).set(SERVER, 'pw');
    const broken: Cipher = {
      ...fakeCipher(),
      decrypt: () => {
        throw new Error('cannot decrypt');
      },
    };
    const logged: string[] = [];
    expect(encryptedFileCredentials(path, broken, (m) => logged.push(m)).get(SERVER)).toBeNull();
    expect(logged).toHaveLength(1);
  });
});
