import { describe, expect, it } from 'vitest';
import {
  safeFileStem,
  suggestedWorkspacePath,
  withWorkspaceExtension,
  workspacePathFromArgv,
} from '../../../electron/main/file-names';

describe('workspacePathFromArgv (a double-clicked file handed to the running app)', () => {
  it('picks the first .kpis argument and makes it absolute', () => {
    expect(
      workspacePathFromArgv(
        ['--enable-features=X', 'notes.txt', 'Acme.kpis', 'B.kpis'],
        '/home/ana',
      ),
    ).toBe('/home/ana/Acme.kpis');
    expect(workspacePathFromArgv(['/data/Client A.KPIS'], '/home/ana')).toBe('/data/Client A.KPIS');
  });

  it('ignores flags, the app folder and other files', () => {
    expect(workspacePathFromArgv(['.', '--open=x.kpis', 'x.kpis.bak', '.kpis'], '/h')).toBeNull();
    expect(workspacePathFromArgv([], '/h')).toBeNull();
  });
});

describe('save dialog file names', () => {
  it('turns a workspace name into a safe file name', () => {
    expect(safeFileStem('Acme Ltd')).toBe('Acme Ltd');
    expect(safeFileStem('Q1/Q2: "Sales" <draft>?')).toBe('Q1 Q2 Sales draft');
    expect(safeFileStem('trailing dots...')).toBe('trailing dots');
    expect(safeFileStem('  ')).toBe('Workspace');
    expect(safeFileStem('CON')).toBe('Workspace');
    expect(safeFileStem('a'.repeat(300))).toHaveLength(120);
  });

  it('suggests a path in the workspaces folder', () => {
    expect(suggestedWorkspacePath('/docs/KPI Scorecard', 'Acme/West')).toBe(
      '/docs/KPI Scorecard/Acme West.kpis',
    );
  });

  it('adds .kpis when the dialog did not', () => {
    expect(withWorkspaceExtension('/d/Acme')).toBe('/d/Acme.kpis');
    expect(withWorkspaceExtension('/d/Acme.kpis')).toBe('/d/Acme.kpis');
    expect(withWorkspaceExtension('/d/Acme.KPIS')).toBe('/d/Acme.KPIS');
    expect(withWorkspaceExtension('/d/v1.2')).toBe('/d/v1.2.kpis');
  });
});
