import { useEffect, useState } from 'react';
import type { TemplateSummary } from '@shared/api/contract-library';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import {
  newWorkspaceFile,
  WorkspaceNameField,
  workspaceNameError,
} from '../workspace/WorkspaceNameField';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { TemplatePicker } from './TemplatePicker';
import { useLibraryStore } from './library-store';

// "New workspace from a template" on the start screen: a template and the organisation's
// name; the workspace opens with the template's perspectives, objectives and KPIs, targets
// and owners left to fill in.

export function TemplateWorkspaceDialog({ onClose }: { onClose(): void }) {
  const loadTemplates = useLibraryStore((state) => state.loadTemplates);
  const { fromTemplate, busy, error } = useWorkspaceStore();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [templateError, setTemplateError] = useState<string | null>(null);

  useEffect(() => {
    loadTemplates().then(setTemplates, (cause: unknown) => setLoadError(errorMessage(cause)));
  }, [loadTemplates]);

  async function submit() {
    if (templateId === null) {
      setTemplateError('Choose a template.');
      return;
    }
    const problem = workspaceNameError(name);
    if (problem !== undefined) {
      setNameError(problem);
      return;
    }
    const file = await newWorkspaceFile(name);
    if (file !== null && (await fromTemplate(templateId, name.trim(), file.path))) onClose();
  }

  return (
    <Dialog
      title="New workspace from a template"
      submitLabel="Create"
      wide
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={loadError ?? templateError ?? error}
    >
      <WorkspaceNameField
        value={name}
        error={nameError}
        help="Usually the organisation or client; the company scorecard takes this name too."
        onChange={(value) => {
          setName(value);
          setNameError(undefined);
        }}
      />
      <TemplatePicker
        templates={templates}
        value={templateId}
        onChange={(id) => {
          setTemplateId(id);
          setTemplateError(null);
        }}
      />
      <p className="help">Targets and owners are left for you to set.</p>
    </Dialog>
  );
}
