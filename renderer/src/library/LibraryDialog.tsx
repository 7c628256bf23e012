import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InputChoice, LibraryCatalogue, TemplateSummary } from '@shared/api/contract-library';
import type { Kpi } from '@shared/domain/entities';
import { filterLibrary } from '@shared/library/filter';
import { missingInputs } from '@shared/library/plan';
import {
  SUGGESTED_PERSPECTIVES,
  type LibraryDepartment,
  type SuggestedPerspective,
} from '@shared/library/departments';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { LibraryPreview } from './LibraryPreview';
import { useLibraryStore } from './library-store';

// The KPI library, opened from an objective: browse by department and perspective, search,
// preview, and add in one more click. A calculated KPI brings its missing inputs along (or,
// in the preview, binds them to KPIs the workspace has).

interface Props {
  objective: { id: string; name: string };
  onClose(): void;
}

const ALL = '';

export function LibraryDialog({ objective, onClose }: Props) {
  // Actions only: they never change, so the effect below runs once.
  const store = useLibraryStore(
    useShallow(
      ({ loadCatalogue, loadTemplates, workspaceKpis, addFromLibrary, addKpiTemplate }) => ({
        loadCatalogue,
        loadTemplates,
        workspaceKpis,
        addFromLibrary,
        addKpiTemplate,
      }),
    ),
  );
  const [catalogue, setCatalogue] = useState<LibraryCatalogue | null>(null);
  const [ownKpis, setOwnKpis] = useState<TemplateSummary[]>([]);
  const [workspaceKpis, setWorkspaceKpis] = useState<Kpi[]>([]);
  const [department, setDepartment] = useState<LibraryDepartment | null>(null);
  const [perspective, setPerspective] = useState<SuggestedPerspective | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, InputChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([store.loadCatalogue(), store.loadTemplates(), store.workspaceKpis()]).then(
      ([loaded, templates, kpis]) => {
        if (!live) return;
        setCatalogue(loaded);
        setOwnKpis(templates.filter((template) => template.kind === 'kpi'));
        setWorkspaceKpis(kpis);
      },
      (cause: unknown) => {
        if (live) setError(errorMessage(cause));
      },
    );
    return () => {
      live = false;
    };
  }, [store]);

  const results = useMemo(
    () => (catalogue ? filterLibrary(catalogue.kpis, { department, perspective, query }) : []),
    [catalogue, department, perspective, query],
  );
  const byCode = useMemo(
    () => new Map((catalogue?.kpis ?? []).map((kpi) => [kpi.code, kpi])),
    [catalogue],
  );
  const codes = useMemo(() => new Set(workspaceKpis.map((kpi) => kpi.code)), [workspaceKpis]);
  const departmentLabel = new Map(catalogue?.departments.map((d) => [d.key, d.label]));

  async function run(action: () => Promise<Kpi[]>, name: string) {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const kpis = await action();
      const inputs = kpis.slice(0, -1).map((kpi) => `“${kpi.name}”`);
      setAdded(
        `Added “${name}” to “${objective.name}”${inputs.length > 0 ? ` with its inputs ${inputs.join(', ')}` : ''}.`,
      );
      setChoices({});
      setWorkspaceKpis(await store.workspaceKpis());
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  function addLibraryKpi(code: string, chosen: Record<string, InputChoice>) {
    const kpi = byCode.get(code);
    if (!kpi) return;
    const missing = missingInputs(code, byCode, (each) => codes.has(each), chosen);
    // Undecided missing inputs are added from the library: the two-click path.
    const inputs: Record<string, InputChoice> = Object.fromEntries(
      missing.map((input) => [input, chosen[input] ?? { action: 'add' }]),
    );
    void run(() => store.addFromLibrary(objective.id, code, inputs), kpi.name);
  }

  const selectedKpi = selected === null ? null : (byCode.get(selected) ?? null);

  return (
    <Dialog
      title={`Add from the KPI library to “${objective.name}”`}
      submitLabel="Done"
      readOnly
      wide
      busy={busy}
      error={error}
      onSubmit={onClose}
      onClose={onClose}
    >
      <div className="library-filters">
        <Field label="Department">
          {(control) => (
            <select
              {...control}
              value={department ?? ALL}
              onChange={(event) =>
                setDepartment(
                  event.target.value === ALL ? null : (event.target.value as LibraryDepartment),
                )
              }
            >
              <option value={ALL}>All departments</option>
              {catalogue?.departments.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label} ({d.count})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Perspective">
          {(control) => (
            <select
              {...control}
              value={perspective ?? ALL}
              onChange={(event) =>
                setPerspective(
                  event.target.value === ALL ? null : (event.target.value as SuggestedPerspective),
                )
              }
            >
              <option value={ALL}>All perspectives</option>
              {SUGGESTED_PERSPECTIVES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Search">
          {(control) => (
            <input
              {...control}
              type="search"
              value={query}
              autoFocus
              placeholder="e.g. churn, margin, tickets"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                // Enter searches as you type already; it must not close the dialog.
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          )}
        </Field>
      </div>
      <p role="status" className="help">
        {catalogue ? `${results.length} of ${catalogue.kpis.length} KPIs` : 'Loading the library…'}
      </p>
      {added ? (
        <p role="status" className="success">
          {added}
        </p>
      ) : null}
      <div className="library-browser">
        <ul className="library-list" aria-label="Library KPIs">
          {results.map((kpi) => (
            <li key={kpi.code} className={kpi.code === selected ? 'selected' : undefined}>
              <button
                type="button"
                className="link"
                aria-pressed={kpi.code === selected}
                onClick={() => {
                  setSelected(kpi.code);
                  setChoices({});
                }}
              >
                {kpi.name}
              </button>
              <span className="tag">{departmentLabel.get(kpi.department) ?? kpi.department}</span>
              {codes.has(kpi.code) ? <span className="tag">in this workspace</span> : null}
              <button
                type="button"
                aria-label={`Add ${kpi.name}`}
                disabled={busy}
                onClick={() => addLibraryKpi(kpi.code, {})}
              >
                Add
              </button>
            </li>
          ))}
        </ul>
        {selectedKpi ? (
          <LibraryPreview
            kpi={selectedKpi}
            departmentLabel={departmentLabel.get(selectedKpi.department) ?? ''}
            objectiveName={objective.name}
            missing={missingInputs(selectedKpi.code, byCode, (each) => codes.has(each), choices)}
            library={byCode}
            workspaceKpis={workspaceKpis}
            choices={choices}
            busy={busy}
            onChoose={(input, choice) => setChoices({ ...choices, [input]: choice })}
            onAdd={() => addLibraryKpi(selectedKpi.code, choices)}
          />
        ) : (
          <p className="library-preview empty">Choose a KPI to see what it measures.</p>
        )}
      </div>
      {ownKpis.length > 0 ? (
        <section aria-labelledby="own-kpi-templates">
          <h3 id="own-kpi-templates">Your KPI templates</h3>
          <ul className="library-list">
            {ownKpis.map((template) => (
              <li key={template.id}>
                <span>{template.name}</span>
                <button
                  type="button"
                  aria-label={`Add ${template.name}`}
                  disabled={busy}
                  onClick={() =>
                    void run(() => store.addKpiTemplate(template.id, objective.id), template.name)
                  }
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
