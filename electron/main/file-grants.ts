import { resolve } from 'node:path';
import type { FileAccess, FilePurpose } from '../backend/files/access';

// The desktop app's file permissions: the main process grants a path when the user picks it
// in a native dialog (or the OS hands over a double-clicked file), for what the dialog was for;
// the page may name nothing else. A file picked to import cannot be overwritten by an export,
// nor a file saved for an export opened as a workspace. Workspaces in the recent list were
// opened by the user before and may be opened again.

const HINTS: Record<FilePurpose, string> = {
  import: 'was not chosen to import; pick it with the Import dialog.',
  'open-workspace': 'was not chosen to open; pick it with File › Open or the recent list.',
  'new-workspace': 'was not chosen as a new workspace; pick it in the Save dialog.',
  export: 'was not chosen as the export file; pick it in the Export dialog.',
};

export class FileGrants implements FileAccess {
  private readonly granted = new Map<string, Set<FilePurpose>>();

  grant(path: string, purpose: FilePurpose): void {
    const key = resolve(path);
    const purposes = this.granted.get(key) ?? new Set<FilePurpose>();
    purposes.add(purpose);
    this.granted.set(key, purposes);
  }

  refusal(path: string, purpose: FilePurpose, recent: readonly string[]): string | null {
    const key = resolve(path);
    if (this.granted.get(key)?.has(purpose) === true) return null;
    if (purpose === 'open-workspace' && recent.some((known) => resolve(known) === key)) return null;
    return HINTS[purpose];
  }
}

/** The purpose a native dialog's answer is granted for. */
export const DIALOG_PURPOSE = {
  openWorkspace: 'open-workspace',
  newWorkspace: 'new-workspace',
  saveCopy: 'new-workspace',
  importFile: 'import',
  saveExport: 'export',
} as const satisfies Record<string, FilePurpose>;
