import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { errorMessage } from '../api/client';
import { useValuesStore } from './values-store';

// A comment on one value ("dip: warehouse move").

interface CommentDialogProps {
  cell: string;
  kpiId: string;
  period: string;
  initial: string;
  onClose(): void;
  onSaved?(): void;
}

export function CommentDialog(props: CommentDialogProps) {
  const { cell, kpiId, period, initial, onClose } = props;
  const comment = useValuesStore((state) => state.comment);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  return (
    <Dialog
      title={`Comment on ${cell}`}
      submitLabel="Save comment"
      error={error}
      onClose={onClose}
      onSubmit={async () => {
        try {
          await comment(kpiId, period, text);
          props.onSaved?.();
          onClose();
        } catch (cause) {
          setError(errorMessage(cause));
        }
      }}
    >
      <Field label="Comment">
        {(control) => (
          <textarea
            {...control}
            autoFocus
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}
