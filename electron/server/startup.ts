import type { RecentWorkspace, WorkspaceInfo } from '@shared/domain/entities';
import type { Backend } from '../backend/platform';

// Which workspace the app shows first. Shared by browser mode and the desktop shell so both start
// the same way: the file asked for, else the most recent one that still exists, else the sample.

export type InitialWorkspace =
  { kind: 'file'; path: string } | { kind: 'sample' } | { kind: 'most-recent' };

export type StartupOutcome =
  | { ok: true; workspace: WorkspaceInfo }
  /** The app starts anyway, on the start screen; `message` says why nothing is open. */
  | { ok: false; message: string };

export async function openInitialWorkspace(
  backend: Pick<Backend, 'dispatch'>,
  request: InitialWorkspace,
): Promise<StartupOutcome> {
  if (request.kind === 'file') return open(backend, 'workspace.open', { path: request.path });
  if (request.kind === 'sample') return open(backend, 'workspace.openSample', {});

  const recent = await backend.dispatch('workspace.recent', {});
  const latest = recent.ok
    ? (recent.data as RecentWorkspace[]).find((entry) => entry.exists)
    : undefined;
  return latest
    ? open(backend, 'workspace.open', { path: latest.path })
    : open(backend, 'workspace.openSample', {});
}

async function open(
  backend: Pick<Backend, 'dispatch'>,
  method: 'workspace.open' | 'workspace.openSample',
  params: object,
): Promise<StartupOutcome> {
  const result = await backend.dispatch(method, params);
  if (result.ok) return { ok: true, workspace: result.data as WorkspaceInfo };
  return { ok: false, message: result.error.message };
}
