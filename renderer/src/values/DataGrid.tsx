import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import type { RowKpi, ScorecardRows } from '@shared/domain/evaluation';
import { formatValue } from '@shared/domain/format';
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency, type Rollup } from '@shared/domain/kpi';
import { periodKeyOfDay, periodLabel, periodsEndingAt } from '@shared/domain/period';
import { parseLocaleNumber } from '@shared/parse/number';
import { errorMessage } from '../api/client';
import { LOCALE } from '../app/locale';
import { useValuesStore, type ValueChange } from './values-store';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { readBlock } from './paste';
import { CommentDialog } from './CommentDialog';

// Keyboard-first entry of values: KPIs × the last 12 periods of one frequency. Arrows move,
// Enter edits and commits (moving down), Tab moves right, Escape cancels, Delete clears, typing
// starts an edit, Ctrl+Z undoes, and a block pasted from a spreadsheet lands from the focused
// cell in one all-or-nothing save.

const COLUMNS = 12;
const NO_DERIVED: ReadonlyMap<string, DerivedSource> = new Map();

interface Position {
  row: number;
  column: number;
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Where a KPI's values come from, when not typed in: the scorecard's evaluation knows. */
export type DerivedSource = 'calculated' | 'rolled_up';

interface DataGridProps {
  kpis: RowKpi[];
  /** KPIs whose values are worked out, by id; they show read-only, saying why. */
  derived?: ReadonlyMap<string, DerivedSource>;
}

export function DataGrid({ kpis: scorecardKpis, derived = NO_DERIVED }: DataGridProps) {
  const sourceOf = (kpi: RowKpi): DerivedSource | null =>
    kpi.formula !== null ? 'calculated' : (derived.get(kpi.id) ?? null);
  const allKpis = useMemo(
    () => scorecardKpis.filter((kpi) => kpi.formula === null && !derived.has(kpi.id)),
    [scorecardKpis, derived],
  );
  const frequencies = FREQUENCIES.filter((f) => scorecardKpis.some((kpi) => kpi.frequency === f));
  const [frequency, setFrequency] = useState<Frequency>(
    frequencies.includes('monthly') ? 'monthly' : (frequencies[0] ?? 'monthly'),
  );
  const kpis = allKpis.filter((kpi) => kpi.frequency === frequency);
  const readOnly = scorecardKpis.filter(
    (kpi) => kpi.frequency === frequency && sourceOf(kpi) !== null,
  );
  const periods = useMemo(
    () => periodsEndingAt(frequency, periodKeyOfDay(frequency, todayIso()), COLUMNS),
    [frequency],
  );
  const { values, load, write, remove, undo } = useValuesStore();
  const [focus, setFocus] = useState<Position>({ row: 0, column: COLUMNS - 1 });
  const [editing, setEditing] = useState<{ text: string } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string } | null>(null);
  const [commenting, setCommenting] = useState(false);
  const gridRef = useRef<HTMLTableElement>(null);
  // Whether the open editor still owns its text: Enter, Tab and Escape settle it before the
  // input goes away, so the blur that follows does not commit a second time or undo a cancel.
  const editorOpen = useRef(false);
  const kpiIds = allKpis.map((kpi) => kpi.id).join(',');

