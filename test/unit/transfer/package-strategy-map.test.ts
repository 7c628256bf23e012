import { describe, expect, it } from 'vitest';
import { readPackage } from '@shared/transfer/package-reader';
import type { KpiPackage } from '@shared/transfer/package-schema';
import { minimalPackage } from './package-fixture';

// Package format 2 carries the strategy map; format 1 packages (written before it) still read.

const OTHER = '0190a1b2-c3d4-7e5f-8a9b-000000000009';
const LINK = '0190a1b2-c3d4-7e5f-8a9b-0000000000a1';

function withTwoObjectives(): KpiPackage {
  const pkg = minimalPackage();
  const [first] = pkg.objectives;
  if (!first) throw new Error('fixture has no objective');
  return {
    ...pkg,
    objectives: [first, { ...first, id: OTHER, name: 'Delight guests', position: 1 }],
  };
}

const link = (from: string, to: string, id = LINK) => ({
  id,
  fromObjectiveId: from,
  toObjectiveId: to,
  label: 'loyal guests spend more',
  createdAt: '2026-11-25T09:00:00.000Z',
});

function read(pkg: unknown) {
  return readPackage(JSON.stringify(pkg));
}

describe('package format 2: the strategy map', () => {
  it('reads a format 2 package with links and positions', () => {
    const pkg = withTwoObjectives();
    const first = pkg.objectives[0]?.id ?? '';
    const result = read({
      ...pkg,
      objectiveLinks: [link(OTHER, first)],
      mapPositions: [{ scorecardId: pkg.scorecards[0]?.id, objectiveId: OTHER, x: 10, y: -4.5 }],
    });
    expect(result).toMatchObject({
      ok: true,
      package: {
        formatVersion: 2,
        objectiveLinks: [{ fromObjectiveId: OTHER, toObjectiveId: first }],
      },
    });
  });

  it('still reads a format 1 package, as a workspace without links', () => {
    const result = read({ ...minimalPackage(), formatVersion: 1 });
    expect(result).toMatchObject({ ok: true, package: { formatVersion: 1 } });
    if (result.ok) expect(result.package.objectiveLinks).toBeUndefined();
  });

  it('refuses a format 1 package that carries a format 2 section', () => {
    const pkg = withTwoObjectives();
    const result = read({ ...pkg, formatVersion: 1, objectiveLinks: [] });
    expect(result).toEqual({
      ok: false,
      message:
        'The package is not valid: objectiveLinks: objectiveLinks is a section of package format 2, but this package says it is format 1.',
    });
  });

  it.each([
    [
      'a missing objective',
      () => [link(OTHER, '0190a1b2-c3d4-7e5f-8a9b-0000000000ff')],
      /objectiveLinks\[0\] joins an objective .* not in the package/,
    ],
    [
      'a self-link',
      () => [link(OTHER, OTHER)],
      /objectiveLinks\[0\] leads from an objective to itself/,
    ],
    [
      'the same link twice',
      () => [
        link(OTHER, minimalPackage().objectives[0]?.id ?? ''),
        link(
          OTHER,
          minimalPackage().objectives[0]?.id ?? '',
          '0190a1b2-c3d4-7e5f-8a9b-0000000000a2',
        ),
      ],
      /objectiveLinks\[1\] repeats an earlier link/,
    ],
  ])('refuses %s, naming the link', (_what, links, message) => {
    const result = read({ ...withTwoObjectives(), objectiveLinks: links() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a position for an objective that is not in the package', () => {
    const pkg = withTwoObjectives();
    const result = read({
      ...pkg,
      mapPositions: [{ scorecardId: pkg.scorecards[0]?.id, objectiveId: LINK, x: 0, y: 0 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/mapPositions\[0\] is for an objective/);
  });
});
