import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { HealthFinding } from '@shared/health/types';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { useHealthStore } from './health-store';

// Dismissing a finding asks why: the reason is kept in the workspace with the dismissal, so
// whoever opens the file later sees that it was a decision, not an oversight.

export function DismissDialog(props: { finding: HealthFinding; onClose(): void }) {
  const { finding, onClose } = props;
  const dismiss = useHealthStore((state) => state.dismiss);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      await dismiss(finding.key, reason);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field === 'reason') setFieldError(error.message);
      else setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Dismiss a finding"
      submitLabel="Dismiss"
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={formError}
    >
      <p>{finding.message}.</p>
      <Field
        label="Why is this fine?"
        error={fieldError}
        help="Kept in the workspace with the dismissal; the finding can be brought back."
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}
