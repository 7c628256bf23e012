import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend, withScorecard } from './helpers';

// This computer's settings: kept in the data folder across restarts, changed field by field,
// bad input refused with the field named and nothing written.

describe('settings', () => {
  it('start from the defaults and keep a change across a restart', async () => {
    const first = makeBackend();
    expect(await first.call('settings.get', {})).toEqual({
      locale: null,
      currency: 'EUR',
      theme: 'system',
      userName: null,
      dataDir: first.dataDir,
      workspacesDir: first.workspacesDir,
      systemUserName: 'Ana',
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

  it('keep the name of who is at this computer, which values entered from now on carry', async () => {
    const t = await withScorecard();
    expect(await t.call('settings.update', { userName: '  Maria  ' })).toMatchObject({
      userName: 'Maria',
      systemUserName: 'Ana',
    });
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Footfall' });
    expect(await t.call('value.set', { kpiId: kpi.id, period: '2026-10', value: 5 })).toMatchObject(
      { enteredBy: 'Maria' },
    );
    // Empty: back to the system's user name.
    expect(await t.call('settings.update', { userName: '' })).toMatchObject({ userName: null });
    expect(await t.call('value.set', { kpiId: kpi.id, period: '2026-10', value: 6 })).toMatchObject(
      { enteredBy: 'Ana' },
    );
    const long = await t.fail('settings.update', { userName: 'x'.repeat(101) });
    expect(long).toMatchObject({ code: 'VALIDATION', field: 'userName' });
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
