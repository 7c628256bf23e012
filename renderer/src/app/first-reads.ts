import { dropEarly } from '../api/client';
import { openingScorecard } from '../scorecard/evaluation-params';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { rememberOpening } from './opening-scorecard';
import { earlyReads } from './early-reads';

// What the first screen reads, asked for as the page's script starts rather than as each view
// mounts (issue 19, sent by early-reads.ts): the settings, the open workspace and the recent
// list (App, the workspace store) and the open workspace's scorecards (the scorecard store).
// Each is the very call its store makes, so the store takes the answer. With no workspace open
// the scorecard list fails and is dropped (nobody asks for it).
//
// On a reload (or the desktop app started again) the evaluation of the scorecard the workspace
// opened on last time is asked for with those reads (opening-scorecard.ts), with its dashboard
// when the page opens on the Dashboard, and both are dropped here when the workspace opens on
// another.
//
// The scorecard store's first load (the list, then the evaluation of the scorecard shown) also
// starts here, once the workspace and its list are in, instead of after React has rendered the
// workspace screen and run its effects: the evaluation is the first screen's longest wait.
// Whichever comes first, this or the workspace screen's mount, starts that load; never both.

type FirstLoad = { state: 'waiting' } | { state: 'started'; path: string } | { state: 'done' };
let firstLoad: FirstLoad = { state: 'waiting' };

/**
 * Follows the first reads (sent by early-reads.ts). Resolves once the evaluation of the
 * scorecard shown has been asked for (or will not be here): the app shows the workspace after
 * that, so React's render of the workspace screen does not hold the request back.
 */
export function followFirstReads(): Promise<void> {
  if (earlyReads === null) return Promise.resolve();
  return Promise.all([earlyReads.workspace, earlyReads.scorecards]).then(
    ([current, scorecards]) => {
      const opening = openingScorecard(scorecards);
      const guessed = earlyReads?.evaluation ?? null;
      // The evaluation asked for on a guess is kept only if it is the one the store asks for.
      if (guessed && (guessed.path !== current?.path || guessed.id !== opening?.id)) {
        dropEarly('scorecard.evaluate', guessed.params);
        if (earlyReads?.dashboard) dropEarly('dashboard.get', earlyReads.dashboard);
      }
      if (current === null || firstLoad.state !== 'waiting') return;
      if (opening) rememberOpening({ path: current.path, id: opening.id });
      firstLoad = { state: 'started', path: current.path };
      // The list is in: the evaluation is asked for now, in this very callback. Through
      // load() it waited on a few more promise steps, and the workspace screen's render (20–40
      // ms in traces of a reload) ran before them. The early answer is used here, so it is
      // dropped: a later read of the list asks the backend.
      dropEarly('scorecard.list', {});
      void useScorecardStore.getState().loadFrom(scorecards);
    },
    // Nothing open, or the backend unreachable: the screens ask again and say so; nothing
    // asked for on a guess is left to be taken later.
    () => {
      if (earlyReads?.evaluation) dropEarly('scorecard.evaluate', earlyReads.evaluation.params);
      if (earlyReads?.dashboard) dropEarly('dashboard.get', earlyReads.dashboard);
    },
  );
}

/**
 * For the workspace screen's mount: whether the first reads already started loading the
 * scorecards of the workspace at `path` (then it must not load them again). After the first
 * mount, always false.
 */
export function firstLoadStarted(path: string | undefined): boolean {
  const started = firstLoad.state === 'started' && firstLoad.path === path;
  firstLoad = { state: 'done' };
  return started;
}
