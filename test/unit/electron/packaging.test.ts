import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  cspMetaPlugin,
  DEV_CONTENT_SECURITY_POLICY,
  metaPolicy,
} from '../../../electron/server/csp';
import { isAppUrl } from '../../../electron/main/trusted-url';
import { mainWindowOptions } from '../../../electron/main/window-options';

vi.mock('electron', () => ({ protocol: {} }));
const { APP_URL, appRequestFile } = await import('../../../electron/main/app-protocol');

// The packaged app's configuration: fuses, the app:// scheme, DevTools, one CSP.

/** The `electronFuses:` block of electron-builder.yml as name → value. */
function fuses(): Record<string, string> {
  const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start).toBeGreaterThan(-1);
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (\S+)$/u.exec(line);
    if (!match) break;
    block[match[1] as string] = match[2] as string;
  }
  return block;
}

describe('Electron fuses', () => {
  it('turns off Node from outside and on integrity, cookie encryption and asar-only', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});

describe('the app:// scheme', () => {
  const rendererDir = `${process.cwd()}/renderer`;

  it('answers files inside the renderer folder only', async () => {
    expect(await appRequestFile(rendererDir, 'app://kpis/index.html')).toBe(
      `${rendererDir}/index.html`,
    );
    expect(await appRequestFile(rendererDir, 'app://kpis/')).toBe(`${rendererDir}/index.html`);
    for (const url of [
      'app://kpis/../package.json',
      'app://kpis/%2e%2e/package.json',
      'app://kpis/..%2fpackage.json',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://kpis/missing.js',
      'not a url',
    ])
      expect(await appRequestFile(rendererDir, url), url).toBeNull();
  });

  it('is the only origin the window trusts', () => {
    expect(APP_URL).toBe('app://kpis/index.html');
    expect(isAppUrl('app://kpis/index.html#/report', APP_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/app/out/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://kpis/index.html', APP_URL)).toBe(false);
  });
});

describe('DevTools', () => {
  it('are off unless the app runs unpackaged', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs' }).webPreferences?.devTools).toBe(false);
    expect(
      mainWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools,
    ).toBe(true);
  });
});

describe('one Content Security Policy', () => {
  it('has no hand-written copy in index.html; the build writes the meta from the source', () => {
    expect(readFileSync('renderer/index.html', 'utf8')).not.toMatch(/Content-Security-Policy/iu);
    const plugin = cspMetaPlugin();
    expect(plugin.transformIndexHtml('', {})).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(false) },
        injectTo: 'head-prepend',
      },
    ]);
    expect(plugin.transformIndexHtml('', { server: {} })[0]?.attrs.content).toBe(metaPolicy(true));
  });

  it('is the header policy less what a <meta> cannot carry', () => {
    expect(metaPolicy(false)).toBe(CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'; ", ''));
    expect(metaPolicy(true)).toBe(
      DEV_CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'; ", ''),
    );
  });
});
