import { Field } from '../ui/Field';
import { ADDRESS_HELP } from './address';

// The fields Share and Join both ask for: the server's address, its password, the space.
// Errors come from the backend with the field they are about.

export interface Connection {
  url: string;
  password: string;
  space: string;
}

export function ConnectionFields(props: {
  value: Connection;
  errors: Partial<Record<keyof Connection, string>>;
  spaceHelp: string;
  onChange(next: Connection): void;
}) {
  const { value, errors, onChange } = props;
  return (
    <>
      <Field label="Server address" error={errors.url} help={ADDRESS_HELP}>
        {(control) => (
          <input
            {...control}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            value={value.url}
            onChange={(event) => onChange({ ...value, url: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Password"
        error={errors.password}
        help="Leave empty if the server needs none. Never written into the workspace file."
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={value.password}
            onChange={(event) => onChange({ ...value, password: event.target.value })}
          />
        )}
      </Field>
      <Field label="Space name" error={errors.space} help={props.spaceHelp}>
        {(control) => (
          <input
            {...control}
            value={value.space}
            onChange={(event) => onChange({ ...value, space: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
