import { useMemo, useState } from 'react';
import type { Kpi, KpiDefinition, Objective, Perspective } from '@shared/domain/entities';
import type { ObjectiveRows, RowKpi, ScorecardRows } from '@shared/domain/evaluation';
import type { ScoredNode } from '@shared/scoring/evaluate-structure';
import { StatusBadge } from '../ui/StatusBadge';
import { formatPoints, viewPeriodLabel } from '../charts/labels';
import { KpiDialog } from '../kpi/KpiDialog';
import { NameDialog } from './NameDialog';
import { useFocusedKpi } from '../reminders/kpi-focus';
import { useFixRequest } from '../health/fix-request';
import { orNotify } from '../app/notices-store';
import { readKpi, useScorecardStore } from './scorecard-store';
import { useUndoDeleteStore } from '../app/undo-delete-store';
import { useStructureStore } from './structure-store';
import { linksGoingWith } from '../strategy-map/strategy-map-store';
import { LOCALE } from '../app/locale';
import { KpiDetailDialog } from '../kpi/KpiDetailDialog';
import { KpiRow, type KpiRowActions } from './KpiRow';
import { VirtualKpiRows } from './KpiRows';
import { LibraryDialog } from '../library/LibraryDialog';
import { PeriodPicker } from './PeriodPicker';
import { ScoringHelp } from './ScoringHelp';
import { useObjectivesDrawnLater } from './first-screen';
import { LaterObjective } from './LaterObjective';

// Perspectives → objectives → KPIs for the chosen period, each with status, score, trend and
// sparkline; the roll-ups above them; a switch to see only what is off track or at risk.

type Editing =
  | { kind: 'perspective'; perspective: Perspective | null }
  | { kind: 'objective'; perspectiveId: string; objective: Objective | null }
  | { kind: 'kpi'; objectiveId: string; kpi: Kpi | null; focusField?: keyof KpiDefinition }
  | null;

function Score({ node, label }: { node: ScoredNode; label: string }) {
  return (
    <span className="score" aria-label={`${label}: score ${formatPoints(node.score)}`}>
      <StatusBadge status={node.status} />{' '}
      <span className="number" title="Status points: on track 100, at risk 50, off track 0">
        {formatPoints(node.score)}
      </span>
      {node.noData > 0 ? (
        <span className="help">
          {' '}
          {node.noData} of {node.total} without data
        </span>
      ) : null}
    </span>
  );
}

/** From this many KPIs on, tables render only the rows on screen (KpiRows.tsx); below it
 * every row is in the page, which keeps find-in-page working on ordinary scorecards. */
export const VIRTUAL_FROM_KPIS = 150;

const needsAttention = (objective: ObjectiveRows) =>
  objective.kpis.filter(
    (entry) => entry.evaluation.status === 'off_track' || entry.evaluation.status === 'at_risk',
  );

