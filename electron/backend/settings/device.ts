import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

// The id of this installation, stamped on every change-log entry so that changes from several
// devices can later be told apart when workspaces are synchronised.

const settingsSchema = z.looseObject({ deviceId: z.uuid() });

export function loadDeviceId(dataDir: string): string {
  const path = join(dataDir, 'settings.json');
  const stored = readJsonFile(path);
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data.deviceId;
  const deviceId = uuidv7();
  const others = typeof stored === 'object' && stored !== null ? stored : {};
  writeJsonFileAtomic(path, { ...others, deviceId });
  return deviceId;
}
