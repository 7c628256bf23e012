import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The static import graph of an entry: what the bundler puts in the entry's chunk, and so what
// a start parses and runs (dynamic import() is left for later). `import type` is left out; an
// import naming only types inline (`import { type A }`) is kept, as verbatimModuleSyntax keeps
// it. Used by the tests that keep drivers and schemas out of a start (issue 19).

const root = resolve(import.meta.dirname, '..', '..');
/** Stylesheets, fonts and the like: the bundler loads them, but they import no code. */
const ASSET = /\.(css|svg|png|ttf|woff2?)(\?.*)?$/;
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)';/gms;

/** Every source file and npm package a start loads, following static imports from `entry`. */
export function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec.startsWith('node:') || ASSET.test(spec)) continue;
      const base = spec.startsWith('@shared/')
        ? join(root, 'shared', spec.slice('@shared/'.length))
        : spec.startsWith('.')
          ? resolve(dirname(file), spec)
          : null;
      if (base === null) {
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
        continue;
      }
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) =>
        existsSync(c),
      );
      if (found === undefined) throw new Error(`${spec} (imported by ${file}) was not found`);
      visit(found);
    }
  };
  visit(join(root, entry));
  return { files: new Set([...files].map((file) => relative(root, file))), packages };
}
