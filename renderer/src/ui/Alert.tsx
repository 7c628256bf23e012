// An error the user should read, with a way to dismiss it.

export function Alert({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <div role="alert" className="alert">
      <span>{message}</span>
      {onDismiss ? (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss message">
          ✕
        </button>
      ) : null}
    </div>
  );
}
