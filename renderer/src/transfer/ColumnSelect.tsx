import type { Cell } from '@shared/transfer/table';
import { Field } from '../ui/Field';
import { columnLabel } from './import-model';

// A choice of one of the file's columns, named as in the spreadsheet ("B — Period").

export function ColumnSelect(props: {
  label: string;
  value: number | null;
  columns: number;
  header: readonly Cell[];
  optional?: boolean;
  onChange(column: number | null): void;
}) {
  return (
    <Field label={props.label}>
      {(control) => (
        <select
          {...control}
          value={props.value === null ? '' : String(props.value)}
          onChange={(event) => {
            props.onChange(event.target.value === '' ? null : Number(event.target.value));
          }}
        >
          {props.optional ? <option value="">None</option> : null}
          {Array.from({ length: props.columns }, (_, column) => (
            <option key={column} value={column}>
              {columnLabel(props.header, column)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
