import type { ApiClient } from './client';
import type { MethodName, MethodOutput, MethodParams } from './contract';

// A page's first reads, sent as soon as its script runs instead of when the views needing them
// have mounted: otherwise the first screen waits for one round trip after another (the
// workspace, then its scorecards, then the evaluation) — issue 19. The first call asking for
// the same read with the same params takes the answer already on its way; every later call
// asks the backend as usual.

export interface EarlyCalls {
  /** The client the app uses: a kept early answer is taken once, else the backend is asked. */
  api: ApiClient;
  /**
   * Asks for `method` now and keeps its answer for the first call asking the same. Also gives
   * the answer, to look at without taking it (a failure left unheard there is not reported).
   */
  send<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodOutput<M>>;
  /**
   * Drops the kept answer of one read, for a sender that used it itself: the next call asks
   * the backend. Asks nothing.
   */
  drop<M extends MethodName>(method: M, params: MethodParams<M>): void;
  /** Drops every kept answer: the data may have changed since it was read. */
  forget(): void;
}

const keyOf = (method: string, params: unknown): string => `${method} ${JSON.stringify(params)}`;

export function withEarlyCalls(client: ApiClient): EarlyCalls {
  const kept = new Map<string, Promise<unknown>>();
  return {
    api: {
      call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodOutput<M>> {
        const key = keyOf(method, params);
        const early = kept.get(key) as Promise<MethodOutput<M>> | undefined;
        if (early === undefined) return client.call(method, params);
        kept.delete(key);
        return early;
      },
    },
    send(method, params) {
      const key = keyOf(method, params);
      const answer = client.call(method, params);
      kept.set(key, answer);
      // A failed read is not handed on (a scorecard list asked for before anything was open):
      // whoever asks later asks again. Handled here, so no rejection goes unheard.
      answer.catch(() => {
        if (kept.get(key) === answer) kept.delete(key);
      });
      return answer;
    },
    drop(method, params) {
      kept.delete(keyOf(method, params));
    },
    forget: () => {
      kept.clear();
    },
  };
}
