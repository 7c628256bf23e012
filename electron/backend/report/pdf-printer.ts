import { contract } from '@shared/api/contract';
import type { Backend } from '../platform';

// The desktop shell prints the report to a PDF file with Electron (electron/main/report.ts);
// the backend cannot, since it never imports electron (STYLE.md pattern 5: the platform
// arrives as a small injected interface). This wrapper answers `report.savePdf` with the
// shell's printer and passes every other call to the backend unchanged.

/** Asks where to save, prints the report there; null when the user cancelled. */
export type PdfPrinter = (suggestedName: string) => Promise<{ path: string } | null>;

export function withPdfPrinter(backend: Backend, printer: PdfPrinter): Backend {
  const input = contract['report.savePdf'].input;
  return {
    close: () => backend.close(),
    subscribe: (listener) => backend.subscribe(listener),
    dispatch: async (method, params) => {
      if (method !== 'report.savePdf') return backend.dispatch(method, params);
      const parsed = input.safeParse(params);
      // A call of the wrong shape gets the dispatcher's usual VALIDATION answer.
      if (!parsed.success) return backend.dispatch(method, params);
      try {
        return { ok: true, data: await printer(parsed.data.suggestedName) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: { code: 'FILE_ERROR', message: `The PDF could not be saved: ${reason}` },
        };
      }
    },
  };
}
