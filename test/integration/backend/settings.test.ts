import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend } from './helpers';

// This computer's settings: kept in the data folder across restarts, changed field by field,
// bad input refused with the field named and nothing written.

describe('settings', () => {
  it('start from the defaults and keep a change across a restart', async () => {
    const first = makeBackend();
    expect(await first.call('settings.get', {})).toEqual({
      locale: null,
      currency: 'EUR',
      theme: 'system',
      dataDir: first.dataDir,
      workspacesDir: first.workspacesDir,
    });
    const updated = await first.call('settings.update', { locale: 'de-DE', theme: 'dark' });
    expect(updated).toMatchObject({ locale: 'de-DE', currency: 'EUR', theme: 'dark' });
    await first.call('settings.update', { currency: ' usd ' });

    const again = makeBackend({ dir: join(first.dataDir, '..') });
    expect(await again.call('settings.get', {})).toMatchObject({
      locale: 'de-DE',
      currency: 'USD',
      theme: 'dark',
    });
    // Back to the system's language.
    expect(await again.call('settings.update', { locale: null })).toMatchObject({ locale: null });
  });

  it('refuses a bad value, naming it, and changes nothing', async () => {
    const app = makeBackend();
    await app.call('settings.update', { theme: 'light' });
    const before = readFileSync(join(app.dataDir, 'settings.json'), 'utf8');
    const error = await app.fail('settings.update', { theme: 'light', locale: 'not a locale!' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/language tag such as en-GB/);
    expect(error.field).toBe('locale');
    expect((await app.fail('settings.update', { currency: 'EURO' })).message).toMatch(
      /three-letter code/,
    );
    expect(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('reads a damaged field as its default and keeps the others', async () => {
    const app = makeBackend();
    writeFileSync(
      join(app.dataDir, 'settings.json'),
      JSON.stringify({ locale: 'fr-FR', currency: 42, theme: 'neon' }),
    );
    expect(await app.call('settings.get', {})).toMatchObject({
      locale: 'fr-FR',
      currency: 'EUR',
      theme: 'system',
    });
  });
});
