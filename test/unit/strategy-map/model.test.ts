import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective, Perspective, Scorecard } from '@shared/domain/entities';
import type { ScoredNode } from '@shared/scoring/evaluate-structure';
import { linkProblem } from '@shared/strategy-map/link-rules';
import {
  buildStrategyMap,
  linkSentence,
  OTHER_SCORECARDS_BAND,
  type MapInputs,
} from '@shared/strategy-map/model';

// The map model: bands in perspective order, other scorecards' objectives placed by their
// perspective's name, links kept only where they touch the map; and the rules for a link.

const scored = (status: ScoredNode['status'], score: number | null): ScoredNode => ({
  status,
  score,
  health: score,
  noData: 0,
  total: 1,
});
const card = (id: string, name: string): Scorecard => ({
  id,
  parentId: null,
  name,
  description: '',
  position: 0,
});
const perspective = (id: string, name: string, position: number): Perspective => ({
  id,
  scorecardId: 'company',
  name,
  weight: 1,
  position,
});
const objective = (id: string, perspectiveId: string, name: string): Objective => ({
  id,
  perspectiveId,
  name,
  description: '',
  weight: 1,
  position: 0,
});

function inputs(): MapInputs {
  return {
    scorecard: card('company', 'Bakery'),
    period: '2026-10',
    perspectives: [
      {
        perspective: perspective('fin', 'Financial', 0),
        objectives: [
          {
            objective: objective('grow', 'fin', 'Grow revenue'),
            kpis: [1, 2],
            ...scored('at_risk', 55),
          },
        ],
      },
      {
        perspective: perspective('cus', 'Customer', 1),
        objectives: [
          {
            objective: objective('guests', 'cus', 'Delight our guests'),
            kpis: [1],
            ...scored('on_track', 100),
          },
        ],
      },
      {
        perspective: perspective('int', 'Internal Process', 2),
        objectives: [
          {
            objective: objective('bake', 'int', 'Bake on time'),
            kpis: [],
            ...scored('off_track', 0),
          },
        ],
      },
    ],
    links: [
      { id: 'l1', fromObjectiveId: 'bake', toObjectiveId: 'guests', label: '', createdAt: 't' },
      {
        id: 'l2',
        fromObjectiveId: 'guests',
        toObjectiveId: 'grow',
        label: 'loyal guests',
        createdAt: 't',
      },
      { id: 'l3', fromObjectiveId: 'service', toObjectiveId: 'guests', label: '', createdAt: 't' },
      { id: 'l4', fromObjectiveId: 'shops', toObjectiveId: 'bake', label: '', createdAt: 't' },
      { id: 'l5', fromObjectiveId: 'far', toObjectiveId: 'away', label: '', createdAt: 't' },
    ],
    external: [
      {
        objective: objective('service', 'cafe-cus', 'Fast, friendly service'),
        perspectiveName: '  customer ',
        scorecard: card('cafes', 'Cafés'),
        scored: scored('on_track', 100),
        kpiCount: 1,
      },
      {
        objective: objective('shops', 'whs-ops', 'Reliable for our shops'),
        perspectiveName: 'Operations',
        scorecard: card('wholesale', 'Wholesale'),
        scored: scored('no_data', null),
        kpiCount: 0,
      },
    ],
    positions: [
      { scorecardId: 'company', objectiveId: 'bake', x: 10, y: 20 },
      { scorecardId: 'cafes', objectiveId: 'service', x: 1, y: 2 },
    ],
  };
}

describe('the strategy map model', () => {
  it('makes one band per perspective in order, Financial on top', () => {
    const map = buildStrategyMap(inputs());
    expect(map.bands.map((b) => b.name)).toEqual([
      'Financial',
      'Customer',
      'Internal Process',
      OTHER_SCORECARDS_BAND,
    ]);
    expect(map.nodes.map((n) => [n.name, n.band, n.status, n.score])).toEqual([
      ['Grow revenue', 0, 'at_risk', 55],
      ['Delight our guests', 1, 'on_track', 100],
      ['Fast, friendly service', 1, 'on_track', 100],
      ['Bake on time', 2, 'off_track', 0],
      ['Reliable for our shops', 3, 'no_data', null],
    ]);
  });

  it('keeps the links that touch the map and this map’s positions only', () => {
    const map = buildStrategyMap(inputs());
    expect(map.links.map((l) => l.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(map.positions).toEqual([{ scorecardId: 'company', objectiveId: 'bake', x: 10, y: 20 }]);
    expect(map.links.map((l) => linkSentence(l, map.nodes))).toEqual([
      'Bake on time → Delight our guests',
      'Delight our guests → Grow revenue: loyal guests',
      'Fast, friendly service (Cafés) → Delight our guests',
      'Reliable for our shops (Wholesale) → Bake on time',
    ]);
  });

  it('adds no band for other scorecards when none is needed', () => {
    const map = buildStrategyMap({ ...inputs(), external: [], links: [] });
    expect(map.bands).toHaveLength(3);
    expect(map.nodes.every((n) => !n.external)).toBe(true);
  });
});

describe('link rules', () => {
  const objectives = new Map(
    ['a', 'b', 'c'].map((id) => [id, { id, name: id.toUpperCase() }] as const),
  );

  it('says what is wrong and where', () => {
    expect(linkProblem('a', 'a', objectives, [])).toMatchObject({
      code: 'VALIDATION',
      field: 'toObjectiveId',
      message: '“A” cannot drive itself: a link joins two different objectives. Nothing was saved.',
    });
    expect(linkProblem('x', 'a', objectives, [])).toMatchObject({
      code: 'NOT_FOUND',
      field: 'fromObjectiveId',
    });
    expect(linkProblem('a', 'x', objectives, [])).toMatchObject({
      code: 'NOT_FOUND',
      field: 'toObjectiveId',
    });
    const links = [{ fromObjectiveId: 'a', toObjectiveId: 'b' }];
    expect(linkProblem('a', 'b', objectives, links)?.message).toBe(
      '“A” → “B” is already on the map. Nothing was saved.',
    );
    expect(linkProblem('b', 'a', objectives, links)).toBeNull();
  });

  it('allows exactly the links between two different existing objectives not yet linked that way', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'gone');
    fc.assert(
      fc.property(id, id, fc.array(fc.tuple(id, id), { maxLength: 6 }), (from, to, pairs) => {
        const links = pairs.map(([f, t]) => ({ fromObjectiveId: f, toObjectiveId: t }));
        const allowed =
          objectives.has(from) &&
          objectives.has(to) &&
          from !== to &&
          !pairs.some(([f, t]) => f === from && t === to);
        expect(linkProblem(from, to, objectives, links) === null).toBe(allowed);
      }),
    );
  });
});
