import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/platform';
import { withPdfPrinter } from '../../../electron/backend/report/pdf-printer';

// The desktop shell answers "report.savePdf" with its printer; everything else reaches the
// backend untouched, and a printer failure becomes a message, not a crash.

function fakeBackend(calls: string[]): Backend {
  return {
    subscribe: () => () => undefined,
    dispatch: (method) => {
      calls.push(method);
      return Promise.resolve({
        ok: false,
        error: { code: 'VALIDATION', message: `${method} reached the backend` },
      });
    },
    close: () => undefined,
  };
}

describe('withPdfPrinter', () => {
  it('prints with the shell and leaves other methods to the backend', async () => {
    const calls: string[] = [];
    const names: string[] = [];
    const backend = withPdfPrinter(fakeBackend(calls), (name) => {
      names.push(name);
      return Promise.resolve({ path: `/home/ana/${name}` });
    });
    expect(await backend.dispatch('report.savePdf', { suggestedName: 'March.pdf' })).toEqual({
      ok: true,
      data: { path: '/home/ana/March.pdf' },
    });
    expect(names).toEqual(['March.pdf']);
    await backend.dispatch('report.data', {});
    expect(calls).toEqual(['report.data']);
  });

  it('lets the backend refuse a call of the wrong shape, and reports a failed save', async () => {
    const calls: string[] = [];
    const backend = withPdfPrinter(fakeBackend(calls), () =>
      Promise.reject(new Error('disk full')),
    );
    await backend.dispatch('report.savePdf', { suggestedName: 42 });
    expect(calls).toEqual(['report.savePdf']);
    expect(await backend.dispatch('report.savePdf', { suggestedName: 'x.pdf' })).toEqual({
      ok: false,
      error: { code: 'FILE_ERROR', message: 'The PDF could not be saved: disk full' },
    });
  });
});
