import type { KeyboardEvent } from 'react';

// The reminders dialog is one form whose submit closes it; a field's Enter saves that field's
// part instead, as its Save button would.

export function onEnter(save: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save();
  };
}
