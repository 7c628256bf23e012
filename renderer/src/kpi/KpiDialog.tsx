import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { Kpi, KpiDefinition } from '@shared/domain/entities';
import {
  DIRECTIONS,
  DIRECTION_LABELS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  INDICATOR_TIMINGS,
  KPI_TYPES,
  MEASURE_KINDS,
  ROLLUPS,
  UNIT_FORMATS,
  UNIT_FORMAT_LABELS,
  defaultThresholds,
  type Aggregation,
  type Direction,
} from '@shared/domain/kpi';
import { defaultAggregation } from '@shared/scoring/default-aggregation';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { TargetPlanFields } from './TargetPlanFields';
import { AggregationField } from './AggregationField';
import { LOCALE } from '../app/locale';
import { useSettingsStore } from '../settings/settings-store';
import { useStructureStore } from '../scorecard/structure-store';
import {
  initialState,
  sumNeedsConfirmation,
  thresholdHelp,
  toDefinition,
  type FormIssue,
  type KpiFormState,
} from './kpi-form-model';

// Every field of a KPI definition, grouped so it reads as three short forms rather than one
// long one. The backend's validation is the authority: its messages come back and are shown
// next to the field they name.

const words = (value: string) => value.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

/** The form's fields that hold text (inputs and selects bind to these). */
type TextField = {
  [K in keyof KpiFormState]: KpiFormState[K] extends string ? K : never;
}[keyof KpiFormState];

interface KpiDialogProps {
  objectiveId: string;
  kpi: Kpi | null;
  onClose(): void;
  /** The field to start at (a health finding's fix), focused and scrolled into view. */
  focusField?: keyof KpiDefinition | undefined;
}

/** The label of the control that edits each field a fix can point at. */
const FIELD_LABELS: Partial<Record<keyof KpiDefinition, string>> = {
  name: 'KPI name',
  description: 'Description',
  owner: 'Owner',
  target: 'Target',
  targetPlan: 'Target over time',
  aggregation: 'Aggregation over time',
  formula: 'Formula',
  timing: 'Leading or lagging',
};

