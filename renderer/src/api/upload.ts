import { browserToken } from './transport';

// Browser mode: a file the user picked goes to the local host, which keeps it for the import
// and answers with its path. XMLHttpRequest rather than fetch, for upload progress.

export function uploadFile(file: File, onProgress: (share: number) => void): Promise<string> {
  const token = browserToken();
  if (!token) return Promise.reject(new Error('This page was opened without its access token.'));
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => {
      reject(new Error('The file could not be sent to the app.'));
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as
          { ok: true; data: { path: string } } | { ok: false; error: { message: string } };
        if (body.ok) resolve(body.data.path);
        else reject(new Error(body.error.message));
      } catch {
        reject(new Error('The app answered the upload with something unexpected.'));
      }
    };
    request.send(file);
  });
}
