import { oneOf, parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import type { CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { withBackend } from '../session';

// `kpis server`: what a sync server's owner does once (init) and now and then (members). There
// is no server process of ours: the schema is tables and functions in PostgreSQL.

const ROLES = ['owner', 'editor', 'viewer'] as const;

const USAGE = `Usage: kpis server init URL [--json]
       kpis server member URL --space NAME --user LOGIN (--role owner|editor|viewer | --remove)

init    Sets an empty PostgreSQL database (13 or later) up for team sync, or brings one set
        up by an older app up to date, in one transaction. Run it as the database's owner.
member  Adds a person (their PostgreSQL login) to a space with a role, changes their role,
        or removes them; only an owner of the space may. A removed member's next sync is
        refused.

URL is a connection string, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE; PGPASSWORD
works too.

Exit codes: 0 done, 1 the server refused or cannot be reached, 2 bad usage.`;

export const serverCommand: Command = {
  name: 'server',
  summary: 'Set a PostgreSQL server up for team sync; manage a space’s members',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'server',
      argv,
      {
        json: { type: 'boolean' },
        space: { type: 'string' },
        user: { type: 'string' },
        role: { type: 'string' },
        remove: { type: 'boolean' },
      },
      { min: 2, max: 2, names: 'init URL, or member URL' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const [action = '', url = ''] = parsed.positionals;
    if (action === 'init') {
      const result = await withBackend(ctx, (session) => session.call('sync.initServer', { url }));
      if (parsed.values.json === true) printJson(ctx, result);
      else
        print(
          ctx,
          result.applied.length === 0
            ? `${result.server} is already set up (server schema ${String(result.version)}).`
            : `Set up ${result.server} for team sync (server schema ${String(result.version)}).`,
        );
      return EXIT.ok;
    }
    if (action === 'member') return member(ctx, url, parsed.values);
    throw usageError(
      `kpis server has no action "${action}": use init or member. See: kpis server --help`,
    );
  },
};

async function member(
  ctx: CliContext,
  url: string,
  values: { space?: string; user?: string; role?: string; remove?: boolean },
): Promise<number> {
  const { space, user } = values;
  if (space === undefined || user === undefined)
    throw usageError('kpis server member needs --space NAME and --user LOGIN.');
  if ((values.role === undefined) === (values.remove !== true))
    throw usageError('kpis server member needs either --role owner|editor|viewer or --remove.');
  const role = values.remove === true ? null : oneOf('--role', values.role ?? '', ROLES);
  await withBackend(ctx, (session) =>
    session.call('sync.setMember', { url, space, member: user, role }),
  );
  print(
    ctx,
    role === null ? `Removed ${user} from "${space}".` : `${user} is now ${role} of "${space}".`,
  );
  return EXIT.ok;
}
