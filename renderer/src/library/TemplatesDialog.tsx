import { useEffect, useRef, useState } from 'react';
import type { TemplateSummary } from '@shared/api/contract-library';
import { errorMessage } from '../api/client';
import { desktopBridge } from '../api/transport';
import { uploadFile } from '../api/upload';
import { saveDownload } from '../transfer/export-download';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { useLibraryStore } from './library-store';

// File › Templates…: every template, shared as a file (export), a colleague's file taken in
// (import, checked like the shipped ones: a bad file is refused naming the item), and this
// computer's own deleted.

export function TemplatesDialog({ onClose }: { onClose(): void }) {
  const bridge = desktopBridge();
  const { templates, loadTemplates, exportTemplate, importTemplate, deleteTemplate } =
    useLibraryStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    loadTemplates().catch((cause: unknown) => setError(errorMessage(cause)));
  }, [loadTemplates]);

  async function attempt(action: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage(done);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  const share = (template: TemplateSummary) =>
    attempt(async () => {
      if (bridge) {
        const path = await bridge.dialogs.saveExport(`${template.name}.template`, 'json');
        if (!path) return null;
        const result = await exportTemplate(template.id, { kind: 'file', path });
        return `Saved “${template.name}” to ${result.fileName}.`;
      }
      await saveDownload(await exportTemplate(template.id, { kind: 'download' }));
      return `Downloaded “${template.name}”.`;
    });

  const take = () =>
    attempt(async () => {
      let path: string | null;
      if (bridge) path = await bridge.dialogs.importFile('package');
      else {
        const file = fileInput.current?.files?.[0];
        if (!file) throw new Error('Choose a template file (.json) first.');
        path = await uploadFile(file, () => undefined);
      }
      if (path === null) return null;
      const imported = await importTemplate(path);
      return `Added “${imported.name}” to your templates.`;
    });

  return (
    <Dialog
      title="Templates"
      submitLabel="Close"
      readOnly
      wide
      busy={busy}
      error={error}
      onSubmit={onClose}
      onClose={onClose}
    >
      {message ? (
        <p role="status" className="success">
          {message}
        </p>
      ) : null}
      <ul className="library-list" aria-label="Templates">
        {(templates ?? []).map((template) => (
          <li key={template.id}>
            <span>
              {template.name}{' '}
              <span className="tag">
                {template.kind === 'kpi' ? 'KPI' : 'scorecard'}
                {template.source === 'own' ? ', yours' : ''}
              </span>
            </span>
            <button
              type="button"
              aria-label={`Export ${template.name}`}
              disabled={busy}
              onClick={() => void share(template)}
            >
              Export
            </button>
            {template.source === 'own' ? (
              <button
                type="button"
                className="danger"
                aria-label={`Delete ${template.name}`}
                disabled={busy}
                onClick={() => {
                  if (window.confirm(`Delete your template “${template.name}”?`))
                    void attempt(async () => {
                      await deleteTemplate(template.id);
                      return `Deleted “${template.name}”.`;
                    });
                }}
              >
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>Import a template file</h3>
      {bridge ? null : (
        <Field label="Template file" help="A .json template exported by KPI Scorecard.">
          {(control) => (
            <input {...control} ref={fileInput} type="file" accept=".json,application/json" />
          )}
        </Field>
      )}
      <button type="button" disabled={busy} onClick={() => void take()}>
        {bridge ? 'Choose a template file…' : 'Import template'}
      </button>
    </Dialog>
  );
}
