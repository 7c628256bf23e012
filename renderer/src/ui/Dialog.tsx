import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from 'react';

// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, as
// screen-reader and keyboard users expect. The content is a form; Enter submits it.

interface DialogProps {
  title: string;
  submitLabel: string;
  onSubmit(): void | Promise<void>;
  onClose(): void;
  busy?: boolean;
  /** A message about the whole form (not one field), shown above the buttons. */
  error?: string | null;
  wide?: boolean;
  /** The closing button's words when "Cancel" would mislead (a panel that shows something). */
  cancelLabel?: string;
  /** For dialogs that only show something: one button, which closes. */
  readOnly?: boolean;
  children: ReactNode;
}

export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  // Focus goes back where it was when the dialog goes: the browser does that on close(), but
  // the dialog leaves by unmounting, which would drop the keyboard user on the page's start.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
    };
  }, [onClose]);

  function submit(event: SyntheticEvent<HTMLFormElement, SubmitEvent>) {
    event.preventDefault();
    // A dialog opened from another one (through a portal) must not submit that one too: React
    // passes events up its own tree, portals included.
    event.stopPropagation();
    void props.onSubmit();
  }

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={props.wide ? 'dialog wide' : 'dialog'}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{props.title}</h2>
        <div className="dialog-body">{props.children}</div>
        {props.error ? (
          <p role="alert" className="form-error" tabIndex={-1}>
            {props.error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {props.readOnly ? null : (
            <button type="button" onClick={props.onClose}>
              {props.cancelLabel ?? 'Cancel'}
            </button>
          )}
          <button type="submit" className="primary" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
