import { resolve } from 'node:path';
import type { SyncRun } from '@shared/api/contract-sync';
import { extensionOf, parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { progress, type CliContext } from '../context';
import { EXIT, problem, usageError } from '../errors';
import { openWorkspace, withBackend } from '../session';

// `kpis share`, `kpis join` and `kpis sync`: team sync of workspace files through a PostgreSQL
// server set up with `kpis server init`. A password in an address is used for the call and
// never written to the file; `kpis sync` takes it from --server or PGPASSWORD.

const EXIT_CODES =
  'Exit codes: 0 done, 1 the server refused or cannot be reached (your changes wait in the outbox), 2 bad usage.';

function summary(
  ctx: CliContext,
  run: SyncRun,
  json: boolean,
  extra: Record<string, unknown> = {},
): number {
  if (json) {
    printJson(ctx, { ...extra, ...run });
    return EXIT.ok;
  }
  print(
    ctx,
    `Synced with "${run.space}" on ${run.server} as ${run.role}: sent ${String(run.sent)}, received ${String(run.received)}, waiting to send ${String(run.waiting)}, conflicts to review ${String(run.conflicts)}.`,
  );
  return EXIT.ok;
}

function workspaceFile(file: string): string {
  if (extensionOf(file) !== 'kpis')
    throw usageError(`A workspace file must end in .kpis; got "${file}".`);
  return file;
}

const SHARE_USAGE = `Usage: kpis share FILE.kpis --server URL --space NAME [--json]

Makes a space on the server for the workspace and sends its whole history. Others join it
with kpis join; everyone then syncs with kpis sync.

${EXIT_CODES}`;

export const shareCommand: Command = {
  name: 'share',
  summary: 'Share a workspace through a team sync server',
  usage: SHARE_USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'share',
      argv,
      { server: { type: 'string' }, space: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, SHARE_USAGE);
    const { server, space } = parsed.values;
    if (server === undefined || space === undefined)
      throw usageError('kpis share needs --server URL and --space NAME. See: kpis share --help');
    const file = workspaceFile(parsed.positionals[0] ?? '');
    const run = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      progress(ctx, `Sending the workspace's history to "${space}"…`);
      return session.call('sync.share', { url: server, space });
    });
    return summary(ctx, run, parsed.values.json === true);
  },
};

const JOIN_USAGE = `Usage: kpis join URL --space NAME FILE.kpis [--json]

Makes a new workspace file with everything in the space. FILE must not exist.

${EXIT_CODES}`;

export const joinCommand: Command = {
  name: 'join',
  summary: 'Make a workspace file from a shared space',
  usage: JOIN_USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'join',
      argv,
      { space: { type: 'string' }, json: { type: 'boolean' } },
      { min: 2, max: 2, names: 'URL and FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, JOIN_USAGE);
    const [url = '', target = ''] = parsed.positionals;
    const { space } = parsed.values;
    if (space === undefined)
      throw usageError('kpis join needs --space NAME. See: kpis join --help');
    const path = resolve(ctx.cwd, workspaceFile(target));
    const result = await withBackend(ctx, (session) => {
      progress(ctx, `Receiving "${space}"…`);
      return session.call('sync.join', { url, space, path });
    });
    return summary(ctx, result.sync, parsed.values.json === true, { path: result.workspace.path });
  },
};

const SYNC_USAGE = `Usage: kpis sync FILE.kpis [--server URL] [--json]

Receives the others' changes and sends this file's. The server is the one the file was
shared or joined on; --server gives the same address with a password (or use PGPASSWORD).
With --json: {server, space, role, sent, received, waiting, conflicts, lastSyncedAt,
lastError, state, nextTryAt}.

${EXIT_CODES}`;

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Send and receive the changes of a shared workspace',
  usage: SYNC_USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'sync',
      argv,
      { server: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, SYNC_USAGE);
    const file = workspaceFile(parsed.positionals[0] ?? '');
    const run = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const status = await session.call('sync.status', {});
      if (status === null)
        throw problem(
          `${file} is not shared. Share it first: kpis share ${file} --server URL --space NAME`,
        );
      return session.call(
        'sync.run',
        parsed.values.server === undefined ? {} : { url: parsed.values.server },
      );
    });
    return summary(ctx, run, parsed.values.json === true);
  },
};
