import type { graphlib, GraphLabel } from '@dagrejs/dagre';
import type { MapPosition } from '../domain/entities';
import type { MapBand, MapLink, MapNode } from './model';

// Where each objective sits on a strategy map. Bands are fixed rows in perspective order, so
// the only choice left is the order and spacing of objectives inside each band: the part of a
// layered (Sugiyama) layout that keeps arrows from crossing. @dagrejs/dagre does that part
// with the bands handed to it as ranks (its "none" ranker keeps the ranks given). dagre was
// chosen over elkjs (measured on the same 60-objective, 150-link map, bench/strategy-map.ts):
// dagre is MIT and 49 KB minified (17 KB gzipped) against elkjs's 1.6 MB (480 KB gzipped) under
// EPL-2.0/GPL; elkjs took 5–7× as long, and its partitions let a band split over two rows;
// elkjs left about 8 % fewer crossings, not worth the rest. It is loaded only when a map is
// drawn (`import()`), so the rest of the app does not carry it.
//
// A node the user dragged keeps its place (its y held inside its band, so a band stays a band);
// the others come from the layout. Coordinates are map units; the view scales them.

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 76;
export const NODE_GAP = 28;
export const BAND_HEIGHT = 150;
/** Room on the left of each band for its name. */
export const BAND_LABEL_WIDTH = 132;
const MARGIN = 24;

export interface PlacedNode {
  objectiveId: string;
  /** Centre of the node. */
  x: number;
  y: number;
}

export interface PlacedBand {
  name: string;
  top: number;
  height: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  bands: PlacedBand[];
  nodes: PlacedNode[];
}

export interface LayoutInput {
  bands: readonly MapBand[];
  nodes: readonly Pick<MapNode, 'objectiveId' | 'band'>[];
  links: readonly Pick<MapLink, 'fromObjectiveId' | 'toObjectiveId'>[];
  positions: readonly Pick<MapPosition, 'objectiveId' | 'x' | 'y'>[];
}

type Dagre = Pick<typeof import('@dagrejs/dagre'), 'graphlib' | 'layout'>;

export function bandTop(band: number): number {
  return MARGIN + band * BAND_HEIGHT;
}

/** A dragged y kept inside the node's band. */
export function clampToBand(band: number, y: number): number {
  const top = bandTop(band) + NODE_HEIGHT / 2 + 6;
  const bottom = bandTop(band) + BAND_HEIGHT - NODE_HEIGHT / 2 - 6;
  return Math.min(bottom, Math.max(top, y));
}

function finish(input: LayoutInput, xs: ReadonlyMap<string, number>): MapGeometry {
  const dragged = new Map(input.positions.map((p) => [p.objectiveId, p]));
  const nodes = input.nodes.map((node) => {
    const moved = dragged.get(node.objectiveId);
    const centre = bandTop(node.band) + BAND_HEIGHT / 2;
    return {
      objectiveId: node.objectiveId,
      x: Math.max(BAND_LABEL_WIDTH + NODE_WIDTH / 2, moved?.x ?? xs.get(node.objectiveId) ?? 0),
      y: moved ? clampToBand(node.band, moved.y) : centre,
    };
  });
  const right = Math.max(
    BAND_LABEL_WIDTH + NODE_WIDTH + NODE_GAP,
    ...nodes.map((n) => n.x + NODE_WIDTH / 2 + MARGIN),
  );
  return {
    width: right,
    height: bandTop(input.bands.length) + MARGIN,
    bands: input.bands.map((band, index) => ({
      name: band.name,
      top: bandTop(index),
      height: BAND_HEIGHT,
    })),
    nodes,
  };
}

/** Objectives side by side in their own order, no layout: the bench's baseline. */
export function gridGeometry(input: LayoutInput): MapGeometry {
  const next = new Map<number, number>();
  const xs = new Map<string, number>();
  for (const node of input.nodes) {
    const slot = next.get(node.band) ?? 0;
    next.set(node.band, slot + 1);
    xs.set(node.objectiveId, BAND_LABEL_WIDTH + NODE_WIDTH / 2 + slot * (NODE_WIDTH + NODE_GAP));
  }
  return finish(input, xs);
}

/** The layout with dagre already loaded (the bench times this). */
export function layoutWith(dagre: Dagre, input: LayoutInput): MapGeometry {
  const graph: graphlib.Graph = new dagre.graphlib.Graph();
  const label: GraphLabel = { rankdir: 'TB', nodesep: NODE_GAP, ranksep: BAND_HEIGHT / 2 };
  // dagre's "none" ranker keeps the ranks set on the nodes (its types list only the rankers
  // that compute ranks). Ranks are doubled: dagre works on every other rank internally.
  (label as Record<string, unknown>).ranker = 'none';
  graph.setGraph(label);
  graph.setDefaultEdgeLabel(() => ({}));
  const band = new Map(input.nodes.map((node) => [node.objectiveId, node.band]));
  for (const node of input.nodes)
    graph.setNode(node.objectiveId, {
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      rank: node.band * 2,
    });
  for (const link of input.links) {
    const from = band.get(link.fromObjectiveId);
    const to = band.get(link.toObjectiveId);
    // Links inside one band do not change the order across bands; each pair is laid out once,
    // pointing down the bands, whichever way the arrow points (cycles included).
    if (from === undefined || to === undefined || from === to) continue;
    const [upper, lower] =
      from < to
        ? [link.fromObjectiveId, link.toObjectiveId]
        : [link.toObjectiveId, link.fromObjectiveId];
    if (!graph.hasEdge(upper, lower)) graph.setEdge(upper, lower, { minlen: 1, weight: 1 });
  }
  dagre.layout(graph);
  const xs = new Map<string, number>();
  for (const node of input.nodes) {
    const placed = graph.node(node.objectiveId) as { x?: number } | undefined;
    xs.set(node.objectiveId, BAND_LABEL_WIDTH + (placed?.x ?? 0));
  }
  return finish(input, xs);
}

/** Loads dagre on first use and lays the map out. */
export async function layoutStrategyMap(input: LayoutInput): Promise<MapGeometry> {
  const dagre = await import('@dagrejs/dagre');
  return layoutWith(dagre, input);
}
