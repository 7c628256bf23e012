import { useEffect } from 'react';
import { useUndoDeleteStore } from '../app/undo-delete-store';
import { Alert } from './Alert';

// The notice of a pending delete, with Undo; Done deletes at once.

export function UndoNotice() {
  const { pending, error, undo, commit } = useUndoDeleteStore();
  // Leaving the workspace screen deletes what was pending rather than forgetting it.
  useEffect(
    () => () => {
      void useUndoDeleteStore.getState().commit();
    },
    [],
  );
  if (error)
    return <Alert message={error} onDismiss={() => useUndoDeleteStore.setState({ error: null })} />;
  if (!pending) return null;
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
