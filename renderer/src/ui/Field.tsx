import { useId, type ReactNode } from 'react';

// A labelled form control with its help and its error message, wired for screen readers
// (aria-invalid, aria-describedby). `children` receives the ids to put on the control.

interface FieldProps {
  label: string;
  error?: string | undefined;
  help?: string;
  children(control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }): ReactNode;
}

export function Field({ label, error, help, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy || undefined,
      })}
      {help ? (
        <p id={helpId} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
