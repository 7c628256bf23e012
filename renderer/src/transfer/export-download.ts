import type { ExportResult } from '@shared/api/contract-export';
import { browserToken } from '../api/transport';

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
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = result.fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download by now; the delay keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
