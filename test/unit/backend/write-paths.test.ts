import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One write path per entity (issue 14): only the stores write the data tables, each write with
// its change-log entry, and only the ChangeLog appends to the log. A write added anywhere else
// would bypass the log (and the 'changed' event that refreshes the page); this fails first.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const DATA_TABLES =
  'scorecards|perspectives|objectives|kpis|kpi_values|action_plans|reminder_defaults|kpi_reminder_overrides|review_schedules|change_log';
const WRITE = new RegExp(
  // Not followed by a dot: kpis.events and kpis.spaces are the sync server's schema.
  `(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+(${DATA_TABLES})\\b(?!\\.)`,
  'gi',
);

/** Every file and the data tables it writes. */
function writers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of [...sources('electron'), ...sources('shared')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(WRITE)) {
      const tables = found.get(file) ?? new Set<string>();
      tables.add((match[2] as string).toLowerCase());
      found.set(file, tables);
    }
  }
  return found;
}

describe('write paths', () => {
  it('only the stores write the data tables', () => {
    const outside = [...writers().keys()].filter(
      (file) =>
        !file.startsWith('electron/backend/store/') &&
        file !== 'electron/backend/reminders/settings-store.ts',
    );
    expect(outside).toEqual([]);
  });

  it('only the ChangeLog appends to the change log', () => {
    const logWriters = [...writers()]
      .filter(([, tables]) => tables.has('change_log'))
      .map(([file]) => file);
    expect(logWriters).toEqual(['electron/backend/store/change-log.ts']);
  });

  it('sees a write where there is one (the scan is not blind)', () => {
    const tables = writers().get('electron/backend/store/value-bulk.ts');
    expect(tables).toEqual(new Set(['kpi_values']));
  });
});
