import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { fitScale } from '@shared/strategy-map/geometry';
import { clampToBand } from '@shared/strategy-map/layout';
import type { MapNode } from '@shared/strategy-map/model';
import { errorMessage } from '../api/client';
import { Alert } from '../ui/Alert';
import { viewPeriodLabel } from '../charts/labels';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { LinkList } from './LinkList';
import { MapSvg } from './MapSvg';
import { ObjectivePanel } from './ObjectivePanel';
import { nextNode } from './map-keys';
import { useStrategyMapStore } from './strategy-map-store';

// The strategy map of the scorecard on screen. Mouse: drag an objective to move it (kept in the
// workspace), click it to open it. Keyboard: Tab to the map, arrows move between objectives,
// Enter opens one, L starts a link from it and Enter on another makes it, Escape cancels.

const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 2;

interface Drag {
  id: string;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
}

export function StrategyMapView({ view }: { view: ScorecardRows }) {
  const { map, geometry, error, load, addLink, keepPosition, resetLayout, reset } =
    useStrategyMapStore();
  const choice = useScorecardStore((state) => state.choice);
  const [scale, setScale] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [linkFrom, setLinkFrom] = useState<string | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const canvas = useRef<HTMLDivElement>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());

  useEffect(() => {
    void load();
  }, [load, view.scorecard.id, view.period, choice.frequency, choice.basis]);
  useEffect(() => reset, [reset]);

  function fit() {
    if (!geometry || !canvas.current) return;
    setScale(fitScale(geometry, { width: canvas.current.clientWidth - 4, height: 10_000 }));
  }
  // The first drawing of a map fits the width of the screen.
  useEffect(() => {
    if (geometry && scale === null) fit();
  });

  if (error && !map) return <Alert message={error} />;
  if (!map || !geometry) return <p role="status">Laying out the strategy map…</p>;
  const zoom = scale ?? 1;
  const nodeById = new Map(map.nodes.map((n) => [n.objectiveId, n]));
  const placed = geometry.nodes.map((n) =>
    drag?.id === n.objectiveId ? { ...n, x: drag.x, y: drag.y } : n,
  );
  const drawn = { ...geometry, nodes: placed };
  const active =
    focusId !== null && nodeById.has(focusId) ? focusId : (map.nodes[0]?.objectiveId ?? null);
  const openNode = openId === null ? undefined : nodeById.get(openId);
  const evaluated =
    view.perspectives.flatMap((p) => p.objectives).find((o) => o.objective.id === openId) ?? null;

  function focusNode(id: string | null) {
    if (id === null) return;
    setFocusId(id);
    nodeRefs.current.get(id)?.focus();
  }

  async function finishLink(from: string, to: string) {
    setLinkFrom(null);
    try {
      await addLink({ fromObjectiveId: from, toObjectiveId: to, label: '' });
      setAnnouncement(
        `Linked ${nodeById.get(from)?.name ?? ''} → ${nodeById.get(to)?.name ?? ''}.`,
      );
    } catch (caught) {
      setAnnouncement(errorMessage(caught));
    }
  }

  function onKeyDown(event: KeyboardEvent, node: MapNode) {
    const target = nextNode(placed, node.objectiveId, event.key);
    if (target !== null) {
      event.preventDefault();
      focusNode(target);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (linkFrom !== null) void finishLink(linkFrom, node.objectiveId);
      else setOpenId(node.objectiveId);
    } else if (event.key === 'l' || event.key === 'L') {
      event.preventDefault();
      setLinkFrom(node.objectiveId);
      setAnnouncement(
        `Linking from ${node.name}: move to the objective it drives and press Enter; Escape cancels.`,
      );
    } else if (event.key === 'Escape' && linkFrom !== null) {
      setLinkFrom(null);
      setAnnouncement('Link cancelled.');
    }
  }

  function onPointerDown(event: PointerEvent<SVGGElement>, node: MapNode) {
    const at = geometry?.nodes.find((n) => n.objectiveId === node.objectiveId);
    if (!at || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({
      id: node.objectiveId,
      startX: event.clientX,
      startY: event.clientY,
      x: at.x,
      y: at.y,
      moved: false,
    });
  }

  function onPointerMove(event: PointerEvent<SVGGElement>, node: MapNode) {
    if (!drag || drag.id !== node.objectiveId) return;
    const at = geometry?.nodes.find((n) => n.objectiveId === node.objectiveId);
    if (!at) return;
    const dx = (event.clientX - drag.startX) / zoom;
    const dy = (event.clientY - drag.startY) / zoom;
    const moved = drag.moved || Math.hypot(dx, dy) > 4;
    setDrag({ ...drag, moved, x: at.x + dx, y: clampToBand(node.band, at.y + dy) });
  }

  function onPointerUp(node: MapNode) {
    if (!drag || drag.id !== node.objectiveId) return;
    setDrag(null);
    if (drag.moved) void keepPosition(node.objectiveId, drag.x, drag.y);
    else if (linkFrom !== null) void finishLink(linkFrom, node.objectiveId);
    else setOpenId(node.objectiveId);
    setFocusId(node.objectiveId);
  }

  const highlight = new Set([active, linkFrom].filter((id): id is string => id !== null));
  return (
    <div className="strategy-map">
      <div className="map-toolbar" role="toolbar" aria-label="Strategy map">
        <span>
          Statuses for <strong>{viewPeriodLabel(map.period, view.view)}</strong>
        </span>
        <button type="button" onClick={fit}>
          Fit
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          onClick={() => setScale(Math.max(MIN_ZOOM, zoom / ZOOM_STEP))}
        >
          −
        </button>
        <output aria-label="Zoom">{Math.round(zoom * 100)} %</output>
        <button
          type="button"
          aria-label="Zoom in"
          onClick={() => setScale(Math.min(MAX_ZOOM, zoom * ZOOM_STEP))}
        >
          +
        </button>
        <button
          type="button"
          onClick={() => void resetLayout()}
          disabled={map.positions.length === 0}
        >
          Reset layout
        </button>
      </div>
      <p className="help" id="map-help">
        Drag an objective to move it; click it to see its KPIs and links. With the keyboard: arrows
        move between objectives, Enter opens one, L starts a link from it (Enter on another makes
        it, Escape cancels).
      </p>
      {error ? <Alert message={error} /> : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <div className="map-canvas" ref={canvas}>
        <MapSvg
          map={map}
          geometry={drawn}
          scale={zoom}
          highlight={highlight}
          title={`Strategy map of ${map.scorecardName}`}
          nodeProps={(node) => ({
            role: 'button',
            tabIndex: node.objectiveId === active ? 0 : -1,
            'aria-pressed': linkFrom === node.objectiveId ? true : undefined,
            ref: (element: SVGGElement | null) => {
              if (element) nodeRefs.current.set(node.objectiveId, element);
              else nodeRefs.current.delete(node.objectiveId);
            },
            onFocus: () => setFocusId(node.objectiveId),
            onKeyDown: (event) => onKeyDown(event, node),
            onPointerDown: (event) => onPointerDown(event, node),
            onPointerMove: (event) => onPointerMove(event, node),
            onPointerUp: () => onPointerUp(node),
          })}
        />
      </div>
      <div className="map-side">
        {openNode ? (
          <ObjectivePanel
            key={openNode.objectiveId}
            map={map}
            node={openNode}
            evaluated={openNode.external ? null : evaluated}
            onClose={() => {
              setOpenId(null);
              focusNode(openNode.objectiveId);
            }}
          />
        ) : null}
        <LinkList map={map} />
      </div>
    </div>
  );
}