  // Opens at the current period, the last column, where the user usually types; once the
  // values are in, since they widen the columns.
  useEffect(() => {
    let cancelled = false;
    void load(kpiIds === '' ? [] : kpiIds.split(',')).then(() =>
      requestAnimationFrame(() => {
        const scroller = gridRef.current?.parentElement;
        if (scroller && !cancelled) scroller.scrollLeft = scroller.scrollWidth;
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [kpiIds, load, frequency]);

  // "Enter value" from a reminder: the KPI's frequency, then its cell, focused.
  const cellRequest = useKpiFocusStore((state) => state.cell);
  useEffect(() => {
    if (!cellRequest) return;
    const kpi = allKpis.find((candidate) => candidate.id === cellRequest.kpiId);
    if (!kpi) return;
    if (kpi.frequency !== frequency) {
      // Next frame: this effect runs again with the KPI's row on screen.
      const frame = requestAnimationFrame(() => setFrequency(kpi.frequency));
      return () => cancelAnimationFrame(frame);
    }
    const row = kpis.findIndex((candidate) => candidate.id === kpi.id);
    const column = periods.indexOf(cellRequest.period);
    if (row < 0) {
      useKpiFocusStore.getState().clearCell();
      return;
    }
    const at = column < 0 ? COLUMNS - 1 : column;
    const frame = requestAnimationFrame(() => {
      useKpiFocusStore.getState().clearCell();
      setFocus({ row, column: at });
      const cell = gridRef.current?.querySelector<HTMLElement>(
        `[data-cell="${String(row)}:${String(at)}"]`,
      );
      cell?.focus();
      cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [cellRequest, allKpis, kpis, periods, frequency]);

  useEffect(() => {
    if (editing) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(
      `[data-cell="${focus.row}:${focus.column}"]`,
    );
    const active = document.activeElement;
    if (cell && (active === document.body || gridRef.current?.contains(active))) cell.focus();
  }, [focus, editing]);

  function undoneMessage(change: ValueChange[] | undefined): string {
    const first = change?.[0];
    if (!change || !first) return 'Undone.';
    const row = kpis.findIndex((kpi) => kpi.id === first.kpiId);
    const column = periods.indexOf(first.period);
    const where =
      row >= 0 && column >= 0 ? cellName(row, column) : `${String(change.length)} values`;
    if (first.commentOnly) return `Undid the comment on ${where}.`;
    return change.length === 1
      ? `Undid the change to ${where}.`
      : `Undid the paste of ${String(change.length)} values.`;
  }
  const cellName = (row: number, column: number) =>
    `${kpis[row]?.name ?? ''}, ${periodLabel(frequency, periods[column] ?? '', LOCALE)}`;
  const valueAt = (row: number, column: number) => {
    const kpi = kpis[row];
    const period = periods[column];
    return kpi && period ? values.get(`${kpi.id}/${period}`) : undefined;
  };

  function move(row: number, column: number) {
    setFocus({
      row: Math.max(0, Math.min(kpis.length - 1, row)),
      column: Math.max(0, Math.min(COLUMNS - 1, column)),
    });
  }

  async function act(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      setMessage(done ? { kind: 'status', text: done } : null);
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
      return false;
    }
  }

  /** A refused entry keeps its editor open for correction. */
  function reopenOnError(ok: boolean) {
    if (!ok) editorOpen.current = true;
  }

  async function commit(text: string, then: Position): Promise<boolean> {
    const kpi = kpis[focus.row];
    const period = periods[focus.column];
    if (!kpi || !period) return true;
    const existing = valueAt(focus.row, focus.column);
    if (text.trim() === '') {
      setEditing(null);
      if (existing)
        await act(() => remove(kpi.id, period), `Cleared ${cellName(focus.row, focus.column)}.`);
      move(then.row, then.column);
      return true;
    }
    const parsed = parseLocaleNumber(text, LOCALE);
    if (!parsed.ok) {
      setMessage({
        kind: 'error',
        text: `${cellName(focus.row, focus.column)}: ${parsed.reason}.`,
      });
      return false;
    }
    if (existing?.value === parsed.value) {
      setEditing(null);
      move(then.row, then.column);
      return true;
    }
    const saved = await act(
      () => write([{ kpiId: kpi.id, period, value: parsed.value }]),
      `Saved ${cellName(focus.row, focus.column)}.`,
    );
    if (saved) {
      setEditing(null);
      move(then.row, then.column);
    }
    return saved;
  }

  function onGridKey(event: KeyboardEvent) {
    // Read the cell from the event, not from state: a key pressed right after a click can
    // arrive before React has re-rendered with the new focus.
    if (!(event.target instanceof HTMLElement) || event.target.tagName === 'INPUT') return;
    const cell = event.target.closest<HTMLElement>('[data-cell]');
    if (!cell || editing) return;
    const [row = 0, column = 0] = (cell.dataset.cell ?? '').split(':').map(Number);
    if (row !== focus.row || column !== focus.column) setFocus({ row, column });
    const moves: Record<string, Position> = {
      ArrowUp: { row: row - 1, column },
      ArrowDown: { row: row + 1, column },
      ArrowLeft: { row, column: column - 1 },
      ArrowRight: { row, column: column + 1 },
      Home: { row, column: 0 },
      End: { row, column: COLUMNS - 1 },
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      move(target.row, target.column);
    } else if (event.key === 'Tab') {
      const next = column + (event.shiftKey ? -1 : 1);
      if (next < 0 || next >= COLUMNS) return; // leave the grid, as Tab should at its edge
      event.preventDefault();
      move(row, next);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      const current = valueAt(row, column);
      startEditing(
        current
          ? current.value.toLocaleString(LOCALE, { useGrouping: false, maximumFractionDigits: 10 })
          : '',
      );
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const kpi = kpis[row];
      const period = periods[column];
      if (kpi && period && valueAt(row, column))
        void act(() => remove(kpi.id, period), `Cleared ${cellName(row, column)}.`);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      // Say what was undone: a bare "Undone." after saving a comment read as if the comment
      // had gone with it.
      const last = useValuesStore.getState().undoStack.at(-1);
      void act(async () => {
        if (!(await undo())) throw new Error('Nothing to undo.');
      }, undoneMessage(last));
    } else if (
      event.key.length === 1 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      /[0-9.,\-+(]/.test(event.key)
    ) {
      event.preventDefault();
      startEditing(event.key);
    }
  }

  function startEditing(text: string) {
    editorOpen.current = true;
    setEditing({ text });
  }

  function onEditKey(event: KeyboardEvent<HTMLInputElement>) {
    const text = event.currentTarget.value;
    if (event.key === 'Enter') {
      event.preventDefault();
      editorOpen.current = false;
      void commit(text, { row: focus.row + 1, column: focus.column }).then(reopenOnError);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      editorOpen.current = false;
      void commit(text, { row: focus.row, column: focus.column + (event.shiftKey ? -1 : 1) }).then(
        reopenOnError,
      );
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      editorOpen.current = false;
      setEditing(null);
      setMessage(null);
      gridRef.current
        ?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.column}"]`)
        ?.focus();
    }
  }

  function onPaste(event: ClipboardEvent) {
    if (editing) return;
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain');
    const result = readBlock(
      text,
      focus,
      { rows: kpis.length, columns: COLUMNS },
      LOCALE,
      cellName,
    );
    if ('error' in result) {
      setMessage({ kind: 'error', text: result.error });
      return;
    }
    const entries = result.cells.map((cell) => ({
      kpiId: (kpis[cell.row] as RowKpi).id,
      period: periods[cell.column] as string,
      value: cell.value as number,
    }));
    void act(
      () => write(entries),
      `Pasted ${entries.length} value${entries.length === 1 ? '' : 's'}.`,
    );
  }

  if (scorecardKpis.length === 0)
    return <p className="empty">Add KPIs to this scorecard to enter their values.</p>;

  const focusedValue = valueAt(focus.row, focus.column);
  return (
    <div className="data-entry">
      <div className="grid-toolbar">
        {frequencies.length > 1 ? (
          <label>
            Show KPIs measured{' '}
            <select
              value={frequency}
              onChange={(event) => setFrequency(event.target.value as Frequency)}
            >
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f].toLowerCase()}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" disabled={!focusedValue} onClick={() => setCommenting(true)}>
          Comment on {cellName(focus.row, focus.column)}
        </button>
        <span className="help">
          Arrows move · Enter edits · Tab moves right · Esc cancels · Del clears · Ctrl+Z undoes ·
          paste a block from a spreadsheet
        </span>
      </div>
      <div className="grid-scroll">
        <table
          role="grid"
          aria-label="Values"
          className="grid"
          ref={gridRef}
          onPaste={onPaste}
          onKeyDown={onGridKey}
        >
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col">
                KPI
              </th>
              {periods.map((period) => (
                <th role="columnheader" scope="col" key={period}>
                  {periodLabel(frequency, period, LOCALE)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi, row) => (
              <tr role="row" key={kpi.id}>
                <th role="rowheader" scope="row">
                  {kpi.name}
                </th>
                {periods.map((period, column) => {
                  const value = values.get(`${kpi.id}/${period}`);
                  const focused = focus.row === row && focus.column === column;
                  const shown = value
                    ? formatValue(value.value, kpi.unit, kpi.decimals, LOCALE)
                    : '';
                  return (
                    <td
                      role="gridcell"
                      key={period}
                      data-cell={`${row}:${column}`}
                      tabIndex={focused && !editing ? 0 : -1}
                      aria-label={`${cellName(row, column)}${shown ? `, ${shown}` : ', empty'}${value?.comment ? ', has a comment' : ''}`}
                      aria-selected={focused}
                      className={`${focused ? 'focused' : ''} ${value?.comment ? 'has-comment' : ''}`}
                      title={value?.comment || undefined}
                      onClick={() => {
                        if (!focused) setFocus({ row, column });
                      }}
                      onDoubleClick={() =>
                        startEditing(
                          value
                            ? value.value.toLocaleString(LOCALE, {
                                useGrouping: false,
                                maximumFractionDigits: 10,
                              })
                            : '',
                        )
                      }
                    >
                      {focused && editing ? (
                        <input
                          aria-label={`Value for ${cellName(row, column)}`}
                          autoFocus
                          className="cell-input"
                          defaultValue={editing.text}
                          onFocus={(event) => {
                            const end = event.currentTarget.value.length;
                            event.currentTarget.setSelectionRange(end, end);
                          }}
                          onKeyDown={onEditKey}
                          onBlur={(event) => {
                            if (!editorOpen.current) return;
                            editorOpen.current = false;
                            void commit(event.currentTarget.value, focus).then((ok) => {
                              if (!ok) setEditing(null);
                            });
                          }}
                        />
                      ) : (
                        shown
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {readOnly.length > 0 ? (
            <tbody className="derived">
              {readOnly.map((kpi) => (
                <tr role="row" key={kpi.id}>
                  <th role="rowheader" scope="row">
                    {kpi.name}
                  </th>
                  <td role="gridcell" colSpan={COLUMNS} aria-readonly="true" className="note">
                    {derivedNote(kpi, sourceOf(kpi) ?? 'calculated', scorecardKpis)}
                  </td>
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
      </div>
      <p
        role={message?.kind === 'error' ? 'alert' : 'status'}
        className={message?.kind === 'error' ? 'form-error' : 'saved'}
      >
        {message?.text ?? ''}
      </p>
      {commenting && focusedValue ? (
        <CommentDialog
          cell={cellName(focus.row, focus.column)}
          kpiId={focusedValue.kpiId}
          period={focusedValue.period}
          initial={focusedValue.comment}
          onClose={() => setCommenting(false)}
          onSaved={() =>
            setMessage({
              kind: 'status',
              text: `Saved the comment on ${cellName(focus.row, focus.column)}.`,
            })
          }
        />
      ) : null}
    </div>
  );
}

/** Why a row takes no typing, and where its values come from instead. */
function derivedNote(kpi: RowKpi, source: DerivedSource, kpis: RowKpi[]): string {
  if (source === 'calculated')
    return `Calculated by its formula (${kpi.formula ?? ''}): enter the values of the KPIs it reads.`;
  const children = kpis.filter((other) => other.parentKpiId === kpi.id).map((other) => other.name);
  const from = children.length > 0 ? children.join(', ') : 'its child KPIs';
  return `Rolled up (${ROLLUP_WORDS[kpi.rollup]}) from ${from}: enter the values there.`;
}

const ROLLUP_WORDS: Record<Rollup, string> = {
  manual: 'entered by hand',
  sum: 'sum',
  average: 'average',
  weighted_average: 'weighted average',
  min: 'lowest',
  max: 'highest',
};

/** The KPIs of a scorecard whose values its evaluation works out rather than reads. */
export function derivedSources(view: ScorecardRows): Map<string, DerivedSource> {
  const sources = new Map<string, DerivedSource>();
  for (const perspective of view.perspectives)
    for (const objective of perspective.objectives)
      for (const { kpi, evaluation } of objective.kpis)
        if (evaluation.source !== 'entered') sources.set(kpi.id, evaluation.source);
  return sources;
}
