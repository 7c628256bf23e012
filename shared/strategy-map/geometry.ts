import { NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './layout';

// The drawing of an arrow between two placed objectives, shared by the map view and the board
// report so both show the same map. Between bands an arrow leaves the side of the node that
// faces the other one and curves into it; inside a band it arcs above both.

export interface ArrowPath {
  /** SVG path data. */
  d: string;
  /** Where a label sits (the curve's middle). */
  labelX: number;
  labelY: number;
}

export function arrowPath(from: PlacedNode, to: PlacedNode): ArrowPath {
  const half = NODE_HEIGHT / 2;
  if (Math.abs(from.y - to.y) < NODE_HEIGHT) {
    const y = Math.min(from.y, to.y) - half;
    const lift = Math.min(90, 30 + Math.abs(to.x - from.x) / 6);
    const midX = (from.x + to.x) / 2;
    const startX = from.x + Math.sign(to.x - from.x) * (NODE_WIDTH / 4);
    const endX = to.x - Math.sign(to.x - from.x) * (NODE_WIDTH / 4);
    return {
      d: `M ${startX} ${y} C ${startX} ${y - lift}, ${endX} ${y - lift}, ${endX} ${y}`,
      labelX: midX,
      labelY: y - lift * 0.75,
    };
  }
  const down = to.y > from.y;
  const startY = from.y + (down ? half : -half);
  const endY = to.y + (down ? -half : half);
  const bend = (endY - startY) / 2;
  return {
    d: `M ${from.x} ${startY} C ${from.x} ${startY + bend}, ${to.x} ${endY - bend}, ${to.x} ${endY}`,
    labelX: (from.x + to.x) / 2,
    labelY: (startY + endY) / 2,
  };
}

/** The smallest scale at which the whole map fits a box, and never above 1. */
export function fitScale(
  map: { width: number; height: number },
  box: { width: number; height: number },
): number {
  if (map.width <= 0 || map.height <= 0) return 1;
  return Math.min(1, box.width / map.width, box.height / map.height);
}

/** A name in at most `lines` lines of about `width` characters, the last cut with "…". */
export function wrapName(name: string, width = 24, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/u).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width || line === '') line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line !== '') out.push(line);
  if (out.length <= lines)
    return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  kept[lines - 1] = `${last.slice(0, width - 1).trimEnd()}…`;
  return kept;
}
