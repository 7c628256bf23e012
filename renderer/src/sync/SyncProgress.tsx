import { useEffect, useState } from 'react';
import { formatNumber } from '../app/locale';
import { onServerEvent } from '../api/events';

// A share's or a join's progress while it runs: the pages sent or received so far, as the
// backend reports them (the `progress` event of job 'sync', id the space).

export function SyncProgress({ space, verb }: { space: string; verb: string }) {
  const [step, setStep] = useState<{ phase: string; done: number } | null>(null);
  useEffect(
    () =>
      onServerEvent('progress', (progress) => {
        if (progress.job === 'sync' && progress.id === space.trim())
          setStep({ phase: progress.phase, done: progress.done });
      }),
    [space],
  );
  return (
    <p role="status" className="sync-progress">
      <progress aria-label={verb} />{' '}
      {step === null
        ? `${verb}…`
        : `${verb}: ${formatNumber(step.done)} changes ${step.phase === 'sending' ? 'sent' : 'received'}…`}
    </p>
  );
}
