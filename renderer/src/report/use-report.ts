import { useEffect, useRef, useState } from 'react';
import type { ReportModel } from '@shared/report/model';
import type { ReportOptions, ReportOptionsInput } from '@shared/report/options';
import { errorMessage } from '../api/client';
import { reportStore } from './report-store';
import { REPORT_KINDS } from '../app/change-kinds';
import { useDataVersion } from '../app/use-data-version';

// The report screen's state: the options (remembered in the workspace), the report data for
// them, and where the preview is: reading data, laying out (fonts, charts), or ready to print.

export type ReportStage = 'loading' | 'reading' | 'layout' | 'ready' | 'error';

// Options change in bursts (a click on each perspective): wait a moment before reading.
const DATA_DELAY_MS = 120;

export const STAGE_LABELS: Record<ReportStage, string> = {
  loading: 'Loading the report options…',
  reading: 'Reading the scorecard…',
  layout: 'Laying out the pages…',
  ready: 'Preview ready',
  error: 'The report could not be made',
};

/** Only these change what the backend returns; the rest (title, paper…) is presentation. */
function dataRequest(options: ReportOptions): ReportOptionsInput {
  return {
    scorecardId: options.scorecardId,
    includeChildren: options.includeChildren,
    frequency: options.frequency,
    basis: options.basis,
    period: options.period,
    comparison: options.comparison,
    perspectiveIds: options.perspectiveIds,
    includeKpiPages: options.includeKpiPages,
    includeComments: options.includeComments,
    includeActionPlans: options.includeActionPlans,
    includeStrategyMap: options.includeStrategyMap,
  };
}

export function useReport(preferredScorecardId: string | null) {
  const [options, setOptions] = useState<ReportOptions | null>(null);
  // Each result remembers the request it answers, so the stage follows from what is shown.
  const [loaded, setLoaded] = useState<{ key: string; report: ReportModel } | null>(null);
  const [laidOutKey, setLaidOutKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ key: string | null; message: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  // The options as read need no saving back: each opening wrote them unchanged, a write
  // transaction in the middle of laying the report out.
  const remembered = useRef<ReportOptions | null>(null);
  useEffect(() => {
    let cancelled = false;
    reportStore.readOptions().then(
      (stored) => {
        if (cancelled) return;
        remembered.current = stored;
        setOptions(
          stored.scorecardId === null && preferredScorecardId !== null
            ? { ...stored, scorecardId: preferredScorecardId }
            : stored,
        );
      },
      (cause: unknown) => {
        if (!cancelled) setFailure({ key: null, message: errorMessage(cause) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [preferredScorecardId]);

  // Remember the options a moment after the last change (typing a title is many changes), and
  // at once when the screen closes with a change not yet written.
  const unsaved = useRef<ReportOptions | null>(null);
  useEffect(() => {
    if (!options || options === remembered.current) return;
    unsaved.current = options;
    const timer = setTimeout(() => {
      unsaved.current = null;
      reportStore.saveOptions(options).then(
        () => setSaveError(null),
        (cause: unknown) => setSaveError(errorMessage(cause)),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [options]);
  useEffect(
    () => () => {
      if (unsaved.current) void reportStore.saveOptions(unsaved.current).catch(() => null);
    },
    [],
  );

  // The first report is read at once; later changes wait for the burst to end.
  const shown = useRef(false);
  useEffect(() => {
    shown.current = loaded !== null;
  }, [loaded]);

  // A string key, so that typing a title does not read the scorecard again; a change of the data
  // (here or elsewhere) reads it again under the same key, so the preview updates in place.
  const key = options ? JSON.stringify(dataRequest(options)) : null;
  const version = useDataVersion(REPORT_KINDS);
  useEffect(() => {
    if (key === null) return;
    const request = JSON.parse(key) as ReportOptionsInput;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        reportStore.readReport(request).then(
          (report) => {
            if (!cancelled) setLoaded({ key, report });
          },
          (cause: unknown) => {
            if (!cancelled) setFailure({ key, message: errorMessage(cause) });
          },
        );
      },
      shown.current ? DATA_DELAY_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, version]);

  // Laid out once the shipped font is loaded and the new pages have been painted once.
  const loadedKey = loaded?.key ?? null;
  useEffect(() => {
    if (loadedKey === null) return;
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!cancelled) setLaidOutKey(loadedKey);
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [loadedKey]);

  const failed = failure !== null && (failure.key === null || failure.key === key);
  const stage: ReportStage = failed
    ? 'error'
    : options === null
      ? 'loading'
      : loadedKey !== key
        ? 'reading'
        : laidOutKey !== key
          ? 'layout'
          : 'ready';
  const update = (patch: Partial<ReportOptions>) =>
    setOptions((before) => (before ? { ...before, ...patch } : before));
  return {
    options,
    update,
    report: loaded?.report ?? null,
    stage,
    error: failed ? failure.message : saveError,
  };
}
