// A backend on a scratch folder for the benchmarks, with a call that throws on failure.
import { join } from 'node:path';
import type { MethodName, MethodOutput, MethodParams } from '@shared/api/contract';
import {
  createBackend,
  unrestrictedFileAccess,
  type Backend,
  type BackendOptions,
} from '../../electron/backend';

export type Call = <M extends MethodName>(
  method: M,
  params: MethodParams<M>,
) => Promise<MethodOutput<M>>;

export function benchBackend(
  dir: string,
  extra: Partial<BackendOptions> = {},
): { backend: Backend; call: Call } {
  const backend = createBackend({
    mode: 'browser',
    appVersion: 'bench',
    dataDir: join(dir, 'data'),
    workspacesDir: join(dir, 'workspaces'),
    samplePath: join(dir, 'none.json'),
    userName: 'bench',
    fileAccess: unrestrictedFileAccess,
    ...extra,
  });
  async function call<M extends MethodName>(
    method: M,
    params: MethodParams<M>,
  ): Promise<MethodOutput<M>> {
    const result = await backend.dispatch(method, params);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as MethodOutput<M>;
  }
  return { backend, call };
}
