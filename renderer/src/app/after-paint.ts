// Reads the first screen does not show (the top bar's reminder count and sync status) wait until
// the frame drawing that screen has been painted. Started from their components' effects, they
// ran in the same commit as the scorecard's rows, before its first paint, and each call's
// fetch() took 0.5–5 ms of the main thread (issue 19).

/** Calls `run` once the next frame has been painted; returns the function that cancels it. */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Animation-frame callbacks run just before a frame is drawn; a task posted from one runs
  // after it.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
