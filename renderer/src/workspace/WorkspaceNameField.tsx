import { Field } from '../ui/Field';
import { desktopBridge } from '../api/transport';

// The name a new workspace is given, and where its file goes: every dialog that makes a
// workspace (empty, from a template, joined from a server) asks the same way.

export function WorkspaceNameField(props: {
  value: string;
  error: string | undefined;
  help: string;
  onChange(name: string): void;
}) {
  return (
    <Field label="Workspace name" error={props.error} help={props.help}>
      {(control) => (
        <input
          {...control}
          autoFocus
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The name's problem, or undefined when it will do. */
export function workspaceNameError(name: string): string | undefined {
  return name.trim() === '' ? 'Name is required' : undefined;
}

/**
 * Where the new workspace's file goes: on the desktop the native save dialog picks it (null when
 * the user cancels it); in browser mode the backend puts it in the workspaces folder under its
 * name (`path` undefined).
 */
export async function newWorkspaceFile(name: string): Promise<{ path: string | undefined } | null> {
  const bridge = desktopBridge();
  if (!bridge) return { path: undefined };
  const chosen = await bridge.dialogs.newWorkspace(name.trim());
  return chosen ? { path: chosen } : null;
}
