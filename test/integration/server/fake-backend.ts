import type { ApiResult } from '@shared/api/errors';
import type { Backend } from '../../../electron/backend/platform';

/** Records every call and answers like a tiny backend, so host tests see what reached it. */
export function createFakeBackend(): Backend & {
  calls: { method: string; params: unknown }[];
  closed: number;
} {
  const calls: { method: string; params: unknown }[] = [];
  const fake = {
    calls,
    closed: 0,
    dispatch(method: string, params: unknown): Promise<ApiResult<unknown>> {
      calls.push({ method, params });
      if (method === 'app.info') {
        return Promise.resolve({
          ok: true,
          data: { version: '9.9.9', mode: 'browser', workspacesDir: '/tmp' },
        });
      }
      if (method === 'echo') return Promise.resolve({ ok: true, data: params });
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `There is no API method named ${method}.` },
      });
    },
    close() {
      fake.closed += 1;
    },
    subscribe: () => () => undefined,
  };
  return fake;
}
