import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type KpiPackage,
} from '@shared/transfer/package-schema';

// A small, valid package: one scorecard, one perspective, objective and KPI, two values.

export function minimalPackage(): KpiPackage {
  const ids = {
    scorecard: '0190a1b2-c3d4-7e5f-8a9b-000000000001',
    perspective: '0190a1b2-c3d4-7e5f-8a9b-000000000002',
    objective: '0190a1b2-c3d4-7e5f-8a9b-000000000003',
    kpi: '0190a1b2-c3d4-7e5f-8a9b-000000000004',
  };
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    exportedAt: '2026-11-25T09:00:00.000Z',
    generator: 'KPI Scorecard test',
    scope: { kind: 'workspace' },
    workspace: { name: 'Acme', fiscalYearStartMonth: 4 },
    scorecards: [
      { id: ids.scorecard, parentId: null, name: 'Company', description: '', position: 0 },
    ],
    perspectives: [
      {
        id: ids.perspective,
        scorecardId: ids.scorecard,
        name: 'Financial',
        weight: 1,
        position: 0,
      },
    ],
    objectives: [
      {
        id: ids.objective,
        perspectiveId: ids.perspective,
        name: 'Grow revenue',
        description: '',
        weight: 1,
        position: 0,
      },
    ],
    kpis: [
      {
        id: ids.kpi,
        objectiveId: ids.objective,
        parentKpiId: null,
        position: 0,
        name: 'Revenue',
        code: 'revenue',
        description: '',
        unit: { format: 'currency', currency: 'EUR', suffix: '' },
        decimals: 0,
        direction: 'higher_is_better',
        frequency: 'monthly',
        aggregation: 'sum',
        target: 1000,
        targetMin: null,
        targetMax: null,
        baseline: null,
        stretchTarget: null,
        thresholds: { mode: 'percent_of_target', onTrack: 95, atRisk: 80 },
        owner: 'Ana',
        dataSource: '',
        kpiType: 'strategic',
        timing: 'lagging',
        measureKind: 'outcome',
        weight: 1,
        rollup: 'manual',
        formula: null,
        targetPlan: null,
      },
    ],
    values: [
      {
        kpiId: ids.kpi,
        period: '2026-01',
        value: -1200,
        comment: '=HYPERLINK("x")',
        enteredBy: 'Ana',
        enteredAt: '2026-02-01T10:00:00.000Z',
      },
      {
        kpiId: ids.kpi,
        period: '2026-02',
        value: 1500.5,
        comment: '',
        enteredBy: 'Ana',
        enteredAt: '2026-03-01T10:00:00.000Z',
      },
    ],
  };
}
