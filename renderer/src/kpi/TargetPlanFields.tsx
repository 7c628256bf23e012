import type { Frequency } from '@shared/domain/kpi';
import { Field } from '../ui/Field';
import type { KpiFormState } from './kpi-form-model';

// How a KPI's target changes over time: the same every period, from given periods on, or a
// straight line from a baseline to a goal by a deadline (the SMART "time-bound" target).

const EXAMPLE: Record<Frequency, string> = {
  daily: '2026-03-31',
  weekly: '2026-W13',
  monthly: '2026-03',
  quarterly: '2026-Q1',
  yearly: '2026',
};

interface TargetPlanFieldsProps {
  state: KpiFormState;
  update(change: Partial<KpiFormState>): void;
  messageFor(field: string): string | undefined;
}

export function TargetPlanFields({ state, update, messageFor }: TargetPlanFieldsProps) {
  const example = EXAMPLE[state.frequency];
  const setStep = (index: number, change: Partial<{ from: string; value: string }>) =>
    update({ steps: state.steps.map((step, i) => (i === index ? { ...step, ...change } : step)) });
  const setTrajectory = (change: Partial<KpiFormState['trajectory']>) =>
    update({ trajectory: { ...state.trajectory, ...change } });

  return (
    <div className="target-plan">
      <Field label="Target over time" error={messageFor('targetPlan')}>
        {(control) => (
          <select
            {...control}
            value={state.planKind}
            onChange={(event) =>
              update({ planKind: event.target.value as KpiFormState['planKind'] })
            }
          >
            <option value="constant">The same every period</option>
            <option value="steps">Changes from given periods on</option>
            <option value="trajectory">A straight line to a goal by a deadline</option>
          </select>
        )}
      </Field>
      {state.planKind === 'steps' ? (
        <div className="plan-rows">
          {state.steps.map((step, index) => (
            <div className="grid-3" key={index}>
              <Field
                label={`Step ${index + 1}: from period`}
                error={messageFor(`targetPlan.steps.${index}.from`)}
                help={`e.g. ${example}`}
              >
                {(control) => (
                  <input
                    {...control}
                    value={step.from}
                    onChange={(event) => setStep(index, { from: event.target.value })}
                  />
                )}
              </Field>
              <Field
                label={`Step ${index + 1}: target`}
                error={messageFor(`targetPlan.steps.${index}.value`)}
              >
                {(control) => (
                  <input
                    {...control}
                    inputMode="decimal"
                    value={step.value}
                    onChange={(event) => setStep(index, { value: event.target.value })}
                  />
                )}
              </Field>
              <button
                type="button"
                className="link"
                aria-label={`Remove step ${index + 1}`}
                onClick={() => update({ steps: state.steps.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => update({ steps: [...state.steps, { from: '', value: '' }] })}
          >
            Add a step
          </button>
          {messageFor('targetPlan.steps') ? (
            <p className="error-text">{messageFor('targetPlan.steps')}</p>
          ) : null}
        </div>
      ) : null}
      {state.planKind === 'trajectory' ? (
        <div className="grid-2">
          <Field
            label="Baseline period"
            error={messageFor('targetPlan.baselinePeriod')}
            help={`e.g. ${example}`}
          >
            {(control) => (
              <input
                {...control}
                value={state.trajectory.baselinePeriod}
                onChange={(event) => setTrajectory({ baselinePeriod: event.target.value })}
              />
            )}
          </Field>
          <Field label="Baseline value" error={messageFor('targetPlan.baseline')}>
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                value={state.trajectory.baseline}
                onChange={(event) => setTrajectory({ baseline: event.target.value })}
              />
            )}
          </Field>
          <Field label="Deadline period" error={messageFor('targetPlan.goalPeriod')}>
            {(control) => (
              <input
                {...control}
                value={state.trajectory.goalPeriod}
                onChange={(event) => setTrajectory({ goalPeriod: event.target.value })}
              />
            )}
          </Field>
          <Field label="Goal" error={messageFor('targetPlan.goal')}>
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                value={state.trajectory.goal}
                onChange={(event) => setTrajectory({ goal: event.target.value })}
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
