import { create } from 'zustand';
import { errorMessage } from '../api/client';

// The one place a refused write is told when it has no field or dialog of its own to show it
// in (a delete, a reorder), and the last resort for a failure nobody caught.

export interface Notice {
  id: number;
  message: string;
}

interface NoticesState {
  notices: Notice[];
  notify(message: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNoticesStore = create<NoticesState>((set, get) => ({
  notices: [],
  notify(message) {
    // The same message twice in a row is one notice.
    if (get().notices.at(-1)?.message === message) return;
    set({ notices: [...get().notices, { id: nextId++, message }].slice(-3) });
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

/** Runs a write; a refusal becomes a notice with its message. Resolves whether it succeeded. */
export async function orNotify(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    useNoticesStore.getState().notify(errorMessage(error));
    return false;
  }
}

/** A promise rejection nothing handled is shown rather than lost in the console. */
export function installRejectionGuard(): void {
  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    console.error('Unhandled rejection', event.reason);
    useNoticesStore.getState().notify(errorMessage(event.reason));
  });
}
