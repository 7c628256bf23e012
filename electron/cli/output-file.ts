import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { CliContext } from './context';
import { problem } from './errors';

// Where a command writes a file of its own (export, report, calendar): the app's save dialog
// asks before replacing a file, so here --yes must say so.

export function outputPath(ctx: CliContext, file: string, replace: boolean): string {
  const path = resolve(ctx.cwd, file);
  if (!existsSync(dirname(path)))
    throw problem(`The folder "${dirname(path)}" for ${basename(path)} does not exist.`);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw problem(`"${path}" is a folder; name a file.`);
    if (!replace)
      throw problem(
        `${basename(path)} already exists; pass --yes to replace it, or name another file.`,
      );
  }
  return path;
}
