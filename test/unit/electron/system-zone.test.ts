import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { currentTimeZone } from '../../../electron/main/system-zone';

// The notifier reads the system zone at every check (re-detected: see system-zone.ts); a zone
// the user chose with TZ is kept as it is.

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** The zone a fresh Node process detects with this environment (TZ left out: the system's). */
function zoneOfFreshProcess(tz: string | undefined): string {
  const env = { ...process.env };
  delete env.TZ;
  if (tz !== undefined) env.TZ = tz;
  return execFileSync(
    process.execPath,
    ['-e', 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone)'],
    { env, encoding: 'utf8' },
  );
}

describe('the system time zone', () => {
  it('follows a TZ the user set, and a change of it at the next check, leaving TZ as set', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(currentTimeZone()).toBe('Asia/Tokyo');
    process.env.TZ = 'America/Lima';
    expect(currentTimeZone()).toBe('America/Lima');
    expect(process.env.TZ).toBe('America/Lima');
  });

  it('without TZ, reports the zone the system is set to, as a new process would see it', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    expect(currentTimeZone()).toBe('Pacific/Kiritimati');
    delete process.env.TZ;
    expect(currentTimeZone()).toBe(zoneOfFreshProcess(undefined));
    expect(zoneOfFreshProcess(undefined)).not.toBe('Pacific/Kiritimati');
  });

  it('clears a TZ entry that holds no zone, so that Node detects the zone again', () => {
    const env: Record<string, string | undefined> = { TZ: undefined, LANG: 'en_GB.UTF-8' };
    currentTimeZone(env);
    expect(env).toEqual({ LANG: 'en_GB.UTF-8' });
    expect('TZ' in env).toBe(false);
  });
});
