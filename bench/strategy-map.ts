// Strategy-map layout speed (issue 17): a map of 60 objectives in 4 bands with 150 links laid
// out by dagre (shared/strategy-map/layout.ts) and drawn as SVG markup, against drawing the
// same nodes and arrows without layout (objectives side by side in their own order). Target:
// the layout under 200 ms. Also counts where arrows cross, which is what the layout is for.
import { performance } from 'node:perf_hooks';
import * as dagre from '@dagrejs/dagre';
import { arrowPath } from '@shared/strategy-map/geometry';
import {
  gridGeometry,
  layoutWith,
  NODE_HEIGHT,
  NODE_WIDTH,
  type LayoutInput,
  type MapGeometry,
} from '@shared/strategy-map/layout';

const OBJECTIVES = 60;
const LINKS = 150;
const BANDS = ['Financial', 'Customer', 'Internal Process', 'Learning & Growth'];
const RUNS = 15;

// mulberry32, so every run lays out the same map.
let seed = 20261206;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Most links go one band up (cause below effect), some skip a band, some stay or loop back. */
function makeMap(): LayoutInput {
  const nodes = Array.from({ length: OBJECTIVES }, (_, i) => ({
    objectiveId: `o${i}`,
    band: i % BANDS.length,
  }));
  const inBand = (band: number) => nodes.filter((n) => n.band === band);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const links: LayoutInput['links'][number][] = [];
  const seen = new Set<string>();
  while (links.length < LINKS) {
    const from = pick(nodes);
    const roll = random();
    const step = roll < 0.7 ? -1 : roll < 0.85 ? -2 : roll < 0.95 ? 0 : 1;
    const band = Math.min(BANDS.length - 1, Math.max(0, from.band + step));
    const to = pick(inBand(band));
    const key = `${from.objectiveId}>${to.objectiveId}`;
    if (to === from || seen.has(key)) continue;
    seen.add(key);
    links.push({ fromObjectiveId: from.objectiveId, toObjectiveId: to.objectiveId });
  }
  return {
    bands: BANDS.map((name) => ({ name, perspectiveId: name })),
    nodes,
    links,
    positions: [],
  };
}

/** The SVG the view draws: bands, nodes and arrows (the part that does not need a DOM). */
function draw(geometry: MapGeometry, input: LayoutInput): string {
  const at = new Map(geometry.nodes.map((n) => [n.objectiveId, n]));
  const parts = geometry.bands.map(
    (b) =>
      `<rect y="${b.top}" width="${geometry.width}" height="${b.height}"/><text>${b.name}</text>`,
  );
  for (const n of geometry.nodes)
    parts.push(
      `<rect x="${n.x - NODE_WIDTH / 2}" y="${n.y - NODE_HEIGHT / 2}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}"/>`,
    );
  for (const link of input.links) {
    const from = at.get(link.fromObjectiveId);
    const to = at.get(link.toObjectiveId);
    if (from && to) parts.push(`<path d="${arrowPath(from, to).d}"/>`);
  }
  return `<svg viewBox="0 0 ${geometry.width} ${geometry.height}">${parts.join('')}</svg>`;
}

/** Pairs of straight centre-to-centre arrows that cross (arrows sharing an end do not count). */
function crossings(geometry: MapGeometry, input: LayoutInput): number {
  const at = new Map(geometry.nodes.map((n) => [n.objectiveId, n]));
  const segments = input.links.map((l) => [at.get(l.fromObjectiveId), at.get(l.toObjectiveId)]);
  const side = (
    a: { x: number; y: number },
    b: { x: number; y: number },
    c: { x: number; y: number },
  ) => Math.sign((c.y - a.y) * (b.x - a.x) - (b.y - a.y) * (c.x - a.x));
  let count = 0;
  for (let i = 0; i < segments.length; i += 1)
    for (let j = i + 1; j < segments.length; j += 1) {
      const [a, b] = segments[i] ?? [];
      const [c, d] = segments[j] ?? [];
      if (!a || !b || !c || !d || a === c || a === d || b === c || b === d) continue;
      if (side(c, d, a) * side(c, d, b) < 0 && side(a, b, c) * side(a, b, d) < 0) count += 1;
    }
  return count;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const input = makeMap();
const cold = time(() => draw(layoutWith(dagre, input), input));
const laidOut: number[] = [];
const plain: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  laidOut.push(time(() => draw(layoutWith(dagre, input), input)));
  plain.push(time(() => draw(gridGeometry(input), input)));
}
const layout = median(laidOut);
const baseline = median(plain);
console.log(`${OBJECTIVES} objectives in ${BANDS.length} bands, ${input.links.length} links`);
console.log(`layout and drawing, first run in this process: ${cold.toFixed(1)} ms`);
console.log(
  `layout and drawing (median of ${RUNS}): ${layout.toFixed(1)} ms   (target: under 200 ms)`,
);
console.log(`baseline: the same nodes drawn without layout: ${baseline.toFixed(2)} ms`);
console.log(`ratio: ${(layout / Math.max(baseline, 0.001)).toFixed(0)}×`);
console.log(
  `crossing arrows: ${crossings(layoutWith(dagre, input), input)} laid out, ${crossings(gridGeometry(input), input)} without layout`,
);
