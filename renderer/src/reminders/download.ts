// Hands a file to the browser's own download (browser mode) or Electron's save prompt, through
// a blob URL: for files the page already holds (an .ics made by the backend, a fetched export).

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download by now; the delay keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function downloadText(fileName: string, content: string, type: string): void {
  saveBlob(fileName, new Blob([content], { type }));
}
