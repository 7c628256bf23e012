import { describe, expect, it } from 'vitest';
import { staticGraph } from '../static-graph';
import { METHOD_NAMES } from '@shared/api/contract';
import { GROUP_OF, loadHandler } from '../../../electron/backend/handlers/registry';

// Issue 19: browser mode and the desktop window start by loading only what opening a workspace
// and serving the first screen need. The bundler follows static imports into the start's
// chunk and leaves dynamic import() for later, so the static import graph of each entry is
// what a start parses; these drivers and domains must stay out of it.

const LATER_PACKAGES = ['pg', 'exceljs', 'papaparse', 'ical-generator', 'iconv-lite'];

describe.each([
  ['browser mode', 'electron/server/cli.ts'],
  ['the desktop window', 'electron/main/index.ts'],
])('the start of %s', (_name, entry) => {
  const graph = staticGraph(entry);

  it('opens the workspace through the dispatcher (the graph is really followed)', () => {
    expect(graph.files).toContain('electron/backend/dispatcher.ts');
    expect(graph.files).toContain('electron/backend/workspace/migrations.ts');
    expect(graph.packages).toContain('better-sqlite3');
  });

  it('loads no import, export, sync or calendar driver', () => {
    expect([...graph.packages].filter((name) => LATER_PACKAGES.includes(name))).toEqual([]);
  });

  it("loads no domain's handlers or services, no team sync and no command line", () => {
    // The dispatcher's own needs: the change log's scorecards for the changed event, and the
    // sync tables that are part of every workspace's schema (migrations). The background sync
    // watches from the start, but reads only the file's sync tables until a sync runs: the
    // driver and the engine load with the first sync call (no `pg` above).
    const needed = [
      'electron/backend/handlers/registry.ts',
      'electron/backend/handlers/types.ts',
      'electron/backend/services/changed-scorecards.ts',
      'electron/backend/sync/workspace-schema.ts',
      ...[
        'activity',
        'background',
        'credential-file',
        'credentials',
        'link',
        'pending',
        'scheduler',
        'status',
      ].map((name) => `electron/backend/sync/${name}.ts`),
    ];
    const eager = [...graph.files].filter(
      (file) =>
        /^electron\/(backend\/(handlers|services|sync)|cli\/commands)\//.test(file) &&
        !needed.includes(file),
    );
    expect(eager).toEqual([]);
  });
});

describe('the handler registry', () => {
  it('answers every API method with a handler from the group it is filed under', async () => {
    expect(Object.keys(GROUP_OF).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      expect(typeof (await loadHandler(method)), method).toBe('function');
    }
  });
});
