import type { TemplateSummary } from '@shared/api/contract-library';
import { formatNumber } from '../app/locale';

// The scorecard templates to choose from: the ones that come with the app, then this
// computer's own. One radio group, so arrow keys move between them.

interface Props {
  templates: readonly TemplateSummary[];
  value: string | null;
  onChange(id: string): void;
}

export function TemplatePicker({ templates, value, onChange }: Props) {
  const scorecards = templates.filter((template) => template.kind === 'scorecard');
  return (
    <fieldset>
      <legend>Template</legend>
      <ul className="template-choices">
        {scorecards.map((template) => (
          <li key={template.id}>
            <label>
              <input
                type="radio"
                name="template"
                value={template.id}
                checked={value === template.id}
                onChange={() => onChange(template.id)}
              />
              <span>
                <strong>{template.name}</strong>
                {template.source === 'own' ? <span className="tag">yours</span> : null}
              </span>
              <span className="help">
                {template.description} {formatNumber(template.objectives)} objectives,{' '}
                {formatNumber(template.kpis)} KPIs.
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
