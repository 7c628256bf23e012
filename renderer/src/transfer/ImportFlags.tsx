import type { ImportFlag } from '@shared/transfer/import-status';
import { formatNumber } from '../app/locale';

// Values of the dry run that look misread: far off the KPI's usual size, or percentages
// written as fractions. Applying waits until the user has looked and decided.

function factorWords(factor: number): string {
  return factor >= 1
    ? `about ${formatNumber(factor)}× larger than`
    : `about ${formatNumber(Math.round(1 / factor))}× smaller than`;
}

export function ImportFlags(props: {
  flags: readonly ImportFlag[];
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
  onReadAsPercent(kpiIds: string[]): void;
}) {
  const { flags } = props;
  if (flags.length === 0) return null;
  const fractions = flags.filter((flag) => flag.kind === 'percent_fraction');
  return (
    <section aria-label="Values to check" className="import-flags">
      <h3>Values to check</h3>
      <ul>
        {flags.map((flag) =>
          flag.kind === 'magnitude' ? (
            <li key={`m-${flag.kpiId}`}>
              <strong>{flag.kpiName}</strong>: {formatNumber(flag.value)} for {flag.period} is{' '}
              {factorWords(flag.factor)} its recent values (typically {formatNumber(flag.typical)})
              {flag.count > 1 ? `, and ${formatNumber(flag.count - 1)} more like it` : ''}. Is the
              number style right?
            </li>
          ) : (
            <li key={`p-${flag.kpiId}`}>
              <strong>{flag.kpiName}</strong> is a percent, and all its {formatNumber(flag.count)}{' '}
              values in the file are between 0 and 1 (like {formatNumber(flag.example)}): written as
              fractions?
            </li>
          ),
        )}
      </ul>
      {fractions.length > 0 ? (
        <button
          type="button"
          onClick={() => {
            props.onReadAsPercent(fractions.map((flag) => flag.kpiId));
          }}
        >
          Read {formatNumber(fractions[0]?.kind === 'percent_fraction' ? fractions[0].example : 0)}{' '}
          as{' '}
          {formatNumber(fractions[0]?.kind === 'percent_fraction' ? fractions[0].example * 100 : 0)}{' '}
          %
        </button>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.confirmed}
          onChange={(event) => {
            props.onConfirm(event.target.checked);
          }}
        />{' '}
        I have checked these values: import them as they are
      </label>
    </section>
  );
}
