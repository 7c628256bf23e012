import type { LibraryCatalogue } from '@shared/api/contract-library';
import type { LibraryKpi } from '@shared/library/schema';
import { parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { EXIT, usageError } from '../errors';
import { withBackend } from '../session';
import { renderTable } from '../table';

// `kpis library`: the KPI library that comes with the app, all of it or one department, as a
// table or JSON. Each calculated KPI shows its formula in the codes of other library KPIs.

const USAGE = `Usage: kpis library [--department NAME] [--json]

Lists the KPI library: each KPI's code, name, department, unit, direction, how often it is
measured and, for a calculated KPI, its formula written with the codes of other library KPIs.

Options:
  --department NAME  Only this department, e.g. sales, "customer service", saas (as listed
                     by kpis library; case and spaces or hyphens do not matter)
  --json             Print the KPIs as JSON, with every field of the definition (description,
                     decimals, aggregation, type, leading or lagging, measure kind, perspective)
  -h, --help         Show this help

Exit codes: 0 listed, 2 bad usage (an unknown department).`;

const simple = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim();

function unitText(kpi: LibraryKpi): string {
  const { format, suffix } = kpi.unit;
  if (format === 'currency') return 'currency';
  if (format === 'percent') return '%';
  return suffix === '' ? format : suffix;
}

function pickDepartment(catalogue: LibraryCatalogue, wanted: string): string {
  const found = catalogue.departments.find(
    (department) =>
      simple(department.key) === simple(wanted) || simple(department.label) === simple(wanted),
  );
  if (!found)
    throw usageError(
      `There is no department "${wanted}" in the library. Departments: ${catalogue.departments.map((d) => d.key).join(', ')}.`,
    );
  return found.key;
}

export const libraryCommand: Command = {
  name: 'library',
  summary: 'List the KPI library (by department), with formulas',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'library',
      argv,
      { department: { type: 'string' }, json: { type: 'boolean' } },
      { min: 0, max: 0, names: 'no file' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const catalogue = await withBackend(ctx, (session) => session.call('library.list', {}));
    const wanted = parsed.values.department;
    const department = wanted === undefined ? null : pickDepartment(catalogue, wanted);
    const kpis = catalogue.kpis.filter(
      (kpi) => department === null || kpi.department === department,
    );
    if (parsed.values.json === true) {
      printJson(
        ctx,
        kpis.map((kpi) => ({ ...kpi, formula: kpi.formula ?? null })),
      );
      return EXIT.ok;
    }
    const label = new Map(catalogue.departments.map((d) => [d.key, d.label]));
    print(
      ctx,
      renderTable(
        [
          { title: 'Code', align: 'left' },
          { title: 'Name', align: 'left' },
          { title: 'Department', align: 'left' },
          { title: 'Unit', align: 'left' },
          { title: 'Direction', align: 'left' },
          { title: 'Frequency', align: 'left' },
          { title: 'Formula', align: 'left' },
        ],
        kpis.map((kpi) => [
          kpi.code,
          kpi.name,
          label.get(kpi.department) ?? kpi.department,
          unitText(kpi),
          kpi.direction === 'higher_is_better' ? 'higher is better' : 'lower is better',
          kpi.frequency,
          kpi.formula ?? '',
        ]),
      ),
    );
    print(ctx, `${kpis.length} KPI${kpis.length === 1 ? '' : 's'}.`);
    return EXIT.ok;
  },
};
