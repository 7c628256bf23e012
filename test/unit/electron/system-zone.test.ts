import { describe, expect, it } from 'vitest';
import { currentTimeZone } from '../../../electron/main/system-zone';

// The notifier reads the system zone at every check (re-detected: see system-zone.ts); a zone
// the user chose with TZ is kept as it is.

describe('the system time zone', () => {
  it('leaves a TZ the user set as it is, and reports the zone in force', () => {
    const env: Record<string, string | undefined> = { TZ: 'Asia/Tokyo' };
    expect(currentTimeZone(env)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(env).toEqual({ TZ: 'Asia/Tokyo' });
  });
});
