import { ApiError } from '@shared/api/errors';
import type { MethodInput, MethodName } from '@shared/api/contract';
import type { FileAccess, FilePurpose } from './access';

// The files each API method names, read from its validated input, so the dispatcher checks
// them all in one place before any handler runs.

interface NamedFile {
  path: string;
  purpose: FilePurpose;
}

function input<M extends MethodName>(_method: M, params: unknown): MethodInput<M> {
  return params as MethodInput<M>;
}

/** Every file path in a validated `params` of `method`, with what it is for. */
export function filesNamed(method: MethodName, params: unknown): NamedFile[] {
  switch (method) {
    case 'workspace.open':
      return [{ path: input(method, params).path, purpose: 'open-workspace' }];
    case 'workspace.create': {
      const { path } = input(method, params);
      return path === undefined ? [] : [{ path, purpose: 'new-workspace' }];
    }
    case 'template.createWorkspace': {
      const { path } = input(method, params);
      return path === undefined ? [] : [{ path, purpose: 'new-workspace' }];
    }
    case 'template.import':
      return [{ path: input(method, params).path, purpose: 'import' }];
    case 'workspace.saveCopy':
      return [{ path: (params as { path: string }).path, purpose: 'new-workspace' }];
    case 'sync.join': {
      const { path } = input(method, params);
      return path === undefined ? [] : [{ path, purpose: 'new-workspace' }];
    }
    case 'import.inspect':
    case 'import.start':
    case 'import.definitions':
      return [{ path: (params as { path: string }).path, purpose: 'import' }];
    case 'package.import': {
      const { path, workspacePath } = input(method, params);
      return [
        { path, purpose: 'import' },
        ...(workspacePath === undefined
          ? []
          : [{ path: workspacePath, purpose: 'new-workspace' as const }]),
      ];
    }
    default: {
      // Exports name their file in a destination.
      const destination = (params as { destination?: unknown } | null)?.destination;
      if (
        typeof destination === 'object' &&
        destination !== null &&
        'kind' in destination &&
        destination.kind === 'file' &&
        'path' in destination &&
        typeof destination.path === 'string'
      )
        return [{ path: destination.path, purpose: 'export' }];
      return [];
    }
  }
}

/** Throws FORBIDDEN, naming the path, for the first file the page may not use. */
export function checkFiles(
  access: FileAccess,
  method: MethodName,
  params: unknown,
  recent: () => readonly string[],
): void {
  const files = filesNamed(method, params);
  if (files.length === 0) return;
  const known = recent();
  for (const { path, purpose } of files) {
    const reason = access.refusal(path, purpose, known);
    if (reason !== null) throw new ApiError({ code: 'FORBIDDEN', message: `"${path}" ${reason}` });
  }
}
