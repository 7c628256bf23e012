import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { observeWindowOffsetShared } from './window-scroll';
import { observeTablePlace } from './table-places';

// The body of one KPI table in a large scorecard: only the rows on screen (and a few either
// side) are in the page; spacer rows stand for the others, so the page scrolls as if all were
// there (issue 19): a 5,000-KPI scorecard's page holds about as many rows as a 50-KPI one. Tab
// and Shift+Tab walk on past the rendered rows, and the row holding the focus stays rendered.

/** A KPI row's usual height in pixels: the first guess before each row is measured. */
export const ROW_ESTIMATE = 37;
const OVERSCAN = 6;

interface KpiRowsProps {
  count: number;
  row(index: number, ref: (node: HTMLTableRowElement | null) => void): ReactNode;
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

function rowIndexOf(element: Element | null): number | null {
  const index = element?.closest('tr')?.getAttribute('data-index');
  return index == null ? null : Number(index);
}

export function VirtualKpiRows({ count, row }: KpiRowsProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  // null until measured: no row is rendered at a guessed place.
  const [top, setTop] = useState<number | null>(null);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const [pending, setPending] = useState<{ index: number; last: boolean } | null>(null);

  // Where the table body starts in the page: the virtualizer counts its rows from there.
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    return observeTablePlace(element, (start) => {
      setTop((current) => (current === null || Math.abs(current - start) > 1 ? start : current));
    });
  }, []);

  const instance = useRef<Virtualizer<Window, HTMLTableRowElement> | null>(null);
  // Whether the table is (nearly) on screen, as of the last scroll: the virtualizer re-renders
  // only when its range of rows changes, and a table scrolled wholly past keeps the same range
  // (its last rows), so without this it kept those rows in the page for the rest of a fling.
  const [, setShown] = useState(false);
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin: top ?? 0,
    enabled: top !== null,
    observeElementOffset: (scrolled, listener) =>
      observeWindowOffsetShared(scrolled, (offset, isScrolling) => {
        listener(offset, isScrolling);
        setShown(isOnScreen(scrolled, scrolled.options.scrollMargin));
      }),
    // Sizes come from the resize observer, after layout: measuring each row as it mounts
    // would force a layout per row, which made a fling stutter.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize[0];
      if (box) return Math.round(box.blockSize);
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? ROW_ESTIMATE;
    },
    // One layout for every table after a scroll, not one per table (flushSync would re-render
    // each table in its own scroll handler, each forcing the page's layout again).
    useFlushSync: false,
    rangeExtractor: (range: Range) => {
      // A table wholly off screen renders no rows (not even the overscan ones), so a page of
      // many tables renders only the one or two on screen.
      const onScreen = isOnScreen(instance.current, top ?? 0);
      const indexes = onScreen ? defaultRangeExtractor(range) : [];
      // The focused row stays in the page while scrolled away, so focus is never lost.
      if (focusedIndex === null || focusedIndex >= count || indexes.includes(focusedIndex))
        return indexes;
      return [...indexes, focusedIndex].sort((x, y) => x - y);
    },
  });

  // The same instance for the component's life; the range extractor reads where it scrolled.
  useLayoutEffect(() => {
    instance.current = virtualizer;
  }, [virtualizer]);

  // After Tab or Shift+Tab moved past the rendered rows: focus the row brought in.
  useLayoutEffect(() => {
    if (pending === null) return;
    const target = body.current?.querySelector(`tr[data-index="${pending.index}"]`);
    if (!target) return;
    const controls = [...target.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const control = pending.last ? controls.at(-1) : controls[0];
    setPending(null);
    control?.focus();
  }, [pending]);

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = rowIndexOf(event.target as Element);
    const tr = (event.target as Element).closest('tr');
    if (index === null || !tr) return;
    const controls = [...tr.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const next = event.shiftKey ? index - 1 : index + 1;
    const atEdge = event.shiftKey ? controls[0] === event.target : controls.at(-1) === event.target;
    if (!atEdge || next < 0 || next >= count) return;
    if (body.current?.querySelector(`tr[data-index="${next}"]`)) return;
    event.preventDefault();
    setFocusedIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setPending({ index: next, last: event.shiftKey });
  }

  // Spacer rows stand for the rows not rendered: before, between (when the focused row is kept
  // away from the visible ones) and after.
  const rows: ReactNode[] = [];
  let end = top ?? 0;
  for (const item of virtualizer.getVirtualItems()) {
    if (item.start > end) rows.push(spacer(`gap-${item.index}`, item.start - end));
    rows.push(row(item.index, virtualizer.measureElement));
    end = item.end;
  }
  // The virtualizer's positions count from the page's top; its total size from the table's.
  const total = top === null ? count * ROW_ESTIMATE : top + virtualizer.getTotalSize();
  if (total > end) rows.push(spacer('end', total - end));
  return (
    <tbody
      ref={body}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        setFocusedIndex(rowIndexOf(event.target));
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocusedIndex(null);
      }}
    >
      {rows}
    </tbody>
  );
}

/**
 * Whether any of the table's rows is within the window, or within the overscan's reach of it
 * (as the virtualizer last saw it): a table about to scroll in renders its first rows a frame
 * or two ahead, as the rows within a table do, rather than all at once as it appears.
 */
function isOnScreen(virtualizer: Virtualizer<Window, HTMLTableRowElement> | null, top: number) {
  // The first call comes while the hook is still creating the virtualizer.
  if (!virtualizer) return true;
  const reach = OVERSCAN * ROW_ESTIMATE;
  const from = (virtualizer.scrollOffset ?? window.scrollY) - reach;
  const to = from + (virtualizer.scrollRect?.height ?? window.innerHeight) + 2 * reach;
  return top < to && top + virtualizer.getTotalSize() > from;
}

function spacer(key: string, height: number) {
  return <tr key={key} aria-hidden="true" className="spacer-row" style={{ height }} />;
}
