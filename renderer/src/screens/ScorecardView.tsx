import { useState } from 'react';
import type { Kpi, Objective, Perspective, ScorecardView as View } from '@shared/domain/entities';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { api } from '../api/client';
import { StatusBadge } from '../components/StatusBadge';
import { KpiDialog } from '../forms/KpiDialog';
import { NameDialog } from '../forms/NameDialog';
import { useScorecardStore } from '../state/scorecard-store';
import { LOCALE } from '../locale';

// Perspectives → objectives → KPIs, each KPI with its latest value, target and status.

type Editing =
  | { kind: 'perspective'; perspective: Perspective | null }
  | { kind: 'objective'; perspectiveId: string; objective: Objective | null }
  | { kind: 'kpi'; objectiveId: string; kpi: Kpi | null }
  | null;

export function ScorecardView({ view }: { view: View }) {
  const refresh = useScorecardStore((state) => state.refresh);
  const [editing, setEditing] = useState<Editing>(null);
  const { scorecard, perspectives } = view;

  async function run(action: () => Promise<unknown>, question?: string) {
    if (question && !window.confirm(question)) return;
    await action();
    await refresh();
  }

  async function move(index: number, by: -1 | 1) {
    const ids = perspectives.map((entry) => entry.perspective.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    await run(() =>
      api.call('perspective.reorder', { scorecardId: scorecard.id, orderedIds: ids }),
    );
  }

  return (
    <div className="scorecard">
      <div className="scorecard-head">
        <h2>{scorecard.name}</h2>
        {scorecard.description ? <p className="description">{scorecard.description}</p> : null}
        <button
          type="button"
          onClick={() => setEditing({ kind: 'perspective', perspective: null })}
        >
          Add perspective
        </button>
      </div>
      {perspectives.length === 0 ? (
        <p className="empty">
          This scorecard has no perspectives. Add one to group its objectives.
        </p>
      ) : null}
      {perspectives.map(({ perspective, objectives }, index) => (
        <section
          key={perspective.id}
          className="perspective"
          aria-labelledby={`p-${perspective.id}`}
        >
          <div className="perspective-head">
            <h3 id={`p-${perspective.id}`}>{perspective.name}</h3>
            <span className="weight">weight {perspective.weight.toLocaleString(LOCALE)}</span>
            <div className="row-actions">
              <button
                type="button"
                aria-label={`Move ${perspective.name} up`}
                disabled={index === 0}
                onClick={() => void move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${perspective.name} down`}
                disabled={index === perspectives.length - 1}
                onClick={() => void move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Edit perspective ${perspective.name}`}
                onClick={() => setEditing({ kind: 'perspective', perspective })}
              >
                Edit
              </button>
              <button
                type="button"
                aria-label={`Delete perspective ${perspective.name}`}
                className="danger"
                onClick={() =>
                  void run(
                    () => api.call('perspective.delete', { id: perspective.id }),
                    `Delete the perspective “${perspective.name}” with its objectives, KPIs and values?`,
                  )
                }
              >
                Delete
              </button>
              <button
                type="button"
                onClick={() =>
                  setEditing({ kind: 'objective', perspectiveId: perspective.id, objective: null })
                }
                aria-label={`Add objective to ${perspective.name}`}
              >
                Add objective
              </button>
            </div>
          </div>
          {objectives.length === 0 ? <p className="empty">No objectives yet.</p> : null}
          {objectives.map(({ objective, kpis }) => (
            <div key={objective.id} className="objective">
              <div className="objective-head">
                <h4>{objective.name}</h4>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={`Edit objective ${objective.name}`}
                    onClick={() =>
                      setEditing({ kind: 'objective', perspectiveId: perspective.id, objective })
                    }
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete objective ${objective.name}`}
                    onClick={() =>
                      void run(
                        () => api.call('objective.delete', { id: objective.id }),
                        `Delete the objective “${objective.name}” with its KPIs and values?`,
                      )
                    }
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    aria-label={`Add KPI to ${objective.name}`}
                    onClick={() =>
                      setEditing({ kind: 'kpi', objectiveId: objective.id, kpi: null })
                    }
                  >
                    Add KPI
                  </button>
                </div>
              </div>
              {kpis.length === 0 ? (
                <p className="empty">No KPIs yet — 3 to 5 per team is plenty.</p>
              ) : (
                <table className="kpi-table">
                  <caption className="visually-hidden">KPIs of {objective.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">KPI</th>
                      <th scope="col">Latest</th>
                      <th scope="col">Target</th>
                      <th scope="col">Status</th>
                      <th scope="col">Owner</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {kpis.map(({ kpi, latest, target, status }) => (
                      <tr key={kpi.id} className={`kpi-row row-${status}`}>
                        <th scope="row">{kpi.name}</th>
                        <td className="number">
                          {formatValue(latest?.value ?? null, kpi.unit, kpi.decimals, LOCALE)}
                          {latest ? (
                            <span className="period">
                              {' '}
                              {periodLabel(kpi.frequency, latest.period, LOCALE)}
                            </span>
                          ) : null}
                        </td>
                        <td className="number">
                          {kpi.direction === 'within_range'
                            ? `${formatValue(kpi.targetMin, kpi.unit, kpi.decimals, LOCALE)} – ${formatValue(kpi.targetMax, kpi.unit, kpi.decimals, LOCALE)}`
                            : formatValue(target, kpi.unit, kpi.decimals, LOCALE)}
                        </td>
                        <td>
                          <StatusBadge status={status} />
                        </td>
                        <td>{kpi.owner || <span className="muted">no owner</span>}</td>
                        <td className="row-actions">
                          <button
                            type="button"
                            aria-label={`Edit KPI ${kpi.name}`}
                            onClick={() =>
                              setEditing({ kind: 'kpi', objectiveId: objective.id, kpi })
                            }
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="danger"
                            aria-label={`Delete KPI ${kpi.name}`}
                            onClick={() =>
                              void run(
                                () => api.call('kpi.delete', { id: kpi.id }),
                                `Delete the KPI “${kpi.name}” and its values?`,
                              )
                            }
                          >
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </section>
      ))}
      {editing?.kind === 'perspective' ? (
        <NameDialog
          title={editing.perspective ? 'Edit perspective' : 'New perspective'}
          submitLabel={editing.perspective ? 'Save' : 'Add perspective'}
          nameLabel="Perspective name"
          withWeight
          initial={editing.perspective ?? {}}
          onClose={() => setEditing(null)}
          onSave={async ({ name, weight }) => {
            if (editing.perspective)
              await api.call('perspective.update', { id: editing.perspective.id, name, weight });
            else await api.call('perspective.create', { scorecardId: scorecard.id, name, weight });
            await refresh();
          }}
        />
      ) : null}
      {editing?.kind === 'objective' ? (
        <NameDialog
          title={editing.objective ? 'Edit objective' : 'New objective'}
          submitLabel={editing.objective ? 'Save' : 'Add objective'}
          nameLabel="Objective name"
          withDescription
          withWeight
          initial={editing.objective ?? {}}
          onClose={() => setEditing(null)}
          onSave={async ({ name, description, weight }) => {
            if (editing.objective)
              await api.call('objective.update', {
                id: editing.objective.id,
                name,
                description,
                weight,
              });
            else
              await api.call('objective.create', {
                perspectiveId: editing.perspectiveId,
                name,
                description,
                weight,
              });
            await refresh();
          }}
        />
      ) : null}
      {editing?.kind === 'kpi' ? (
        <KpiDialog
          objectiveId={editing.objectiveId}
          kpi={editing.kpi}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      ) : null}
    </div>
  );
}
