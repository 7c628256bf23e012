import type { ExportResult } from '@shared/api/contract-export';
import { browserToken } from '../api/transport';
import { saveBlob } from '../reminders/download';

// Browser mode: the backend kept the export for one download. Fetch it with the launch token
// (the host refuses it without) and hand it to the browser's own "save" through a blob URL.

export async function saveDownload(result: ExportResult): Promise<void> {
  if (result.downloadId === null) return;
  const token = browserToken();
  if (!token) throw new Error('This page was opened without its access token.');
  const response = await fetch(`/download/${encodeURIComponent(result.downloadId)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(await response.text());
  saveBlob(result.fileName, await response.blob());
}
