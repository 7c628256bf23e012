import { useState, type SyntheticEvent } from 'react';
import { ApiError } from '@shared/api/errors';
import type { ObjectiveRows } from '@shared/domain/evaluation';
import {
  linkSentence,
  nodeLabel,
  type MapNode,
  type StrategyMap,
} from '@shared/strategy-map/model';
import { errorMessage } from '../api/client';
import { Field } from '../ui/Field';
import { StatusBadge } from '../ui/StatusBadge';
import { formatPoints } from '../charts/labels';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { useStrategyMapStore } from './strategy-map-store';

// The objective opened on the map: its KPIs (each opens the KPI's detail), the links in and
// out of it with Remove, and a form to add a link from or to it. Everything here works with
// the keyboard alone; refused links show the backend's message under the field it names.

interface Props {
  map: StrategyMap;
  node: MapNode;
  /** The objective's KPIs when it belongs to the scorecard on screen. */
  evaluated: ObjectiveRows | null;
  onClose(): void;
}

export function ObjectivePanel({ map, node, evaluated, onClose }: Props) {
  const { addLink, removeLink } = useStrategyMapStore();
  const requestKpi = useKpiFocusStore((state) => state.request);
  const select = useScorecardStore((state) => state.select);
  const [direction, setDirection] = useState<'drives' | 'driven'>('drives');
  const others = map.nodes.filter((other) => other.objectiveId !== node.objectiveId);
  const [otherId, setOtherId] = useState(others[0]?.objectiveId ?? '');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const links = map.links.filter(
    (l) => l.fromObjectiveId === node.objectiveId || l.toObjectiveId === node.objectiveId,
  );

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const [fromObjectiveId, toObjectiveId] =
      direction === 'drives' ? [node.objectiveId, otherId] : [otherId, node.objectiveId];
    try {
      await addLink({ fromObjectiveId, toObjectiveId, label });
      setError(null);
      setLabel('');
      setSaved(linkSentence({ fromObjectiveId, toObjectiveId, label }, map.nodes));
    } catch (caught) {
      setSaved(null);
      setError({
        field: caught instanceof ApiError ? caught.field : undefined,
        message: errorMessage(caught),
      });
    }
  }

  return (
    <section className="panel map-objective" aria-labelledby="map-objective-title">
      <div className="map-toolbar">
        <h3 id="map-objective-title">{nodeLabel(node)}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        <StatusBadge status={node.status} /> · score {formatPoints(node.score)}
      </p>
      {evaluated ? (
        evaluated.kpis.length > 0 ? (
          <ul aria-label={`KPIs of ${node.name}`}>
            {evaluated.kpis.map(({ kpi, evaluation }) => (
              <li key={kpi.id}>
                <button type="button" className="link" onClick={() => requestKpi(kpi.id)}>
                  {kpi.name}
                </button>{' '}
                <StatusBadge status={evaluation.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No KPIs measure this objective yet.</p>
        )
      ) : (
        <p>
          This objective belongs to the scorecard “{node.scorecardName}”.{' '}
          <button type="button" className="link" onClick={() => void select(node.scorecardId)}>
            Open {node.scorecardName}
          </button>
        </p>
      )}
      <h4>Links</h4>
      {links.length > 0 ? (
        <ul className="map-links-list" aria-label={`Links of ${node.name}`}>
          {links.map((link) => {
            const sentence = linkSentence(link, map.nodes);
            return (
              <li key={link.id}>
                <span>{sentence}</span>
                <button
                  type="button"
                  aria-label={`Remove link ${sentence}`}
                  onClick={() => void removeLink(link.id).catch(() => undefined)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No links yet.</p>
      )}
      {others.length > 0 ? (
        <form onSubmit={(event) => void submit(event)} aria-label={`Add a link to ${node.name}`}>
          <Field label="This objective">
            {(control) => (
              <select
                {...control}
                value={direction}
                onChange={(event) => setDirection(event.target.value as 'drives' | 'driven')}
              >
                <option value="drives">drives (cause → effect)</option>
                <option value="driven">is driven by</option>
              </select>
            )}
          </Field>
          <Field
            label="Other objective"
            error={
              error && error.field !== undefined && error.field !== 'label'
                ? error.message
                : undefined
            }
          >
            {(control) => (
              <select
                {...control}
                value={otherId}
                onChange={(event) => setOtherId(event.target.value)}
              >
                {others.map((other) => (
                  <option key={other.objectiveId} value={other.objectiveId}>
                    {nodeLabel(other)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Label (optional)"
            error={error?.field === 'label' ? error.message : undefined}
          >
            {(control) => (
              <input
                {...control}
                value={label}
                maxLength={200}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </Field>
          {error && error.field === undefined ? (
            <p className="error-text" role="alert">
              {error.message}
            </p>
          ) : null}
          <button type="submit" className="primary">
            Add link
          </button>
          {saved ? <p role="status">Added {saved}.</p> : null}
        </form>
      ) : null}
    </section>
  );
}
