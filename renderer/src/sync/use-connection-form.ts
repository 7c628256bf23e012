import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { errorMessage } from '../api/client';
import { addressWith, placeError } from './address';
import type { Connection } from './ConnectionFields';

// The state of a form that reaches the team's server (Share, Join): what is typed, each field's
// message, the form's own message, and one attempt at a time whose refusal is shown next to
// the field it is about (address, password, space) or for the whole form.

const FIELDS = ['url', 'password', 'space'] as const;

export function useConnectionForm(initial: Connection) {
  const [value, setValue] = useState<Connection>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Connection, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The address to call with the password put into it, or null after saying what is wrong. */
  function address(): string | null {
    const url = addressWith(value.url, value.password);
    if (url === null)
      setErrors({ url: 'Server address must look like postgres://USER@HOST:PORT/DATABASE' });
    return url;
  }

  /** Runs the call; a refusal is placed at its field. Whether it succeeded. */
  async function attempt(call: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await call();
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = placeError(error, FIELDS);
        if (placed.field === null) setFormError(placed.message);
        else setErrors({ [placed.field]: placed.message });
      } else setFormError(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    value,
    errors,
    formError,
    busy,
    address,
    attempt,
    setErrors,
    change(next: Connection) {
      setValue(next);
      setErrors({});
    },
  };
}
