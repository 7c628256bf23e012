import { create } from 'zustand';

// A delete that can be undone: the item leaves the screen at once and a notice says what goes
// with it, with Undo; the delete itself runs when the notice times out, is dismissed, or the
// next delete comes. Nothing is written until then, so Undo needs no restore, and closing the
// app in between keeps the item (the safe way round).

export const UNDO_SECONDS = 10;

interface PendingDelete {
  /** The ids hidden meanwhile (the item and, for a container, nothing else needs hiding). */
  id: string;
  message: string;
  /** Where the notice shows: none for the workspace's, else the UndoNotice of that scope. */
  scope?: string;
  run(): Promise<void>;
  /** What to put back on screen besides the item itself (the scorecard shown, say). */
  undone?(): void;
}

interface UndoDeleteState {
  pending: PendingDelete | null;
  error: string | null;
  schedule(item: PendingDelete): Promise<void>;
  undo(): void;
  /** Runs the pending delete now. */
  commit(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | null = null;

export const useUndoDeleteStore = create<UndoDeleteState>((set, get) => ({
  pending: null,
  error: null,
  async schedule(item) {
    await get().commit();
    set({ pending: item, error: null });
    timer = setTimeout(() => void get().commit(), UNDO_SECONDS * 1000);
  },
  undo() {
    if (timer) clearTimeout(timer);
    timer = null;
    const pending = get().pending;
    set({ pending: null });
    pending?.undone?.();
  },
  async commit() {
    const pending = get().pending;
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    set({ pending: null });
    try {
      await pending.run();
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
