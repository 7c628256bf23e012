import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartGeometry, markerPaths, niceStep, tickPath } from '@shared/report/chart-geometry';
import type { ReportChart } from '@shared/report/model';
import { cssString, pageCss } from '@shared/report/page-css';

// The printed chart's geometry and the @page rules: what a reader sees on paper.

function chart(values: (number | null)[], patch: Partial<ReportChart> = {}): ReportChart {
  return {
    kpiId: 'k',
    name: 'Net profit margin',
    unit: { format: 'percent', currency: null, suffix: '' },
    decimals: 1,
    direction: 'higher_is_better',
    range: null,
    comment: '',
    points: values.map((value, index) => ({
      period: `2026-${String(index + 1).padStart(2, '0')}`,
      value,
      target: 12,
      status: value === null ? 'no_data' : value >= 12 ? 'on_track' : 'off_track',
      limits: { onTrack: 12, atRisk: 10.8 },
    })),
    ...patch,
  };
}

describe('chartGeometry', () => {
  it('draws one band per status across periods with the same target, labelled at the edge', () => {
    const g = chartGeometry(chart([11, 12.5, 13, 9.6]));
    expect(g.bands.map((band) => band.status)).toEqual(['off_track', 'at_risk', 'on_track']);
    expect(g.bands.every((band) => Math.abs(band.width - g.plot.width) < 0.01)).toBe(true);
    const [off, risk, on] = g.bands;
    // Higher is better: on track above, off track below.
    expect(on && risk && off && on.y < risk.y && risk.y < off.y).toBe(true);
    expect(g.bandLabels.map((label) => label.status)).toContain('on_track');
  });

  it('puts lower-is-better KPIs on track below the target', () => {
    const g = chartGeometry(chart([5, 6], { direction: 'lower_is_better' }));
    const on = g.bands.find((band) => band.status === 'on_track');
    const off = g.bands.find((band) => band.status === 'off_track');
    expect(on && off && on.y > off.y).toBe(true);
  });

  it('leaves a gap in the line and no marker where a period has no value', () => {
    const g = chartGeometry(chart([11, null, 13]));
    expect(g.actualPath.match(/M/g)).toHaveLength(2);
    expect(g.markers.map((m) => m.period)).toEqual(['2026-01', '2026-03']);
    expect(g.markers.map((m) => m.status)).toEqual(['off_track', 'on_track']);
  });

  it('keeps every value and the target inside the plot, with round ticks', () => {
    const g = chartGeometry(chart([9.6, 14.8, 11.2]));
    for (const marker of g.markers) {
      expect(marker.y).toBeGreaterThanOrEqual(g.plot.y);
      expect(marker.y).toBeLessThanOrEqual(g.plot.y + g.plot.height);
    }
    expect(g.yTicks.map((tick) => tick.value)).toEqual([10, 12, 14]);
    expect(niceStep(7700, 5)).toBe(2000);
    expect(niceStep(41000, 5)).toBe(10000);
  });

  it('draws five bands for a within-range KPI and no target line', () => {
    const g = chartGeometry(
      chart([29, 33], {
        direction: 'within_range',
        range: { onTrackLow: 28, onTrackHigh: 32, atRiskLow: 26, atRiskHigh: 34 },
      }),
    );
    expect(g.bands.map((band) => band.status)).toEqual([
      'off_track',
      'at_risk',
      'on_track',
      'at_risk',
      'off_track',
    ]);
    expect(g.targetPath).toBe('');
  });
});

describe('markerPaths and tickPath', () => {
  /** The points each subpath starts at ("M x y"), as numbers. */
  const starts = (path: string) =>
    [...path.matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map(([, x, y]) => [Number(x), Number(y)]);

  it('draws every marker once, in the path of its status, where the value is', () => {
    const status = fc.constantFrom('on_track', 'at_risk', 'off_track', 'no_data');
    const point = fc.record({ value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(fc.tuple(point, status), { minLength: 1, maxLength: 36 }), (points) => {
        const g = chartGeometry(
          chart(
            points.map(([p]) => p.value),
            {},
          ),
        );
        // The statuses as drawn: the chart's own rule, then this test's statuses for variety.
        const markers = g.markers.map((marker, index) => ({
          ...marker,
          status: points[index]?.[1] ?? marker.status,
        }));
        const paths = markerPaths(markers);
        const on = markers.filter((m) => m.status === 'on_track');
        const risk = markers.filter((m) => m.status === 'at_risk');
        const off = markers.filter((m) => m.status === 'off_track');
        expect(starts(paths.on_track)).toHaveLength(on.length);
        expect(starts(paths.at_risk)).toHaveLength(risk.length);
        // A cross is two strokes.
        expect(starts(paths.off_track)).toHaveLength(off.length * 2);
        // A circle starts at its left edge, a triangle at its apex, a cross at its top left.
        starts(paths.on_track).forEach(([x = 0, y = 0], i) => {
          expect(Math.abs(x + 3.6 - (on[i]?.x ?? NaN))).toBeLessThan(0.06);
          expect(Math.abs(y - (on[i]?.y ?? NaN))).toBeLessThan(0.06);
        });
        starts(paths.at_risk).forEach(([x = 0], i) => {
          expect(Math.abs(x - (risk[i]?.x ?? NaN))).toBeLessThan(0.06);
        });
      }),
    );
  });

  it('draws no marker for a period without data, and one tick mark per tick', () => {
    const g = chartGeometry(chart([null, null]));
    expect(markerPaths(g.markers)).toEqual({ on_track: '', at_risk: '', off_track: '' });
    const ticks = chartGeometry(chart([9.6, 14.8, 11.2]));
    expect(starts(tickPath(ticks)).map(([, y]) => y)).toEqual(
      ticks.yTicks.map((tick) => Number(tick.y.toFixed(1))),
    );
    expect(starts(tickPath(ticks)).every(([x]) => x === ticks.plot.x - 3)).toBe(true);
  });
});

describe('pageCss', () => {
  it('asks for the paper, and numbers pages "Page N of M" in the footer', () => {
    const css = pageCss({
      paper: 'Letter',
      orientation: 'landscape',
      footer: 'Board pack · March 2026',
      confidentiality: '',
      fontFamily: "'Report Sans'",
    });
    expect(css).toContain('size: Letter landscape;');
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(css).toContain('content: "Board pack · March 2026"');
    expect(css).not.toContain('@top-center');
  });

  it('keeps user text inside its CSS string', () => {
    const hostile = 'x"; } body { display: none } @page { content: "\\\n<style>';
    const literal = cssString(hostile);
    expect(literal).toBe('"x\\"; } body { display: none } @page { content: \\"\\\\ \\3c style>"');
    const css = pageCss({
      paper: 'A4',
      orientation: 'portrait',
      footer: 'f',
      confidentiality: hostile,
      fontFamily: 'serif',
    });
    expect(css).toContain(`@top-center { content: ${literal};`);
    // Still one rule: the hostile text opened no block of its own.
    const unescaped = css.replace(/\\./g, '').replace(/"[^"]*"/g, '""');
    expect(unescaped.match(/\{/g)?.length).toBe(unescaped.match(/\}/g)?.length);
    expect(unescaped).not.toContain('display: none');
  });
});
