import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ActionPlan, ActionPlanStatus } from '@shared/domain/entities';
import { ACTION_PLAN_STATUS_LABELS, ACTION_PLAN_STATUSES } from '@shared/report/action-plan-status';
import { errorMessage } from '../api/client';
import { useUndoDeleteStore } from '../app/undo-delete-store';
import { UndoNotice } from '../ui/UndoNotice';
import { useActionPlansStore } from './action-plans-store';

// A KPI's action plans inside its detail dialog: list, add, change status or due date, remove.
// The dialog is itself a form, so this panel uses buttons and catches Enter instead of nesting
// a second form.

/** The undo notice of removed plans shows in the panel: the modal detail hides the rest. */
const UNDO_SCOPE = 'action-plans';

export function ActionPlansPanel({ kpiId, kpiName }: { kpiId: string; kpiName: string }) {
  const id = useId();
  const stored = useActionPlansStore((state) => state.byKpi[kpiId]);
  // A removed plan leaves the table at once; the removal runs after its Undo notice.
  const hidden = useUndoDeleteStore((state) => state.pending?.id ?? null);
  const plans: ActionPlan[] = (stored ?? []).filter((plan) => plan.id !== hidden);
  const { load, create, update, remove } = useActionPlansStore();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    load(kpiId).catch((cause: unknown) => setError(errorMessage(cause)));
  }, [kpiId, load]);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  const add = () =>
    run(async () => {
      await create(kpiId, {
        title,
        owner,
        dueDate: dueDate === '' ? null : dueDate,
      });
      setTitle('');
      setOwner('');
      setDueDate('');
    });
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };

  return (
    <section className="action-plans" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Action plans</h3>
      {plans.length === 0 ? (
        <p className="muted">Nothing recorded yet: say what is being done about {kpiName}.</p>
      ) : (
        <table className="kpi-table action-plan-table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">{plan.title}</th>
                <td>{plan.owner || '—'}</td>
                <td>
                  <input
                    type="date"
                    aria-label={`Due date of ${plan.title}`}
                    value={plan.dueDate ?? ''}
                    onChange={(event) =>
                      void run(() =>
                        update(kpiId, {
                          id: plan.id,
                          dueDate: event.target.value === '' ? null : event.target.value,
                        }),
                      )
                    }
                  />
                </td>
                <td>
                  <select
                    aria-label={`Status of ${plan.title}`}
                    value={plan.status}
                    onChange={(event) =>
                      void run(() =>
                        update(kpiId, {
                          id: plan.id,
                          status: event.target.value as ActionPlanStatus,
                        }),
                      )
                    }
                  >
                    {ACTION_PLAN_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {ACTION_PLAN_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${plan.title}`}
                    onClick={() =>
                      void useUndoDeleteStore.getState().schedule({
                        id: plan.id,
                        scope: UNDO_SCOPE,
                        message: `Removed the action plan “${plan.title}”${plan.notes ? ' with its notes' : ''}.`,
                        run: () => remove(kpiId, plan.id),
                      })
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="action-plan-new">
        <label>
          New action
          <input
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={onEnter}
          />
        </label>
        <label>
          Owner
          <input
            value={owner}
            maxLength={200}
            onChange={(e) => setOwner(e.target.value)}
            onKeyDown={onEnter}
          />
        </label>
        <label>
          Due date
          <input
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            onKeyDown={onEnter}
          />
        </label>
        <button type="button" onClick={() => void add()}>
          Add action plan
        </button>
      </div>
      <UndoNotice scope={UNDO_SCOPE} />
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
