import { useRef, type KeyboardEvent } from 'react';

// ARIA tabs (WAI-ARIA Authoring Practices, "tabs with automatic activation"): one tab stop for
// the row; Left/Right move and select, wrapping around; Home/End go to the first and last.
// The panel is labelled by `${idPrefix}-tab-${key}` and has the id `${idPrefix}-panel-${key}`.

interface ViewTabsProps<Key extends string> {
  tabs: Record<Key, string>;
  selected: Key;
  onSelect(key: Key): void;
  idPrefix: string;
  label?: string;
}

export function ViewTabs<Key extends string>(props: ViewTabsProps<Key>) {
  const { tabs, selected, onSelect, idPrefix } = props;
  const keys = Object.keys(tabs) as Key[];
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const index = keys.indexOf(selected);
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % keys.length,
      ArrowLeft: (index - 1 + keys.length) % keys.length,
      Home: 0,
      End: keys.length - 1,
    };
    const target = targets[event.key];
    const key = target === undefined ? undefined : keys[target];
    if (key === undefined) return;
    event.preventDefault();
    onSelect(key);
    listRef.current?.querySelector<HTMLElement>(`#${idPrefix}-tab-${key}`)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={props.label ?? 'Scorecard views'}
      className="tabs"
      ref={listRef}
      onKeyDown={onKeyDown}
    >
      {keys.map((key) => (
        <button
          key={key}
          id={`${idPrefix}-tab-${key}`}
          type="button"
          role="tab"
          aria-selected={selected === key}
          aria-controls={selected === key ? `${idPrefix}-panel-${key}` : undefined}
          tabIndex={selected === key ? 0 : -1}
          onClick={() => onSelect(key)}
        >
          {tabs[key]}
        </button>
      ))}
    </div>
  );
}
