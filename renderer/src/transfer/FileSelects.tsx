import type { ImportPreview } from '@shared/transfer/import-status';
import { cellText } from '@shared/transfer/table';
import { Field } from '../ui/Field';
import { NUMBER_STYLES } from './import-model';

// The choices both import dialogs ask about the file itself: where its header is, and how its
// numbers are written.

export function HeaderRowSelect(props: {
  preview: ImportPreview;
  value: number;
  onChange(line: number): void;
}) {
  const { preview } = props;
  return (
    <Field label="Header row" help="The row with the column titles; rows above it are skipped.">
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(event) => {
            props.onChange(Number(event.target.value));
          }}
        >
          {preview.rows.slice(0, 15).map((row) => (
            <option key={row.line} value={row.line}>
              {preview.kind === 'csv' ? 'Line' : 'Row'} {row.line}:{' '}
              {row.cells
                .map((cell) => cellText(cell))
                .join(' | ')
                .slice(0, 60)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function NumberStyleSelect(props: { value: string; onChange(locale: string): void }) {
  return (
    <Field label="Numbers are written like">
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.target.value);
          }}
        >
          {NUMBER_STYLES.map((style) => (
            <option key={style.locale} value={style.locale}>
              {style.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
