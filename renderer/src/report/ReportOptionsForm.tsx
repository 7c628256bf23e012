import type { Scorecard } from '@shared/domain/entities';
import type { ReportModel } from '@shared/report/model';
import { COMPARISON_LABELS, COMPARISONS } from '@shared/report/option-choices';
import type { ReportOptions } from '@shared/report/options';
import { reportPeriodChoices } from '@shared/report/periods';
import { Field } from '../ui/Field';
import { periodText } from './format';
import { LogoPicker } from './LogoPicker';

// Every choice of the board report, applied to the preview as it is made and remembered in the
// workspace for next month's report.

const PERIODS_BACK = 36;

/** Periods to choose from: three years back, none ahead of today without data. */
function periodChoices(report: ReportModel | null, options: ReportOptions): string[] {
  if (!report) return [];
  const { view } = report;
  if (view.frequency !== options.frequency || view.basis !== options.basis) return [];
  return reportPeriodChoices({
    withData: report.availablePeriods,
    chosen: report.period,
    today: report.generatedAt.slice(0, 10),
    view,
    back: view.frequency === 'year' ? 10 : PERIODS_BACK,
  });
}

interface Props {
  options: ReportOptions;
  update(patch: Partial<ReportOptions>): void;
  scorecards: Scorecard[];
  report: ReportModel | null;
}

export function ReportOptionsForm({ options, update, scorecards, report }: Props) {
  const periods = periodChoices(report, options);
  const withData = new Set(report?.availablePeriods ?? []);
  const perspectives = report?.perspectiveChoices ?? [];
  const chosen = (id: string) =>
    options.perspectiveIds === null || options.perspectiveIds.includes(id);
  const togglePerspective = (id: string, on: boolean) => {
    const next = perspectives.map((p) => p.id).filter((pid) => (pid === id ? on : chosen(pid)));
    update({ perspectiveIds: next.length === perspectives.length ? null : next });
  };

  return (
    <form
      className="report-options report-chrome"
      aria-label="Report options"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset>
        <legend>What</legend>
        <Field label="Scorecard">
          {(control) => (
            <select
              {...control}
              value={options.scorecardId ?? report?.options.scorecardId ?? ''}
              onChange={(event) =>
                update({ scorecardId: event.target.value, perspectiveIds: null })
              }
            >
              {scorecards.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeChildren}
            onChange={(event) => update({ includeChildren: event.target.checked })}
          />
          Include child scorecards
        </label>
        {perspectives.length > 0 ? (
          <fieldset>
            <legend>Perspectives</legend>
            {perspectives.map((perspective) => (
              <label key={perspective.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen(perspective.id)}
                  onChange={(event) => togglePerspective(perspective.id, event.target.checked)}
                />
                {perspective.name}
              </label>
            ))}
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>When</legend>
        <Field label="Report by">
          {(control) => (
            <select
              {...control}
              value={options.frequency}
              onChange={(event) =>
                update({
                  frequency: event.target.value as ReportOptions['frequency'],
                  period: null,
                })
              }
            >
              <option value="month">Month</option>
              <option value="quarter">Quarter</option>
              <option value="year">Year</option>
            </select>
          )}
        </Field>
        <Field label="Year">
          {(control) => (
            <select
              {...control}
              value={options.basis}
              onChange={(event) =>
                update({ basis: event.target.value as ReportOptions['basis'], period: null })
              }
            >
              <option value="calendar">Calendar year</option>
              <option value="fiscal">Fiscal year</option>
            </select>
          )}
        </Field>
        <Field label="Period">
          {(control) => (
            <select
              {...control}
              value={options.period ?? ''}
              onChange={(event) => update({ period: event.target.value || null })}
            >
              <option value="">
                Latest with data
                {report && options.period === null
                  ? ` (${periodText(report.period, report.view)})`
                  : ''}
              </option>
              {report
                ? periods.map((period) => (
                    <option key={period} value={period}>
                      {periodText(period, report.view)}
                      {withData.has(period) ? '' : ' (no data)'}
                    </option>
                  ))
                : null}
            </select>
          )}
        </Field>
        <Field label="Compare with">
          {(control) => (
            <select
              {...control}
              value={options.comparison}
              onChange={(event) =>
                update({ comparison: event.target.value as ReportOptions['comparison'] })
              }
            >
              {COMPARISONS.map((comparison) => (
                <option key={comparison} value={comparison}>
                  {COMPARISON_LABELS[comparison]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>Paper</legend>
        <Field label="Paper size">
          {(control) => (
            <select
              {...control}
              value={options.paper}
              onChange={(event) => update({ paper: event.target.value as ReportOptions['paper'] })}
            >
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
            </select>
          )}
        </Field>
        <Field label="Orientation">
          {(control) => (
            <select
              {...control}
              value={options.orientation}
              onChange={(event) =>
                update({ orientation: event.target.value as ReportOptions['orientation'] })
              }
            >
              <option value="portrait">Portrait</option>
              <option value="landscape">Landscape</option>
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>Cover</legend>
        <Field label="Title">
          {(control) => (
            <input
              {...control}
              value={options.title}
              maxLength={200}
              onChange={(event) => update({ title: event.target.value })}
            />
          )}
        </Field>
        <Field label="Author">
          {(control) => (
            <input
              {...control}
              value={options.author}
              maxLength={200}
              onChange={(event) => update({ author: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Confidentiality line"
          help="Printed on the cover and at the top of every page."
        >
          {(control) => (
            <input
              {...control}
              value={options.confidentiality}
              maxLength={300}
              onChange={(event) => update({ confidentiality: event.target.value })}
            />
          )}
        </Field>
        <LogoPicker logo={options.logo} onChange={(logo) => update({ logo })} />
      </fieldset>

      <fieldset>
        <legend>Include</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeKpiPages}
            onChange={(event) => update({ includeKpiPages: event.target.checked })}
          />
          KPI trend pages
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeComments}
            onChange={(event) => update({ includeComments: event.target.checked })}
          />
          Comments
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeActionPlans}
            onChange={(event) => update({ includeActionPlans: event.target.checked })}
          />
          Action plans
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.includeStrategyMap}
            onChange={(event) => update({ includeStrategyMap: event.target.checked })}
          />
          Strategy map
        </label>
      </fieldset>
    </form>
  );
}
