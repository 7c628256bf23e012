import { parseArgs } from 'node:util';

// Command-line flags of browser mode (`node out/main/server.js`), parsed without side effects so
// every rule is unit-tested.

/**
 * The port browser mode listens on unless told otherwise: the same address every start, so the
 * browser keeps what it saved for the app (its cached scripts, the view and scorecard it last
 * showed) from one start to the next. When it is taken, any free port is used instead.
 */
export const USUAL_PORT = 4780;

export interface ServerArgs {
  /** 0 picks a free port; null is the usual port (USUAL_PORT), or any free one if it is taken. */
  port: number | null;
  /** Absent: KPIS_DATA_DIR or the platform's app-data folder. */
  dataDir: string | null;
  /** A workspace file to open at start. */
  workspace: string | null;
  /** Open a fresh copy of the sample at start. */
  sample: boolean;
  /** Do not launch a web browser. */
  open: boolean;
  /** Print one `KPIS_READY {...}` line once listening (for tests and scripts). */
  readyJson: boolean;
  help: boolean;
}

export const USAGE = `Usage: node out/main/server.js [options]

Runs KPI Scorecard in your web browser, served from this computer only (127.0.0.1).

Options:
  --port N           Port to listen on (default: ${USUAL_PORT}, or any free port when it
                     is taken; 0 = any free port; also KPIS_PORT)
  --data-dir DIR     Where the app keeps its settings and workspaces (also KPIS_DATA_DIR)
  --workspace FILE   Open this workspace (.kpis) at start
  --sample           Open a fresh copy of the sample workspace at start
  --no-open          Do not open a web browser
  --ready-json       Print a machine-readable KPIS_READY line when listening
  -h, --help         Show this help`;

export type ParseResult = { ok: true; args: ServerArgs } | { ok: false; message: string };

export function parseServerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParseResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        workspace: { type: 'string' },
        sample: { type: 'boolean', default: false },
        open: { type: 'boolean', default: true },
        'ready-json': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }

  const portText = values.port ?? env.KPIS_PORT;
  const portSource = values.port !== undefined ? '--port' : 'KPIS_PORT';
  if (portText !== undefined && (!/^\d+$/.test(portText.trim()) || Number(portText) > 65_535)) {
    return {
      ok: false,
      message: `${portSource} must be a whole number from 0 to 65535 (0 = any free port); got "${portText}".`,
    };
  }
  if (values.workspace !== undefined && values.sample) {
    return { ok: false, message: 'Use either --workspace or --sample, not both.' };
  }
  for (const [flag, value] of [
    ['--data-dir', values['data-dir']],
    ['--workspace', values.workspace],
  ] as const) {
    if (value !== undefined && value.trim() === '') {
      return { ok: false, message: `${flag} needs a path.` };
    }
  }
  return {
    ok: true,
    args: {
      port: portText === undefined ? null : Number(portText),
      dataDir: values['data-dir'] ?? null,
      workspace: values.workspace ?? null,
      sample: values.sample,
      open: values.open,
      readyJson: values['ready-json'],
      help: values.help,
    },
  };
}