export function ScorecardView({ view }: { view: ScorecardRows }) {
  const select = useScorecardStore((state) => state.select);
  const structure = useStructureStore();
  const [editing, setEditing] = useState<Editing>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [detail, setDetail] = useState<RowKpi | null>(null);
  const [library, setLibrary] = useState<{ id: string; name: string } | null>(null);
  useFocusedKpi(view, setDetail);
  const { scorecard, perspectives } = view;
  const kpiCount = useMemo(
    () =>
      perspectives.reduce(
        (sum, entry) =>
          sum + entry.objectives.reduce((n, objective) => n + objective.kpis.length, 0),
        0,
      ),
    [perspectives],
  );
  const virtual = kpiCount >= VIRTUAL_FROM_KPIS;
  // A large scorecard's objectives below its first screen are drawn as they are scrolled to,
  // before a Tab, or once the page is quiet (first-screen.ts).
  const { later, draw, drawAll } = useObjectivesDrawnLater(perspectives, virtual);
  // A health finding's fix: the KPI's form at the field, a new KPI, or the objective.
  const fixHandlers = useMemo(
    () => ({
      editKpi(_objectiveId: string, kpiId: string, focusField: keyof KpiDefinition) {
        const here = perspectives
          .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
          .some((entry) => entry.kpi.id === kpiId);
        if (here) editKpi(kpiId, focusField);
      },
      newKpi(objectiveId: string) {
        setEditing({ kind: 'kpi', objectiveId, kpi: null });
      },
      showObjective(objectiveId: string) {
        setOnlyProblems(false);
        drawAll();
        requestAnimationFrame(() => {
          const heading = document.getElementById(`o-${objectiveId}`);
          heading?.scrollIntoView({ block: 'start' });
          heading?.focus();
        });
      },
    }),
    [perspectives, drawAll],
  );
  useFixRequest(view, fixHandlers);

  // Deletes run from the undo notice, which shows a refusal (a KPI that a formula uses, say);
  // the view itself follows the backend's change event.
  async function run(action: () => Promise<unknown>) {
    await action();
  }

  // A delete leaves the screen at once and runs after the Undo notice (UndoNotice).
  const hidden = useUndoDeleteStore((state) => state.pending?.id ?? null);
  function remove(
    id: string,
    message: string,
    action: () => Promise<unknown>,
    objectiveIds: readonly string[] = [],
  ) {
    // The notice names the strategy-map links that go too (read before anything is deleted).
    void linksGoingWith(objectiveIds).then((links) =>
      useUndoDeleteStore
        .getState()
        .schedule({ id, message: message.replace(/\.$/u, `${links}.`), run: () => run(action) }),
    );
  }

  // The form edits the whole KPI record, which the rows do not carry (RowKpi): read it first.
  function editKpi(kpiId: string, focusField?: keyof KpiDefinition) {
    void orNotify(async () => {
      const kpi = await readKpi(kpiId);
      const objectiveId = kpi.objectiveId;
      setEditing({ kind: 'kpi', objectiveId, kpi, ...(focusField ? { focusField } : {}) });
    });
  }

  // One actions object for every row (KpiRow is memoised): state setters and the stores'
  // own functions never change.
  const rowActions = useMemo<KpiRowActions>(
    () => ({
      open: (kpi) => {
        setDetail(kpi);
      },
      edit: (kpi) => {
        editKpi(kpi.id);
      },
      remove: (kpi) => {
        void useUndoDeleteStore.getState().schedule({
          id: kpi.id,
          message: `Deleted the KPI “${kpi.name}” with its values and comments.`,
          run: () => useStructureStore.getState().deleteKpi(kpi.id),
        });
      },
    }),
    [],
  );

  async function move(index: number, by: -1 | 1) {
    const ids = perspectives.map((entry) => entry.perspective.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    await orNotify(() => structure.reorderPerspectives(scorecard.id, ids));
  }

  return (
    <div className="scorecard">
      <div className="scorecard-head">
        <h2>{scorecard.name}</h2>
        <Score
          node={view.own}
          label={`${scorecard.name} in ${viewPeriodLabel(view.period, view.view)}`}
        />
        {view.childScorecards.length > 0 ? (
          <span className="help">
            with sub-scorecards: <span className="number">{formatPoints(view.cascaded.score)}</span>
          </span>
        ) : null}
        <button
          type="button"
          onClick={() => setEditing({ kind: 'perspective', perspective: null })}
        >
          Add perspective
        </button>
      </div>
      {scorecard.description ? <p className="description">{scorecard.description}</p> : null}
      <div className="view-controls">
        <PeriodPicker />
        <label className="toggle">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(event) => setOnlyProblems(event.target.checked)}
          />
          Only what is off track or at risk
        </label>
      </div>
      <ScoringHelp />
      {view.childScorecards.length > 0 ? (
        <ul className="children" aria-label="Sub-scorecards">
          {view.childScorecards.map((child) => (
            <li key={child.scorecard.id}>
              <button
                type="button"
                className="link"
                onClick={() => void select(child.scorecard.id)}
              >
                {child.scorecard.name}
              </button>{' '}
              <Score node={child} label={child.scorecard.name} />
            </li>
          ))}
        </ul>
      ) : null}
      {perspectives.length === 0 ? (
        <p className="empty">
          This scorecard has no perspectives. Add one to group its objectives.
        </p>
      ) : null}
      {perspectives.map((entry, index) => {
        const { perspective } = entry;
        if (perspective.id === hidden) return null;
        const objectives = onlyProblems
          ? entry.objectives.filter((objective) => needsAttention(objective).length > 0)
          : entry.objectives;
        if (onlyProblems && objectives.length === 0) return null;
        return (
          <section
            key={perspective.id}
            className="perspective"
            aria-labelledby={`p-${perspective.id}`}
          >
            <div className="perspective-head">
              <h3 id={`p-${perspective.id}`}>{perspective.name}</h3>
              <Score node={entry} label={perspective.name} />
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
                    remove(
                      perspective.id,
                      `Deleted the perspective “${perspective.name}” with its objectives, KPIs and values.`,
                      () => structure.deletePerspective(perspective.id),
                      entry.objectives.map((o) => o.objective.id),
                    )
                  }
                >
                  Delete
                </button>
                <button
                  type="button"
                  onClick={() =>
                    setEditing({
                      kind: 'objective',
                      perspectiveId: perspective.id,
                      objective: null,
                    })
                  }
                  aria-label={`Add objective to ${perspective.name}`}
                >
                  Add objective
                </button>
              </div>
            </div>
            {objectives.length === 0 ? <p className="empty">No objectives yet.</p> : null}
            {objectives.map((objectiveEntry) => {
              if (objectiveEntry.objective.id === hidden) return null;
              const { objective } = objectiveEntry;
              const kpis = (
                onlyProblems ? needsAttention(objectiveEntry) : objectiveEntry.kpis
              ).filter((kpiEntry) => kpiEntry.kpi.id !== hidden);
              if (later.has(objective.id))
                return (
                  <LaterObjective
                    key={objective.id}
                    id={objective.id}
                    name={objective.name}
                    kpiCount={kpis.length}
                    draw={draw}
                  />
                );
              return (
                <div key={objective.id} className="objective">
                  <div className="objective-head">
                    <h4 id={`o-${objective.id}`} tabIndex={-1}>
                      {objective.name}
                    </h4>
                    <Score node={objectiveEntry} label={objective.name} />
                    <div className="row-actions">
                      <button
                        type="button"
                        aria-label={`Edit objective ${objective.name}`}
                        onClick={() =>
                          setEditing({
                            kind: 'objective',
                            perspectiveId: perspective.id,
                            objective,
                          })
                        }
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete objective ${objective.name}`}
                        onClick={() =>
                          remove(
                            objective.id,
                            `Deleted the objective “${objective.name}” with its KPIs and values.`,
                            () => structure.deleteObjective(objective.id),
                            [objective.id],
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
                      <button
                        type="button"
                        aria-label={`Add from library to ${objective.name}`}
                        onClick={() => setLibrary({ id: objective.id, name: objective.name })}
                      >
                        Add from library
                      </button>
                    </div>
                  </div>
                  {kpis.length === 0 ? (
                    <p className="empty">No KPIs yet — 3 to 5 per team is plenty.</p>
                  ) : (
                    <table className={virtual ? 'kpi-table virtual' : 'kpi-table'}>
                      <caption className="visually-hidden">KPIs of {objective.name}</caption>
                      <thead>
                        <tr>
                          <th scope="col">KPI</th>
                          <th scope="col">{viewPeriodLabel(view.period, view.view)}</th>
                          <th scope="col">Target</th>
                          <th scope="col">Status</th>
                          <th scope="col">Score</th>
                          <th scope="col">Trend</th>
                          <th scope="col">History</th>
                          <th scope="col">Owner</th>
                          <th scope="col">
                            <span className="visually-hidden">Actions</span>
                          </th>
                        </tr>
                      </thead>
                      {virtual ? (
                        <VirtualKpiRows
                          count={kpis.length}
                          row={(index, ref) => {
                            const kpiEntry = kpis[index];
                            return kpiEntry ? (
                              <KpiRow
                                key={kpiEntry.kpi.id}
                                entry={kpiEntry}
                                view={view.view}
                                sparklineFrom={view.sparklineBuckets[0]}
                                actions={rowActions}
                                index={index}
                                rowRef={ref}
                              />
                            ) : null;
                          }}
                        />
                      ) : (
                        <tbody>
                          {kpis.map((kpiEntry) => (
                            <KpiRow
                              key={kpiEntry.kpi.id}
                              entry={kpiEntry}
                              view={view.view}
                              sparklineFrom={view.sparklineBuckets[0]}
                              actions={rowActions}
                            />
                          ))}
                        </tbody>
                      )}
                    </table>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
      {editing?.kind === 'perspective' ? (
        <NameDialog
          title={editing.perspective ? 'Edit perspective' : 'New perspective'}
          submitLabel={editing.perspective ? 'Save' : 'Add perspective'}
          nameLabel="Perspective name"
          withWeight
          initial={editing.perspective ?? {}}
          onClose={() => setEditing(null)}
          onSave={({ name, weight }) =>
            structure.savePerspective(editing.perspective?.id ?? null, {
              scorecardId: scorecard.id,
              name,
              weight,
            })
          }
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
          onSave={({ name, description, weight }) =>
            structure.saveObjective(editing.objective?.id ?? null, {
              perspectiveId: editing.perspectiveId,
              name,
              description,
              weight,
            })
          }
        />
      ) : null}
      {editing?.kind === 'kpi' ? (
        <KpiDialog
          objectiveId={editing.objectiveId}
          kpi={editing.kpi}
          focusField={editing.focusField}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {detail ? <KpiDetailDialog kpi={detail} view={view} onClose={() => setDetail(null)} /> : null}
      {library ? <LibraryDialog objective={library} onClose={() => setLibrary(null)} /> : null}
    </div>
  );
}
