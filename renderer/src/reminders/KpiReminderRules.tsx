import { useEffect, useState } from 'react';
import type { Kpi } from '@shared/domain/entities';
import type { KpiReminderOverride } from '@shared/reminders/types';
import { errorMessage } from '../api/client';
import { useStructureStore } from '../scorecard/structure-store';
import { onEnter } from './enter-key';
import { useRemindersStore } from './reminders-store';

// Per-KPI departures from the workspace defaults: off, or its own grace period and time.

type Mode = 'default' | 'off' | 'custom';

function KpiRule({ kpi, override }: { kpi: Kpi; override: KpiReminderOverride | undefined }) {
  const { setKpiOverride } = useRemindersStore();
  const [mode, setMode] = useState<Mode>(override?.mode ?? 'default');
  const [grace, setGrace] = useState(
    override?.graceDays === null || !override ? '' : String(override.graceDays),
  );
  const [time, setTime] = useState(override?.timeOfDay ?? '');

  function save(nextMode: Mode = mode) {
    void setKpiOverride({
      kpiId: kpi.id,
      mode: nextMode,
      graceDays: nextMode === 'custom' && grace !== '' ? Number(grace) : null,
      timeOfDay: nextMode === 'custom' && time !== '' ? time : null,
    });
  }

  return (
    <tr>
      <th scope="row">{kpi.name}</th>
      <td>
        <select
          aria-label={`Reminders for ${kpi.name}`}
          value={mode}
          onChange={(e) => {
            const next = e.target.value as Mode;
            setMode(next);
            if (next !== 'custom') save(next);
          }}
        >
          <option value="default">Workspace default</option>
          <option value="off">Off</option>
          <option value="custom">Custom</option>
        </select>
      </td>
      <td>
        {mode === 'custom' ? (
          <span className="kpi-rule-custom">
            <input
              aria-label={`Grace days for ${kpi.name}`}
              onKeyDown={onEnter(() => save())}
              type="number"
              min={0}
              max={90}
              value={grace}
              onChange={(e) => setGrace(e.target.value)}
            />
            <input
              aria-label={`Time for ${kpi.name}`}
              onKeyDown={onEnter(() => save())}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
            <button
              type="button"
              aria-label={`Save reminder for ${kpi.name}`}
              onClick={() => save()}
            >
              Save
            </button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function KpiReminderRules() {
  const { settings } = useRemindersStore();
  // Read once on open; later changes to the KPIs arrive through the store's subscription.
  const kpis = useStructureStore((state) => state.kpis);
  const loadKpis = useStructureStore((state) => state.loadKpis);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadKpis().catch((e: unknown) => setError(errorMessage(e)));
  }, [loadKpis]);

  if (error) return <p role="alert">{error}</p>;
  if (!kpis || !settings) return null;
  const overrides = new Map(settings.overrides.map((o) => [o.kpiId, o]));
  return (
    <details className="kpi-rules">
      <summary>Reminders per KPI</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Reminders</th>
            <th scope="col">Grace days and time</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => (
            <KpiRule key={kpi.id} kpi={kpi} override={overrides.get(kpi.id)} />
          ))}
        </tbody>
      </table>
    </details>
  );
}
