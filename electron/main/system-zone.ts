/**
 * The system time zone, detected again at every call. V8 reads the zone once and keeps it, in
 * Electron's main process too (electron/electron#33723), so a laptop carried to another zone
 * would go on reminding at the old zone's 09:00. When TZ is not set, deleting it from the
 * environment makes Node tell V8 and ICU to detect the zone again; a TZ the user set is left
 * alone. (Checked by hand on Linux: repointing /etc/localtime changes nothing until then.)
 */
export function currentTimeZone(env: Record<string, string | undefined> = process.env): string {
  if (env.TZ === undefined) delete env.TZ;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
