import { useState } from 'react';
import type { Scorecard } from '@shared/domain/entities';
import { NameDialog } from './NameDialog';
import { orNotify } from '../app/notices-store';
import { useScorecardStore } from './scorecard-store';
import { useStructureStore } from './structure-store';

// Cascading scorecards: company → departments → teams.

type Editing =
  { kind: 'add'; parentId: string | null } | { kind: 'rename'; scorecard: Scorecard } | null;

export function ScorecardTree() {
  const { scorecards, selectedId, select } = useScorecardStore();
  const structure = useStructureStore();
  const [editing, setEditing] = useState<Editing>(null);
  const selected = scorecards.find((card) => card.id === selectedId) ?? null;

  function branch(parentId: string | null, depth: number) {
    const children = scorecards
      .filter((card) => card.parentId === parentId)
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
    const confirmed = window.confirm(
      `Delete the scorecard “${card.name}” with its sub-scorecards, perspectives, objectives, KPIs and values? The change history keeps a record.`,
    );
    if (!confirmed) return;
    await orNotify(() => structure.deleteScorecard(card.id));
  }

  return (
    <div>
      <h2 className="sidebar-title">Scorecards</h2>
      {scorecards.length === 0 ? <p className="empty">No scorecards yet.</p> : branch(null, 0)}
      <div className="sidebar-actions">
        <button type="button" onClick={() => setEditing({ kind: 'add', parentId: null })}>
          Add scorecard
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
            <button type="button" className="danger" onClick={() => void remove(selected)}>
              Delete scorecard
            </button>
          </>
        ) : null}
      </div>
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
