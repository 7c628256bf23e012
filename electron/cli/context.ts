import type { Backend, BackendOptions } from '../backend/platform';

// What a command needs from the process that runs it (plain Node for `kpis`, the Electron
// main process for `"KPI Scorecard" --cli`), injected so the commands stay the same in both.

export interface Stream {
  write(text: string): void;
  isTTY: boolean;
}

/** Prints a page (the report view served on 127.0.0.1) to a PDF with Chromium's engine. */
export type PdfEngine = (request: {
  url: string;
  outPath: string;
  /** `--chromium PATH`, when given (the desktop app uses its own engine and ignores it). */
  chromiumPath: string | null;
  /** The user's locale, for the report's dates and numbers. */
  locale: string;
  /** The page's title once the report is laid out, or has failed. */
  readyTitle: string;
  failedTitle: string;
}) => Promise<void>;

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: Stream;
  stderr: Stream;
  /** Asks a yes/no question on the terminal; null when stdin is not a terminal. */
  confirm: ((question: string) => Promise<boolean>) | null;
  appVersion: string;
  userName: string;
  /** resources/sample/sample-workspace.json */
  samplePath: string;
  importWorkerPath: string;
  /** The built renderer (out/renderer), served for `kpis report`. */
  rendererDir: string;
  nativeBinding?: string;
  createBackend: (options: BackendOptions) => Backend;
  printPdf: PdfEngine;
  /** The user's locale and time zone, for numbers, dates and reminders. */
  locale: string;
  timeZone: string;
}

/** Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(ctx: CliContext): boolean {
  return ctx.stdout.isTTY && (ctx.env.NO_COLOR ?? '') === '';
}

/** Progress lines go to stderr, and only when it is a terminal (a script's log stays clean). */
export function progress(ctx: CliContext, text: string): void {
  if (ctx.stderr.isTTY) ctx.stderr.write(`${text}\n`);
}
