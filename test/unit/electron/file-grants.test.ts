import { describe, expect, it } from 'vitest';
import { FileGrants } from '../../../electron/main/file-grants';

// The desktop page may name only files the user picked, for what they were picked for.

describe('file grants', () => {
  it('refuses every path until a dialog grants it, and then only for that purpose', () => {
    const grants = new FileGrants();
    expect(grants.refusal('/etc/passwd', 'import', [])).toBe(
      'was not chosen to import; pick it with the Import dialog.',
    );
    grants.grant('/home/ana/values.csv', 'import');
    expect(grants.refusal('/home/ana/values.csv', 'import', [])).toBeNull();
    expect(grants.refusal('/home/ana/./x/../values.csv', 'import', [])).toBeNull();
    // Picked to read, never to overwrite or open as a workspace.
    expect(grants.refusal('/home/ana/values.csv', 'export', [])).toBe(
      'was not chosen as the export file; pick it in the Export dialog.',
    );
    expect(grants.refusal('/home/ana/values.csv', 'open-workspace', [])).not.toBeNull();
    grants.grant('/home/ana/values.csv', 'export');
    expect(grants.refusal('/home/ana/values.csv', 'export', [])).toBeNull();
  });

  it('lets the recent list be opened again, but not written as an export', () => {
    const grants = new FileGrants();
    const recent = ['/home/ana/Acme.kpis'];
    expect(grants.refusal('/home/ana/Acme.kpis', 'open-workspace', recent)).toBeNull();
    expect(grants.refusal('/home/ana/Acme.kpis', 'export', recent)).not.toBeNull();
    expect(grants.refusal('/home/ana/Other.kpis', 'open-workspace', recent)).not.toBeNull();
  });
});