export function KpiDialog({ objectiveId, kpi, onClose, focusField }: KpiDialogProps) {
  const defaultCurrency = useSettingsStore((settings) => settings.settings?.currency ?? '');
  // A new KPI starts in the currency chosen in Settings, should it be made a currency KPI.
  const [state, setState] = useState<KpiFormState>(() => {
    const initial = initialState(kpi, LOCALE);
    return kpi ? initial : { ...initial, currency: defaultCurrency };
  });
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts refused saves: after each, the first message is scrolled into view and focused, so
  // the user sees why even when it is in a section further down the form.
  const [refused, setRefused] = useState(0);
  const sectionsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused === 0) return;
    const frame = requestAnimationFrame(() => {
      const sections = sectionsRef.current;
      const first =
        sections?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        sections?.closest('form')?.querySelector<HTMLElement>('.form-error');
      if (!first) return;
      first.scrollIntoView({ block: 'center' });
      first.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [refused]);
  useEffect(() => {
    if (focusField === undefined) return;
    const wanted =
      focusField === 'target' && kpi?.direction === 'within_range'
        ? 'Lowest target'
        : FIELD_LABELS[focusField];
    const frame = requestAnimationFrame(() => {
      const label = [...(sectionsRef.current?.querySelectorAll('label') ?? [])].find(
        (candidate) => candidate.textContent.trim() === wanted,
      );
      const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
      control?.scrollIntoView({ block: 'center' });
      control?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusField, kpi?.direction]);
  const [otherKpis, setOtherKpis] = useState<Kpi[]>([]);
  // A new KPI's aggregation follows its unit and name until the user picks one; a stored
  // KPI's is never changed for the user.
  const [aggregationChosen, setAggregationChosen] = useState(kpi !== null);
  const [askingSum, setAskingSum] = useState(false);

  const { loadKpis, saveKpi } = useStructureStore();
  useEffect(() => {
    loadKpis().then(
      (all) => setOtherKpis(all.filter((other) => other.id !== kpi?.id)),
      () => setOtherKpis([]),
    );
  }, [kpi?.id, loadKpis]);

  const messageFor = (field: string) => issues.find((issue) => issue.field === field)?.message;
  const set = <K extends keyof KpiFormState>(key: K, value: KpiFormState[K]) => {
    setState((current) => {
      const next = { ...current, [key]: value };
      return aggregationChosen
        ? next
        : {
            ...next,
            aggregation: defaultAggregation({
              name: next.name,
              unit: { format: next.unitFormat, suffix: next.suffix },
            }),
          };
    });
    setIssues((current) => current.filter((issue) => issue.field !== key));
  };

  function chooseAggregation(aggregation: Aggregation) {
    setAggregationChosen(true);
    setAskingSum(false);
    setState((current) => ({ ...current, aggregation }));
    setIssues((current) => current.filter((issue) => issue.field !== 'aggregation'));
  }

  function changeDirection(direction: Direction) {
    const before = defaultThresholds(state.direction);
    const untouched =
      state.thresholdMode === before.mode &&
      state.onTrack === String(before.onTrack) &&
      state.atRisk === String(before.atRisk);
    const next = defaultThresholds(direction);
    setState((current) => ({
      ...current,
      direction,
      ...(untouched
        ? { thresholdMode: next.mode, onTrack: String(next.onTrack), atRisk: String(next.atRisk) }
        : {}),
    }));
  }

  async function submit(sumConfirmed = false) {
    setFormError(null);
    if (!sumConfirmed && sumNeedsConfirmation(state, kpi)) {
      setAskingSum(true);
      return;
    }
    setAskingSum(false);
    const { definition, issues: local } = toDefinition(state, LOCALE);
    if (local.length > 0) {
      setIssues(local);
      setRefused((count) => count + 1);
      return;
    }
    setBusy(true);
    try {
      await saveKpi(kpi, definition, { objectiveId, parentKpiId: state.parentKpiId || null });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setIssues(
          error.issues.map((issue) => ({ ...issue, field: issue.field.replace(/^patch\./, '') })),
        );
        if (!error.issues.some((issue) => knownField(issue.field.replace(/^patch\./, ''))))
          setFormError(error.message);
      } else {
        setFormError(errorMessage(error));
      }
      setRefused((count) => count + 1);
    } finally {
      setBusy(false);
    }
  }

  const input = (
    field: TextField,
    label: string,
    extra: { help?: string; numeric?: boolean; errorField?: string } = {},
  ) => (
    <Field
      label={label}
      error={messageFor(extra.errorField ?? field)}
      {...(extra.help ? { help: extra.help } : {})}
    >
      {(control) => (
        <input
          {...control}
          inputMode={extra.numeric ? 'decimal' : undefined}
          value={state[field]}
          onChange={(event) => set(field, event.target.value as never)}
        />
      )}
    </Field>
  );

  const select = (
    field: TextField,
    label: string,
    options: readonly string[],
    names: (value: string) => string = words,
    onChange?: (value: string) => void,
  ) => (
    <Field label={label} error={messageFor(field)}>
      {(control) => (
        <select
          {...control}
          value={state[field]}
          onChange={(event) =>
            onChange ? onChange(event.target.value) : set(field, event.target.value as never)
          }
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {names(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <Dialog
      title={kpi ? `Edit KPI “${kpi.name}”` : 'New KPI'}
      submitLabel={kpi ? 'Save KPI' : 'Add KPI'}
      onSubmit={() => submit()}
      onClose={onClose}
      busy={busy}
      error={formError}
      wide
    >
      <div className="kpi-form-sections" ref={sectionsRef}>
        <fieldset>
          <legend>Basics</legend>
          <div className="grid-2">
            {input('name', 'KPI name')}
            {input('code', 'Identifier', {
              help: 'Used in formulas, e.g. net_profit. Made from the name if left empty.',
            })}
          </div>
          <Field label="Description" error={messageFor('description')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={state.description}
                onChange={(event) => set('description', event.target.value)}
              />
            )}
          </Field>
          <div className="grid-3">
            {select(
              'unitFormat',
              'Unit',
              UNIT_FORMATS,
              (value) => UNIT_FORMAT_LABELS[value as keyof typeof UNIT_FORMAT_LABELS],
            )}
            {state.unitFormat === 'currency'
              ? input('currency', 'Currency', {
                  help: 'Three letters, e.g. EUR',
                  errorField: 'unit.currency',
                })
              : state.unitFormat === 'percent'
                ? null
                : input('suffix', 'Unit label', {
                    help: 'e.g. orders, days',
                    errorField: 'unit.suffix',
                  })}
            {input('decimals', 'Decimals', { numeric: true })}
          </div>
          <div className="grid-3">
            {select(
              'direction',
              'Direction',
              DIRECTIONS,
              (value) => DIRECTION_LABELS[value as Direction],
              (value) => changeDirection(value as Direction),
            )}
            {select(
              'frequency',
              'Frequency',
              FREQUENCIES,
              (value) => FREQUENCY_LABELS[value as keyof typeof FREQUENCY_LABELS],
            )}
            <AggregationField
              subject={{
                name: state.name,
                unit: { format: state.unitFormat, suffix: state.suffix },
              }}
              frequency={state.frequency}
              aggregation={state.aggregation}
              proposed={!aggregationChosen}
              error={messageFor('aggregation')}
              askingSum={askingSum}
              onChange={chooseAggregation}
              onKeepSum={() => void submit(true)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Target and thresholds</legend>
          <div className="grid-3">
            {state.direction === 'within_range' ? (
              <>
                {input('targetMin', 'Lowest target', { numeric: true })}
                {input('targetMax', 'Highest target', { numeric: true })}
              </>
            ) : (
              input('target', 'Target', { numeric: true })
            )}
            {input('baseline', 'Baseline', { numeric: true })}
            {input('stretchTarget', 'Stretch target', { numeric: true })}
          </div>
          {state.direction === 'within_range' ? null : (
            <TargetPlanFields
              state={state}
              messageFor={messageFor}
              update={(change) => {
                setState((current) => ({ ...current, ...change }));
                setIssues((current) =>
                  current.filter((issue) => !issue.field.startsWith('targetPlan')),
                );
              }}
            />
          )}
          <div className="grid-3">
            {select(
              'thresholdMode',
              'Thresholds are',
              ['percent_of_target', 'absolute'],
              (value) => (value === 'absolute' ? 'Values in the KPI’s unit' : 'Percent of target'),
            )}
            {input('onTrack', '“On track” threshold', {
              numeric: true,
              errorField: 'thresholds.onTrack',
            })}
            {input('atRisk', '“At risk” threshold', {
              numeric: true,
              errorField: 'thresholds.atRisk',
            })}
          </div>
          <p className="help">{thresholdHelp(state.direction, state.thresholdMode)}</p>
        </fieldset>
        <fieldset>
          <legend>More</legend>
          <div className="grid-2">
            {input('owner', 'Owner', {
              help: 'Every KPI should have one person who answers for it.',
            })}
            {input('dataSource', 'Data source')}
          </div>
          <div className="grid-3">
            {select('kpiType', 'Type', KPI_TYPES)}
            {select('timing', 'Leading or lagging', INDICATOR_TIMINGS)}
            {select('measureKind', 'Measure kind', MEASURE_KINDS)}
          </div>
          <Field
            label="Formula"
            error={messageFor('formula')}
            help="For a calculated KPI: other KPIs' identifiers with + − × ÷, parentheses and min, max, sum, avg, abs, round, if — e.g. net_profit / revenue * 100. Leave empty to enter values by hand."
          >
            {(control) => (
              <input
                {...control}
                className="code-input"
                value={state.formula}
                onChange={(event) => set('formula', event.target.value)}
              />
            )}
          </Field>
          <div className="grid-3">
            {input('weight', 'Weight in its objective', { numeric: true })}
            {select('rollup', 'Value comes from', ROLLUPS, (value) =>
              value === 'manual' ? 'Entered by hand' : `Roll-up of child KPIs: ${words(value)}`,
            )}
            <Field label="Parent KPI" error={messageFor('parentKpiId')}>
              {(control) => (
                <select
                  {...control}
                  value={state.parentKpiId}
                  onChange={(event) => set('parentKpiId', event.target.value)}
                >
                  <option value="">None</option>
                  {otherKpis.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}

const FIELDS = new Set([
  'formula',
  'targetPlan',
  'name',
  'code',
  'description',
  'unit.format',
  'unit.currency',
  'unit.suffix',
  'decimals',
  'direction',
  'frequency',
  'aggregation',
  'target',
  'targetMin',
  'targetMax',
  'baseline',
  'stretchTarget',
  'thresholds.mode',
  'thresholds.onTrack',
  'thresholds.atRisk',
  'owner',
  'dataSource',
  'kpiType',
  'timing',
  'measureKind',
  'weight',
  'rollup',
  'parentKpiId',
]);

function knownField(field: string): boolean {
  return FIELDS.has(field) || field.startsWith('targetPlan.');
}
