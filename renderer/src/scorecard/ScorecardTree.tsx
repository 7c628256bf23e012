import { useState } from 'react';
import type { Scorecard } from '@shared/domain/entities';
import { NameDialog } from './NameDialog';
import { formatNumber } from '../app/locale';
import { useNoticesStore } from '../app/notices-store';
import { errorMessage } from '../api/client';
import { useUndoDeleteStore } from '../app/undo-delete-store';
import { useScorecardStore } from './scorecard-store';
import { scorecardSubtree, useStructureStore, type ScorecardContents } from './structure-store';
import { TemplateScorecardDialog } from '../library/TemplateScorecardDialog';
import { SaveTemplateDialog } from '../library/SaveTemplateDialog';

// Cascading scorecards: company → departments → teams.

const count = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "Deleted the scorecard “Cafés” with 1 sub-scorecard, 4 KPIs and 48 values." */
export function deletedScorecardMessage(name: string, contents: ScorecardContents): string {
  const parts = [
    ...(contents.subScorecards > 0
      ? [count(contents.subScorecards, 'sub-scorecard', 'sub-scorecards')]
      : []),
    count(contents.kpis, 'KPI', 'KPIs'),
    count(contents.values, 'value', 'values'),
  ];
  const last = parts.pop() ?? '';
  const list = parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
  return `Deleted the scorecard “${name}” with ${list}, its perspectives, objectives, comments and action plans.`;
}

type Editing =
  { kind: 'add'; parentId: string | null } | { kind: 'rename'; scorecard: Scorecard } | null;

export function ScorecardTree() {
  const { scorecards, selectedId, select } = useScorecardStore();
  const structure = useStructureStore();
  const [editing, setEditing] = useState<Editing>(null);
  const [fromTemplate, setFromTemplate] = useState(false);
  const [saving, setSaving] = useState(false);
  const selected = scorecards.find((card) => card.id === selectedId) ?? null;
  // A delete leaves the tree at once and runs after the Undo notice (UndoNotice).
  const hidden = useUndoDeleteStore((state) => state.pending?.id ?? null);

  function branch(parentId: string | null, depth: number) {
    const children = scorecards
      .filter((card) => card.parentId === parentId && card.id !== hidden)
      .sort((a, b) => a.position - b.position);
    if (children.length === 0) return null;
    return (
      <ul className={depth === 0 ? 'tree' : 'tree-branch'}>
        {children.map((card) => (
          <li key={card.id}>
            <button
              type="button"
              className="tree-item"
              aria-current={card.id === selectedId ? 'true' : undefined}
              onClick={() => void select(card.id)}
            >
              {card.name}
            </button>
            {branch(card.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  }

  async function remove(card: Scorecard) {
    let contents: ScorecardContents;
    try {
      contents = await structure.scorecardContents(card.id, scorecards);
    } catch (error) {
      useNoticesStore.getState().notify(errorMessage(error));
      return;
    }
    const gone = new Set(scorecardSubtree(card.id, scorecards));
    const next =
      card.parentId ??
      scorecards.find((other) => other.parentId === null && !gone.has(other.id))?.id;
    await useUndoDeleteStore.getState().schedule({
      id: card.id,
      message: deletedScorecardMessage(card.name, contents),
      run: () => structure.deleteScorecard(card.id),
      undone: () => void select(card.id),
    });
    // The scorecard leaves the middle too: its parent (or another) shows meanwhile.
    if (next) await select(next);
    else useScorecardStore.setState({ selectedId: null, view: null });
  }

  return (
    <div>
      <h2 className="sidebar-title">Scorecards</h2>
      {scorecards.length === 0 ? <p className="empty">No scorecards yet.</p> : branch(null, 0)}
      <div className="sidebar-actions">
        <button type="button" onClick={() => setEditing({ kind: 'add', parentId: null })}>
          Add scorecard
        </button>
        <button type="button" onClick={() => setFromTemplate(true)}>
          Add a scorecard from a template…
        </button>
        {selected ? (
          <>
            <button
              type="button"
              onClick={() => setEditing({ kind: 'add', parentId: selected.id })}
            >
              Add sub-scorecard
            </button>
            <button
              type="button"
              onClick={() => setEditing({ kind: 'rename', scorecard: selected })}
            >
              Rename scorecard
            </button>
            <button type="button" onClick={() => setSaving(true)}>
              Save scorecard as template…
            </button>
            <button type="button" className="danger" onClick={() => void remove(selected)}>
              Delete scorecard
            </button>
          </>
        ) : null}
      </div>
      {saving && selected ? (
        <SaveTemplateDialog
          what={{ kind: 'scorecard', scorecardId: selected.id, name: selected.name }}
          onClose={() => setSaving(false)}
        />
      ) : null}
      {fromTemplate ? (
        <TemplateScorecardDialog
          parent={selected}
          onClose={() => setFromTemplate(false)}
          onAdded={(id) => select(id)}
        />
      ) : null}
      {editing ? (
        <NameDialog
          title={
            editing.kind === 'rename'
              ? 'Rename scorecard'
              : editing.parentId
                ? 'New sub-scorecard'
                : 'New scorecard'
          }
          submitLabel={editing.kind === 'rename' ? 'Save' : 'Add scorecard'}
          nameLabel="Scorecard name"
          withDescription
          initial={editing.kind === 'rename' ? editing.scorecard : {}}
          onClose={() => setEditing(null)}
          onSave={async ({ name, description }) => {
            if (editing.kind === 'rename') {
              await structure.updateScorecard({ id: editing.scorecard.id, name, description });
            } else {
              const created = await structure.createScorecard({
                name,
                description,
                parentId: editing.parentId,
              });
              await select(created.id);
            }
          }}
        />
      ) : null}
    </div>
  );
}
