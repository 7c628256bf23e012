import { useState } from 'react';
import type { TemplateSummary } from '@shared/api/contract-library';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { useLibraryStore } from './library-store';

// Saving a scorecard (its perspectives, objectives and KPIs) or a KPI (with the KPIs its
// formula needs) as one of this computer's templates. Values, comments and owners' names stay
// out unless asked for: a template travels to other clients.

interface Props {
  what:
    | { kind: 'scorecard'; scorecardId: string; name: string }
    | { kind: 'kpi'; kpiId: string; name: string };
  onClose(): void;
}

export function SaveTemplateDialog({ what, onClose }: Props) {
  const saveScorecard = useLibraryStore((state) => state.saveScorecard);
  const saveKpi = useLibraryStore((state) => state.saveKpi);
  const [name, setName] = useState(what.name);
  const [description, setDescription] = useState('');
  const [includePeople, setIncludePeople] = useState(false);
  const [includeValues, setIncludeValues] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [saved, setSaved] = useState<TemplateSummary | null>(null);

  async function submit() {
    if (saved) {
      onClose();
      return;
    }
    if (name.trim() === '') {
      setNameError('Name is required');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const options = { name: name.trim(), description, includePeople, includeValues };
      setSaved(
        what.kind === 'scorecard'
          ? await saveScorecard({ ...options, scorecardId: what.scorecardId })
          : await saveKpi({ ...options, kpiId: what.kpiId }),
      );
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={
        what.kind === 'scorecard'
          ? 'Save the scorecard as a template'
          : 'Save the KPI as a template'
      }
      submitLabel={saved ? 'Done' : 'Save template'}
      readOnly={saved !== null}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {saved ? (
        <p role="status">
          Saved “{saved.name}” in your templates ({saved.kpis} KPIs). Share it from File ›
          Templates….
        </p>
      ) : (
        <>
          <Field label="Template name" error={nameError}>
            {(control) => (
              <input
                {...control}
                autoFocus
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameError(undefined);
                }}
              />
            )}
          </Field>
          <Field label="Description" help="What the template is for, shown when choosing one.">
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            )}
          </Field>
          <fieldset>
            <legend>Also keep</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includePeople}
                onChange={(event) => setIncludePeople(event.target.checked)}
              />{' '}
              Owners (people’s names)
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeValues}
                onChange={(event) => setIncludeValues(event.target.checked)}
              />{' '}
              Values and their comments
            </label>
          </fieldset>
        </>
      )}
    </Dialog>
  );
}
