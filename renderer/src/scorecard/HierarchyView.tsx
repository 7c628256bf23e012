import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Kpi } from '@shared/domain/entities';
import type { KpiTree, KpiTreeNode, ScorecardRows } from '@shared/domain/evaluation';
import { formatValue } from '@shared/domain/format';
import { errorMessage } from '../api/client';
import { Alert } from '../ui/Alert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatScore, viewPeriodLabel } from '../charts/labels';
import { LOCALE } from '../app/locale';
import { KpiDetailDialog } from '../kpi/KpiDetailDialog';
import { readKpiTree } from './scorecard-store';
import { SCORING_KINDS, useDataVersion } from '../app/use-data-version';

// The KPI hierarchy of the whole workspace (regional sales → total sales; department KPIs under
// corporate ones) for the chosen period, as a tree: Up/Down move, Right opens or goes to the
// first child, Left closes or goes to the parent, Home/End jump, Enter opens the KPI.

interface Row {
  node: KpiTreeNode;
  level: number;
  hasChildren: boolean;
  parentId: string | null;
}

export function HierarchyView({ view }: { view: ScorecardRows }) {
  const [tree, setTree] = useState<KpiTree | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [open, setOpen] = useState<Kpi | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const version = useDataVersion(SCORING_KINDS);
  const expandedOnce = useRef(false);

  useEffect(() => {
    readKpiTree({
      view: { frequency: view.view.frequency, basis: view.view.basis },
      period: view.period,
    }).then(
      (result) => {
        setTree(result);
        // Parents start open, so the hierarchy is visible at a glance; a refresh after a change
        // keeps what the user closed.
        if (expandedOnce.current) return;
        expandedOnce.current = true;
        setExpanded(
          new Set(
            result.nodes.flatMap((node) => (node.kpi.parentKpiId ? [node.kpi.parentKpiId] : [])),
          ),
        );
      },
      (cause: unknown) => setError(errorMessage(cause)),
    );
  }, [view.view.frequency, view.view.basis, view.period, version]);

  const rows = useMemo((): Row[] => {
    if (!tree) return [];
    const ids = new Set(tree.nodes.map((node) => node.kpi.id));
    const children = new Map<string | null, KpiTreeNode[]>();
    for (const node of tree.nodes) {
      const parent =
        node.kpi.parentKpiId !== null && ids.has(node.kpi.parentKpiId)
          ? node.kpi.parentKpiId
          : null;
      children.set(parent, [...(children.get(parent) ?? []), node]);
    }
    const result: Row[] = [];
    const walk = (parentId: string | null, level: number) => {
      for (const node of children.get(parentId) ?? []) {
        const hasChildren = (children.get(node.kpi.id) ?? []).length > 0;
        result.push({ node, level, hasChildren, parentId });
        if (hasChildren && expanded.has(node.kpi.id)) walk(node.kpi.id, level + 1);
      }
    };
    walk(null, 1);
    return result;
  }, [tree, expanded]);

  const current = focusId ?? rows[0]?.node.kpi.id ?? null;
  useEffect(() => {
    if (!treeRef.current?.contains(document.activeElement)) return;
    treeRef.current.querySelector<HTMLElement>(`[data-kpi="${current ?? ''}"]`)?.focus();
  }, [current, rows]);

  function onKey(event: KeyboardEvent) {
    const index = rows.findIndex((row) => row.node.kpi.id === current);
    const row = rows[index];
    if (!row) return;
    const id = row.node.kpi.id;
    const toggle = (open: boolean) =>
      setExpanded((set) => {
        const next = new Set(set);
        if (open) next.add(id);
        else next.delete(id);
        return next;
      });
    const go = (target: Row | undefined) => {
      if (target) setFocusId(target.node.kpi.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(rows[index + 1]);
        break;
      case 'ArrowUp':
        go(rows[index - 1]);
        break;
      case 'Home':
        go(rows[0]);
        break;
      case 'End':
        go(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !expanded.has(id)) toggle(true);
        else if (row.hasChildren) go(rows[index + 1]);
        break;
      case 'ArrowLeft':
        if (row.hasChildren && expanded.has(id)) toggle(false);
        else go(rows.find((other) => other.node.kpi.id === row.parentId));
        break;
      case 'Enter':
        setOpen(row.node.kpi);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  if (error) return <Alert message={error} />;
  if (!tree) return <p role="status">Loading…</p>;
  return (
    <div className="hierarchy">
      <p className="help">
        All KPIs of the workspace in {viewPeriodLabel(tree.period, tree.view)}, child KPIs under
        their parents. Arrow keys move and open or close; Enter shows the KPI.
      </p>
      <ul
        role="tree"
        aria-label="KPI hierarchy"
        className="kpi-tree"
        ref={treeRef}
        onKeyDown={onKey}
      >
        {rows.map(({ node, level, hasChildren }) => {
          const { kpi, evaluation } = node;
          const focused = kpi.id === current;
          return (
            <li
              key={kpi.id}
              role="treeitem"
              aria-level={level}
              aria-expanded={hasChildren ? expanded.has(kpi.id) : undefined}
              aria-selected={focused}
              // Named from its content (a tree item may be), so the name is exactly the words shown
              // and speech users can say what they see.
              tabIndex={focused ? 0 : -1}
              data-kpi={kpi.id}
              className={`tree-node level-${Math.min(level, 6)}${focused ? ' focused' : ''}`}
              onClick={() => setFocusId(kpi.id)}
              onDoubleClick={() => setOpen(kpi)}
            >
              <span className="tree-toggle" aria-hidden="true">
                {hasChildren ? (expanded.has(kpi.id) ? '▾' : '▸') : ''}
              </span>
              {/* Each cell ends in a space, so its words stay apart from the next cell's in the
                  name made from them. */}
              <span className="tree-name">{kpi.name} </span>
              <span className="number">
                {formatValue(evaluation.value, kpi.unit, kpi.decimals, LOCALE)}{' '}
              </span>
              <span>
                <StatusBadge status={evaluation.status} />{' '}
              </span>
              <span className="muted">{node.scorecardName} </span>
              <span className="number">score {formatScore(evaluation.score)}</span>
            </li>
          );
        })}
      </ul>
      {open ? <KpiDetailDialog kpi={open} view={view} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
