import type {
  MapPosition,
  Objective,
  ObjectiveLink,
  Perspective,
  Scorecard,
} from '../domain/entities';
import type { Status } from '../domain/kpi';
import type { ScoredNode } from '../scoring/evaluate-structure';
import { looseName } from '../transfer/kpi-matcher';

// A scorecard's strategy map as a pure model (PRODUCT.md "Strategy map"): its perspectives as
// horizontal bands in their order (Financial on top by convention, since that is the order the
// four defaults are made in), its objectives as nodes with their status and score for one
// period, and every link with at least one end among them. An objective of another scorecard
// at the far end of a link is drawn too, marked with its scorecard, in the band of the
// perspective of the same name, or in a band of its own below when this scorecard has none.

export interface MapBand {
  /** The perspective's id, or null for the band of other scorecards' objectives. */
  perspectiveId: string | null;
  name: string;
}

export interface MapNode {
  objectiveId: string;
  name: string;
  band: number;
  scorecardId: string;
  scorecardName: string;
  /** True for another scorecard's objective, drawn because a link reaches it. */
  external: boolean;
  status: Status;
  /** 0–100, or null when nothing below it has data. */
  score: number | null;
  kpiCount: number;
}

export interface MapLink extends ObjectiveLink {
  fromName: string;
  toName: string;
}

export interface StrategyMap {
  scorecardId: string;
  scorecardName: string;
  /** The view period the statuses are for. */
  period: string;
  bands: MapBand[];
  /** In band order, then the objectives' own order. */
  nodes: MapNode[];
  links: MapLink[];
  /** Where the user dragged objectives on this map; the rest are laid out automatically. */
  positions: MapPosition[];
}

export const OTHER_SCORECARDS_BAND = 'Other scorecards';

/** Another scorecard's objective that a link of this map reaches. */
export interface ExternalObjective {
  objective: Objective;
  perspectiveName: string;
  scorecard: Scorecard;
  scored: ScoredNode;
  kpiCount: number;
}

export interface MapInputs {
  scorecard: Scorecard;
  period: string;
  /** The scorecard's evaluated perspectives, in their order. */
  perspectives: readonly {
    perspective: Perspective;
    objectives: readonly (ScoredNode & { objective: Objective; kpis: readonly unknown[] })[];
  }[];
  /** Every link of the workspace; only those touching this scorecard are kept. */
  links: readonly ObjectiveLink[];
  external: readonly ExternalObjective[];
  positions: readonly MapPosition[];
}

export function buildStrategyMap(inputs: MapInputs): StrategyMap {
  const bands: MapBand[] = inputs.perspectives.map(({ perspective }) => ({
    perspectiveId: perspective.id,
    name: perspective.name,
  }));
  const nodes: MapNode[] = [];
  inputs.perspectives.forEach(({ objectives }, band) => {
    for (const entry of objectives)
      nodes.push({
        objectiveId: entry.objective.id,
        name: entry.objective.name,
        band,
        scorecardId: inputs.scorecard.id,
        scorecardName: inputs.scorecard.name,
        external: false,
        status: entry.status,
        score: entry.score,
        kpiCount: entry.kpis.length,
      });
  });
  const own = new Set(nodes.map((node) => node.objectiveId));
  const links = inputs.links.filter(
    (link) => own.has(link.fromObjectiveId) || own.has(link.toObjectiveId),
  );
  const reached = new Set(links.flatMap((link) => [link.fromObjectiveId, link.toObjectiveId]));
  let otherBand: number | null = null;
  for (const entry of inputs.external) {
    if (own.has(entry.objective.id) || !reached.has(entry.objective.id)) continue;
    let band = bands.findIndex(
      (b) => b.perspectiveId !== null && looseName(b.name) === looseName(entry.perspectiveName),
    );
    if (band === -1) {
      if (otherBand === null) {
        otherBand = bands.length;
        bands.push({ perspectiveId: null, name: OTHER_SCORECARDS_BAND });
      }
      band = otherBand;
    }
    nodes.push({
      objectiveId: entry.objective.id,
      name: entry.objective.name,
      band,
      scorecardId: entry.scorecard.id,
      scorecardName: entry.scorecard.name,
      external: true,
      status: entry.scored.status,
      score: entry.scored.score,
      kpiCount: entry.kpiCount,
    });
    own.add(entry.objective.id);
  }
  // Stable: own objectives keep their order inside a band, other scorecards' come after.
  const ordered = nodes
    .map((node, index) => ({ node, index }))
    .sort((a, b) => a.node.band - b.node.band || a.index - b.index)
    .map(({ node }) => node);
  const names = new Map(ordered.map((node) => [node.objectiveId, node.name]));
  const drawn = links.filter(
    (link) => names.has(link.fromObjectiveId) && names.has(link.toObjectiveId),
  );
  const nodeIds = new Set(ordered.map((node) => node.objectiveId));
  return {
    scorecardId: inputs.scorecard.id,
    scorecardName: inputs.scorecard.name,
    period: inputs.period,
    bands,
    nodes: ordered,
    links: drawn.map((link) => ({
      ...link,
      fromName: names.get(link.fromObjectiveId) ?? '',
      toName: names.get(link.toObjectiveId) ?? '',
    })),
    positions: inputs.positions.filter(
      (p) => p.scorecardId === inputs.scorecard.id && nodeIds.has(p.objectiveId),
    ),
  };
}

/** A node's name as the text alternative writes it: another scorecard's is named with it. */
export function nodeLabel(node: Pick<MapNode, 'name' | 'external' | 'scorecardName'>): string {
  return node.external ? `${node.name} (${node.scorecardName})` : node.name;
}

/** "Bake on time, every time → Delight our guests", with the label after a colon if any. */
export function linkSentence(
  link: Pick<MapLink, 'fromObjectiveId' | 'toObjectiveId' | 'label'>,
  nodes: readonly MapNode[],
): string {
  const byId = new Map(nodes.map((node) => [node.objectiveId, node]));
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? nodeLabel(node) : id;
  };
  const base = `${name(link.fromObjectiveId)} → ${name(link.toObjectiveId)}`;
  return link.label === '' ? base : `${base}: ${link.label}`;
}
