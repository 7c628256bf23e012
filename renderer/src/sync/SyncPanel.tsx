import { useEffect, useState } from 'react';
import type { ConflictSide, SyncConflict } from '@shared/api/contract-sync';
import type { Kpi } from '@shared/domain/entities';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { formatDateTime, LOCALE } from '../app/locale';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { statusLines } from '@shared/sync/status-text';
import { useSyncStore } from './sync-store';

// The sync panel: where the workspace stands, Sync now (with the password when the server asks
// for one), and the conflicts to review, each with both sides, who wrote them and when, which
// one the workspace shows, and "Keep this".

export function SyncPanel({ onClose }: { onClose(): void }) {
  const { status, conflicts, busy, error, syncNow, keep, load, kpis, loadKpis } = useSyncStore();
  const [password, setPassword] = useState('');
  // "2 minutes ago" and "next try in 20 seconds" move on while the panel is open.
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void load();
    void loadKpis();
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [load, loadKpis]);

  const needsPassword = status?.state === 'password-needed' || error?.field === 'password';
  async function submit() {
    if (await syncNow(needsPassword && password !== '' ? password : undefined)) setPassword('');
  }

  return (
    <Dialog
      title="Team sync"
      submitLabel={busy || status?.state === 'syncing' ? 'Syncing…' : 'Sync now'}
      onSubmit={submit}
      onClose={onClose}
      cancelLabel="Close"
      busy={busy || status?.state === 'syncing'}
      error={error !== null && error.field !== 'password' ? error.message : null}
      wide
    >
      {status === null ? (
        <p>This workspace is not shared.</p>
      ) : (
        <>
          <ul className="sync-status" aria-label="Sync status">
            {statusLines(status, now, LOCALE).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {busy ? <progress aria-label="Syncing" /> : null}
          {needsPassword ? (
            <Field
              label="Password"
              error={error?.field === 'password' ? error.message : undefined}
              help="Kept on this computer, never in the workspace file."
            >
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
          ) : null}
          <section aria-labelledby="sync-conflicts-title" className="sync-conflicts">
            <h3 id="sync-conflicts-title">Conflicts to review</h3>
            {conflicts.length === 0 ? (
              <p>None: every edit saw the others.</p>
            ) : (
              <ul>
                {conflicts.map((conflict) => (
                  <ConflictItem
                    key={`${conflict.entity}/${conflict.entityId}`}
                    conflict={conflict}
                    kpis={kpis}
                    onKeep={(changeId) => void keep(changeId)}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Dialog>
  );
}

/** What the conflict is about, in the user's words ("Revenue, Mar 2026"). */
function subject(conflict: SyncConflict, kpis: Map<string, Kpi>): string {
  if (conflict.entity !== 'value')
    return `${conflict.entity.replace('_', ' ')} ${conflict.entityId}`;
  const slash = conflict.entityId.indexOf('/');
  const kpi = kpis.get(conflict.entityId.slice(0, slash));
  const period = conflict.entityId.slice(slash + 1);
  return kpi ? `${kpi.name}, ${periodLabel(kpi.frequency, period, LOCALE)}` : conflict.entityId;
}

function sideText(conflict: SyncConflict, side: ConflictSide, kpis: Map<string, Kpi>): string {
  if (side.value === null) return 'deleted';
  if (conflict.entity === 'value' && typeof side.value === 'object') {
    const kpi = kpis.get(conflict.entityId.slice(0, conflict.entityId.indexOf('/')));
    const { value } = side.value as { value?: unknown };
    if (typeof value === 'number')
      return kpi ? formatValue(value, kpi.unit, kpi.decimals, LOCALE) : String(value);
  }
  return JSON.stringify(side.value);
}

function ConflictItem(props: {
  conflict: SyncConflict;
  kpis: Map<string, Kpi>;
  onKeep(changeId: string): void;
}) {
  const { conflict, kpis } = props;
  const what = subject(conflict, kpis);
  return (
    <li className="sync-conflict">
      <h4>{what}</h4>
      <ul>
        {conflict.sides.map((side) => {
          const text = sideText(conflict, side, kpis);
          const who = side.author ?? 'you (not sent yet)';
          return (
            <li key={side.changeId} className={side.current ? 'current' : undefined}>
              <span className="sync-side-value">{text}</span>{' '}
              <span className="sync-side-by">
                by {who}, {formatDateTime(side.at)}
              </span>
              {side.current ? <span className="sync-side-current"> (shown now)</span> : null}{' '}
              {conflict.entity === 'value' ? (
                <button
                  type="button"
                  aria-label={`Keep this: ${text} for ${what}`}
                  onClick={() => props.onKeep(side.changeId)}
                >
                  Keep this
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {conflict.entity === 'value' ? null : (
        <p className="help">Edit it to settle this: the edit keeps what you choose.</p>
      )}
    </li>
  );
}
