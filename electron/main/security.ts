import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './trusted-url';

// Navigation, new windows, webviews and permissions, decided in one place (STYLE.md pattern 10).

export function setupSecurity(session: Session, appUrl: string): void {
  // Nothing the app does needs a permission prompt (camera, notifications-by-web, geolocation…).
  // Writing to the clipboard stays possible for the app's own page ("Copy" in the grid).
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL(), appUrl));
  });
  session.setPermissionCheckHandler(
    (contents, permission) =>
      permission === 'clipboard-sanitized-write' &&
      contents !== null &&
      isAppUrl(contents.getURL(), appUrl),
  );

  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, appUrl);
  });
}

function guardContents(contents: WebContents, appUrl: string): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => {
    blockForeign(event, event.url);
  });
  contents.on('will-redirect', (event) => {
    blockForeign(event, event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // The page opens no window (the shell's only other one is the hidden window report.ts prints
  // the PDF in); an http(s) link the user clicked opens in their browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
