import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

// A menu button (WAI-ARIA Authoring Practices "Menu Button"): Enter, Space or Down opens the
// menu on its first item, Up on its last; in the menu Up/Down move (wrapping), Home/End jump,
// a letter goes to the next item starting with it, Enter or Space chooses, Escape closes and
// returns to the button, Tab closes and moves on. A click outside closes it.

export type MenuEntry =
  | { kind: 'item'; label: string; onSelect(): void; disabled?: boolean; title?: string }
  | { kind: 'group'; label: string; items: MenuEntry[] }
  | { kind: 'separator' };

interface MenuButtonProps {
  label: string;
  entries: MenuEntry[];
  className?: string;
}

function items(entries: MenuEntry[]): Extract<MenuEntry, { kind: 'item' }>[] {
  return entries.flatMap((entry) =>
    entry.kind === 'item' ? [entry] : entry.kind === 'group' ? items(entry.items) : [],
  );
}

export function MenuButton({ label, entries, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const choices = items(entries);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>(`[data-index="${String(active)}"]`)?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function show(index: number) {
    setActive((index + choices.length) % choices.length);
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function choose(index: number) {
    const choice = choices[index];
    if (!choice || choice.disabled) return;
    close(true);
    choice.onSelect();
  }

  function onButtonKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      show(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      show(choices.length - 1);
    }
  }

  function onMenuKey(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: choices.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setActive((target + choices.length) % choices.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(active);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const order = choices.map((_, offset) => (active + 1 + offset) % choices.length);
      const next = order.find((index) => choices[index]?.label.toLowerCase().startsWith(letter));
      if (next !== undefined) setActive(next);
    }
  }

  const indexOf = new Map<MenuEntry, number>(choices.map((choice, at) => [choice, at]));
  const render = (list: MenuEntry[], depth: number) =>
    list.map((entry, position) => {
      if (entry.kind === 'separator')
        return <li key={`separator-${String(depth)}-${String(position)}`} role="separator" />;
      if (entry.kind === 'group')
        return (
          <li key={`group-${entry.label}`} role="none">
            <span className="menu-group-label" id={`${menuId}-group-${String(position)}`}>
              {entry.label}
            </span>
            <ul role="group" aria-labelledby={`${menuId}-group-${String(position)}`}>
              {render(entry.items, depth + 1)}
            </ul>
          </li>
        );
      const mine = indexOf.get(entry) ?? -1;
      return (
        <li
          key={`item-${String(mine)}`}
          role="menuitem"
          tabIndex={-1}
          data-index={mine}
          aria-disabled={entry.disabled ? 'true' : undefined}
          title={entry.title}
          className="menu-item"
          onClick={() => choose(mine)}
          onPointerMove={() => {
            if (active !== mine) setActive(mine);
          }}
        >
          {entry.label}
        </li>
      );
    });

  return (
    <div className={`menu-button ${className ?? ''}`}>
      <button
        type="button"
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul
          role="menu"
          id={menuId}
          aria-label={label}
          className="menu"
          ref={menuRef}
          onKeyDown={onMenuKey}
        >
          {render(entries, 0)}
        </ul>
      ) : null}
    </div>
  );
}
