import { useEffect, useState } from 'react';
import type { TemplateSummary } from '@shared/api/contract-library';
import { errorMessage } from '../api/client';
import { useNoticesStore } from '../app/notices-store';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { TemplatePicker } from './TemplatePicker';
import { useLibraryStore } from './library-store';

// "Add a scorecard from a template" in an open workspace: at the top, or under the selected
// scorecard. KPIs whose identifiers the workspace already uses get new ones, and the notice
// says which.

interface Props {
  parent: { id: string; name: string } | null;
  onClose(): void;
  onAdded(scorecardId: string): void | Promise<void>;
}

export function TemplateScorecardDialog({ parent, onClose, onAdded }: Props) {
  const loadTemplates = useLibraryStore((state) => state.loadTemplates);
  const addScorecard = useLibraryStore((state) => state.addScorecard);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [under, setUnder] = useState(parent !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadTemplates().then(setTemplates, (cause: unknown) => setError(errorMessage(cause)));
  }, [loadTemplates]);

  async function submit() {
    const template = templates.find((each) => each.id === templateId);
    if (!template) {
      setError('Choose a template.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await addScorecard(
        template.id,
        under && parent ? parent.id : null,
        name.trim() === '' ? template.name : name.trim(),
      );
      if (result.renamed.length > 0)
        useNoticesStore
          .getState()
          .notify(
            `The workspace already used some identifiers, so the new KPIs got others: ${result.renamed.map(({ from, to }) => `${from} → ${to}`).join(', ')}.`,
          );
      await onAdded(result.scorecard.id);
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Add a scorecard from a template"
      submitLabel="Add scorecard"
      wide
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label="Scorecard name" help="Left empty, the scorecard takes the template's name.">
        {(control) => (
          <input {...control} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      {parent ? (
        <label className="checkbox">
          <input type="checkbox" checked={under} onChange={(e) => setUnder(e.target.checked)} />{' '}
          Under “{parent.name}”
        </label>
      ) : null}
      <TemplatePicker templates={templates} value={templateId} onChange={setTemplateId} />
    </Dialog>
  );
}
