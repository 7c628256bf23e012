// Passwords of sync servers, kept by the host and never in a workspace file. The desktop keeps
// them encrypted with the OS's credential store (electron/main/credentials.ts); browser mode and
// the command line keep them in memory for the session (the CLI also takes PGPASSWORD).

export interface CredentialStore {
  /** The password for a server address (as the workspace file keeps it: without password). */
  get(server: string): string | null;
  set(server: string, password: string): void;
  /** Forgets it (the server refused it). */
  delete(server: string): void;
}

/** For the session only: asked for again after a restart. */
export function memoryCredentials(): CredentialStore {
  const passwords = new Map<string, string>();
  return {
    get: (server) => passwords.get(server) ?? null,
    set: (server, password) => {
      passwords.set(server, password);
    },
    delete: (server) => {
      passwords.delete(server);
    },
  };
}

/** The address with `password` in it, for connecting; the password is URL-encoded. */
export function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The password an address carries, or null. */
export function passwordIn(url: string): string | null {
  try {
    const { password } = new URL(url);
    return password === '' ? null : decodeURIComponent(password);
  } catch {
    return null;
  }
}
