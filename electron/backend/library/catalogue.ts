import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { LibraryCatalogue } from '@shared/api/contract-library';
import { libraryProblems } from '@shared/library/check';
import { DEPARTMENT_LABELS, LIBRARY_DEPARTMENTS } from '@shared/library/departments';
import { libraryFileSchema, type LibraryKpi } from '@shared/library/schema';
import { firstIssue } from './issue-place';

// The KPI library shipped in resources/library/ (one JSON file per department), read once per
// folder and checked whole: a broken file makes the library unavailable with a message naming
// the file and the KPI, rather than adding half-defined KPIs to someone's scorecard.

export interface Library {
  kpis: LibraryKpi[];
  byCode: ReadonlyMap<string, LibraryKpi>;
}

const loaded = new Map<string, Library>();

function broken(detail: string): ApiError {
  return new ApiError({
    code: 'FILE_ERROR',
    message: `The KPI library that came with the app cannot be used (${detail}). Reinstalling the app should fix this.`,
  });
}

/** Reads and checks every file of the library folder; throws FILE_ERROR naming the problem. */
export function readLibrary(folder: string): Library {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw broken(error instanceof Error ? error.message : String(error));
  }
  if (files.length === 0) throw broken(`no library files in ${folder}`);
  const kpis: LibraryKpi[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
    } catch (error) {
      throw broken(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = libraryFileSchema.safeParse(json);
    if (!parsed.success) throw broken(`${file}: ${firstIssue(json, parsed.error)}`);
    kpis.push(...parsed.data.kpis);
  }
  const [problem] = libraryProblems(kpis);
  if (problem !== undefined) throw broken(problem);
  return { kpis, byCode: new Map(kpis.map((kpi) => [kpi.code, kpi])) };
}

/** The library of `folder`, read on first use (the shipped files never change while running). */
export function libraryIn(folder: string): Library {
  let library = loaded.get(folder);
  if (!library) {
    library = readLibrary(folder);
    loaded.set(folder, library);
  }
  return library;
}

export function catalogue(library: Library): LibraryCatalogue {
  return {
    departments: LIBRARY_DEPARTMENTS.map((key) => ({
      key,
      label: DEPARTMENT_LABELS[key],
      count: library.kpis.filter((kpi) => kpi.department === key).length,
    })).filter((department) => department.count > 0),
    kpis: library.kpis,
  };
}
