import { AGGREGATIONS, type Aggregation, type Frequency } from '@shared/domain/kpi';
import {
  aggregationConcern,
  aggregationMeaning,
  defaultAggregationReason,
  type AggregationSubject,
} from '@shared/scoring/default-aggregation';
import { Field } from '../ui/Field';

// The KPI form's "aggregation over time": proposed from what the KPI measures while the user
// has not picked one, with a sentence saying what a quarter will show, a note when the choice
// does not fit the unit, and the question asked before Sum is saved for a percent.

const NAMES: Record<Aggregation, string> = {
  sum: 'Sum',
  average: 'Average',
  last: 'Last',
  min: 'Min',
  max: 'Max',
};

interface AggregationFieldProps {
  subject: AggregationSubject;
  frequency: Frequency;
  aggregation: Aggregation;
  /** True while the value is the form's proposal (the user has not chosen one). */
  proposed: boolean;
  error: string | undefined;
  /** True when saving waits for the user to confirm Sum for a percent. */
  askingSum: boolean;
  onChange(aggregation: Aggregation): void;
  onKeepSum(): void;
}

export function AggregationField(props: AggregationFieldProps) {
  const { subject, frequency, aggregation } = props;
  const concern = aggregationConcern({ ...subject, aggregation });
  const help = [
    aggregationMeaning(aggregation, frequency),
    props.proposed ? `Proposed: ${defaultAggregationReason(subject)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <Field label="Aggregation over time" error={props.error} help={help}>
        {(control) => (
          <select
            {...control}
            value={aggregation}
            onChange={(event) => props.onChange(event.target.value as Aggregation)}
          >
            {AGGREGATIONS.map((option) => (
              <option key={option} value={option}>
                {NAMES[option]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {concern && !props.askingSum ? <p className="help">Note: {concern}</p> : null}
      {props.askingSum ? (
        <div role="alert" className="form-error">
          <p>
            Sum adds up the percentages of its {frequency === 'quarterly' ? 'quarters' : 'periods'}{' '}
            (three months at 80 % show 240 % for the quarter). Use Sum for this percent anyway?
          </p>
          <button type="button" onClick={() => props.onChange('average')}>
            Use Average
          </button>{' '}
          <button type="button" onClick={props.onKeepSum}>
            Keep Sum and save
          </button>
        </div>
      ) : null}
    </div>
  );
}
