import type { InputChoice } from '@shared/api/contract-library';
import type { Kpi } from '@shared/domain/entities';
import { DIRECTION_LABELS, FREQUENCY_LABELS, UNIT_FORMAT_LABELS } from '@shared/domain/kpi';
import type { LibraryKpi } from '@shared/library/schema';
import { Field } from '../ui/Field';

// One library KPI in full, and for a calculated one, what happens to each formula input the
// workspace lacks: added from the library (the default) or taken from a KPI it has.

interface Props {
  kpi: LibraryKpi;
  departmentLabel: string;
  objectiveName: string;
  missing: string[];
  library: ReadonlyMap<string, LibraryKpi>;
  workspaceKpis: readonly Kpi[];
  choices: Record<string, InputChoice>;
  busy: boolean;
  onChoose(input: string, choice: InputChoice): void;
  onAdd(): void;
}

const ADD = 'add';

export function LibraryPreview(props: Props) {
  const { kpi } = props;
  const unit =
    kpi.unit.format === 'number' || kpi.unit.format === 'duration'
      ? `${UNIT_FORMAT_LABELS[kpi.unit.format]}${kpi.unit.suffix ? ` (${kpi.unit.suffix})` : ''}`
      : UNIT_FORMAT_LABELS[kpi.unit.format];
  return (
    <section className="library-preview" aria-labelledby="library-preview-title">
      <h3 id="library-preview-title">{kpi.name}</h3>
      <p>{kpi.description}</p>
      <dl className="facts">
        <dt>Department</dt>
        <dd>{props.departmentLabel}</dd>
        <dt>Suggested perspective</dt>
        <dd>{kpi.perspective}</dd>
        <dt>Unit</dt>
        <dd>{unit}</dd>
        <dt>Direction</dt>
        <dd>{DIRECTION_LABELS[kpi.direction]}</dd>
        <dt>Frequency</dt>
        <dd>{FREQUENCY_LABELS[kpi.frequency]}</dd>
        <dt>Over time</dt>
        <dd>
          {kpi.aggregation}
          {kpi.aggregationNote ? ` — ${kpi.aggregationNote}` : ''}
        </dd>
        <dt>Kind</dt>
        <dd>
          {kpi.kpiType}, {kpi.timing}, {kpi.measureKind}
        </dd>
        <dt>Identifier</dt>
        <dd>
          <code>{kpi.code}</code>
        </dd>
        {kpi.formula ? (
          <>
            <dt>Formula</dt>
            <dd>
              <code>{kpi.formula}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {props.missing.length > 0 ? (
        <fieldset>
          <legend>Inputs this workspace does not have</legend>
          {props.missing.map((input) => {
            const name = props.library.get(input)?.name ?? input;
            const choice = props.choices[input];
            return (
              <Field key={input} label={`${name} (${input})`}>
                {(control) => (
                  <select
                    {...control}
                    value={choice?.action === 'bind' ? choice.kpiId : ADD}
                    onChange={(event) =>
                      props.onChoose(
                        input,
                        event.target.value === ADD
                          ? { action: 'add' }
                          : { action: 'bind', kpiId: event.target.value },
                      )
                    }
                  >
                    <option value={ADD}>Add it from the library</option>
                    {props.workspaceKpis.map((existing) => (
                      <option key={existing.id} value={existing.id}>
                        Use “{existing.name}” ({existing.code})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          })}
        </fieldset>
      ) : null}
      <button type="button" className="primary" disabled={props.busy} onClick={props.onAdd}>
        Add to “{props.objectiveName}”
      </button>
    </section>
  );
}
