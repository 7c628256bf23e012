import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { parseLocaleNumber } from '@shared/parse/number';
import { LOCALE } from '../app/locale';
import { errorMessage } from '../api/client';

// One form for the simple records — scorecards, perspectives, objectives: a name, and where
// they have them a description and a weight. The backend validates; its messages are shown
// next to the field they name.

export interface NameValues {
  name: string;
  description: string;
  weight: number;
}

interface NameDialogProps {
  title: string;
  submitLabel: string;
  nameLabel: string;
  initial?: Partial<{ name: string; description: string; weight: number }>;
  withDescription?: boolean;
  withWeight?: boolean;
  onSave(values: NameValues): Promise<unknown>;
  onClose(): void;
}

export function NameDialog(props: NameDialogProps) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [weight, setWeight] = useState(String(props.initial?.weight ?? 1));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setProblem(null);
    setFormError(null);
    const parsed = parseLocaleNumber(weight, LOCALE);
    if (props.withWeight && !parsed.ok) {
      setProblem(
        new ApiError({ code: 'VALIDATION', field: 'weight', message: 'Weight must be a number' }),
      );
      setBusy(false);
      return;
    }
    try {
      await props.onSave({ name, description, weight: parsed.ok ? parsed.value : 1 });
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) setProblem(error);
      else setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={props.title}
      submitLabel={props.submitLabel}
      onSubmit={submit}
      onClose={props.onClose}
      busy={busy}
      error={formError}
    >
      <Field label={props.nameLabel} error={problem?.messageFor('name')}>
        {(control) => (
          <input
            {...control}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      {props.withDescription ? (
        <Field label="Description" error={problem?.messageFor('description')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      {props.withWeight ? (
        <Field
          label="Weight"
          error={problem?.messageFor('weight')}
          help="How much this counts in the score above it, relative to its siblings."
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={weight}
              onChange={(event) => setWeight(event.target.value)}
            />
          )}
        </Field>
      ) : null}
    </Dialog>
  );
}
