import { describe, expect, it } from 'vitest';
import { dueDateSchema } from '@shared/report/action-plans';
import { logoProblem, MAX_LOGO_BYTES } from '@shared/report/option-choices';
import { reportOptionsSchema } from '@shared/report/options';
import { comparisonPeriodOf } from '@shared/report/periods';
import type { ViewSpec } from '@shared/scoring/calendar';

// Report options: defaults for a first report, the checks on a logo, the comparison period.

const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG_HEAD = Buffer.from('ffd8ffe000104a464946', 'hex');
const dataUrl = (type: string, bytes: Buffer) =>
  `data:image/${type};base64,${bytes.toString('base64')}`;

describe('report options', () => {
  it('have a default for every field, so an empty record is a valid report', () => {
    expect(reportOptionsSchema.parse({})).toMatchObject({
      scorecardId: null,
      period: null,
      frequency: 'month',
      comparison: 'previous_period',
      paper: 'A4',
      orientation: 'portrait',
      title: 'Board report',
      includeKpiPages: true,
    });
  });

  it('accept PNG and JPEG logos by their bytes, not by what the URL says', () => {
    expect(logoProblem(dataUrl('png', PNG_HEAD))).toBeNull();
    expect(logoProblem(dataUrl('jpeg', JPEG_HEAD))).toBeNull();
    expect(logoProblem(dataUrl('png', JPEG_HEAD))).toMatch(/not a valid PNG or JPEG/);
    expect(logoProblem(dataUrl('svg+xml', Buffer.from('<svg onload="x"/>')))).toMatch(
      /must be a PNG or JPEG/,
    );
    expect(logoProblem('javascript:alert(1)')).toMatch(/must be a PNG or JPEG/);
  });

  it('refuse a logo over the size limit, saying how large it is', () => {
    const big = Buffer.concat([PNG_HEAD, Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(logoProblem(dataUrl('png', big))).toMatch(
      /^The logo is \d+ KB; use an image of at most 512 KB$/,
    );
  });

  it('compare with the previous period or the same one a year earlier, in any view', () => {
    const month: ViewSpec = { frequency: 'month', basis: 'calendar', fiscalYearStartMonth: 1 };
    const fiscalQuarter: ViewSpec = {
      frequency: 'quarter',
      basis: 'fiscal',
      fiscalYearStartMonth: 4,
    };
    expect(comparisonPeriodOf('2026-01', 'previous_period', month)).toBe('2025-12');
    expect(comparisonPeriodOf('2026-03', 'same_period_last_year', month)).toBe('2025-03');
    expect(comparisonPeriodOf('FY2027-Q1', 'previous_period', fiscalQuarter)).toBe('FY2026-Q4');
    expect(comparisonPeriodOf('FY2027-Q1', 'same_period_last_year', fiscalQuarter)).toBe(
      'FY2026-Q1',
    );
  });

  it('take action plan due dates that exist on the calendar only', () => {
    expect(dueDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(dueDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(dueDateSchema.safeParse('29/02/2028').success).toBe(false);
  });
});
