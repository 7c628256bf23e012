import { create } from 'zustand';

// Browser mode answered 401: this page's access token is not the running app's (browser mode
// has been started again since the page got it, on the same port). Heard where the page talks
// HTTP (transport.ts, events.ts), whatever call or stream met it; the app then shows only the
// way back in (app/App.tsx). The envelope's FORBIDDEN code is not enough: the backend also
// uses it for a file the user has not granted.

interface AccessState {
  refused: boolean;
  refuse(): void;
}

export const useAccessStore = create<AccessState>((set) => ({
  refused: false,
  refuse: () => {
    set({ refused: true });
  },
}));
