import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../../electron/main/trusted-url';

const FILE_APP = 'file:///opt/KPI%20Scorecard/resources/app.asar/out/renderer/index.html';

describe('isAppUrl (navigation and IPC sender checks)', () => {
  it('accepts the built page itself, with any fragment or query', () => {
    expect(isAppUrl(FILE_APP, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}#/scorecard/1`, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}?x=1`, FILE_APP)).toBe(true);
  });

  it('refuses any other local file, including look-alikes', () => {
    expect(isAppUrl('file:///etc/passwd', FILE_APP)).toBe(false);
    expect(
      isAppUrl(
        'file:///opt/KPI%20Scorecard/resources/app.asar/out/renderer/index.html.evil',
        FILE_APP,
      ),
    ).toBe(false);
    expect(
      isAppUrl(
        'file://evil-host/opt/KPI%20Scorecard/resources/app.asar/out/renderer/index.html',
        FILE_APP,
      ),
    ).toBe(false);
  });

  it('refuses web pages and junk when the app is a file', () => {
    expect(isAppUrl('https://evil.example/index.html', FILE_APP)).toBe(false);
    expect(isAppUrl('not a url', FILE_APP)).toBe(false);
    expect(isAppUrl('', FILE_APP)).toBe(false);
  });

  it('compares origins for the dev server, never substrings', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/some/route', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('http://evil.example/?http://localhost:5173/', dev)).toBe(false);
  });
});

describe('isSafeExternalUrl (links handed to the browser)', () => {
  it('allows http and https links', () => {
    expect(isSafeExternalUrl('https://kpiscorecard.app/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=c')).toBe(true);
  });

  it('refuses every other scheme and credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'data:text/html,hi',
      'https://user:pw@example.com/',
      'not a url',
      'https//example.com',
    ]) {
      expect({ url, safe: isSafeExternalUrl(url) }).toEqual({ url, safe: false });
    }
  });
});
