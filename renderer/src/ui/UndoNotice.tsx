import { useEffect } from 'react';
import { useUndoDeleteStore } from '../app/undo-delete-store';
import { Alert } from './Alert';

// The notice of a pending delete, with Undo; Done deletes at once. A scoped notice shows the
// deletes of its own place (the action plans inside a KPI's modal detail, which hides the rest).

export function UndoNotice({ scope }: { scope?: string }) {
  const { pending, error, undo, commit } = useUndoDeleteStore();
  // Leaving the place deletes what was pending there rather than forgetting it.
  useEffect(
    () => () => {
      const state = useUndoDeleteStore.getState();
      if (state.pending?.scope === scope) void state.commit();
    },
    [scope],
  );
  if (error && scope === undefined)
    return <Alert message={error} onDismiss={() => useUndoDeleteStore.setState({ error: null })} />;
  if (!pending || pending.scope !== scope) return null;
  return (
    <div className="undo-notice" role="status">
      <span>{pending.message}</span>
      <button type="button" className="primary" onClick={undo}>
        Undo
      </button>
      <button type="button" onClick={() => void commit()}>
        Done
      </button>
    </div>
  );
}
