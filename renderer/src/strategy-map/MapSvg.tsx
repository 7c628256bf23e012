import { useId, type SVGProps } from 'react';
import { STATUS_LABELS, type Status } from '@shared/domain/kpi';
import { arrowPath, wrapName } from '@shared/strategy-map/geometry';
import { NODE_HEIGHT, NODE_WIDTH, type MapGeometry } from '@shared/strategy-map/layout';
import type { MapNode, StrategyMap } from '@shared/strategy-map/model';
import { formatPoints } from '../charts/labels';
import './strategy-map.css';

// The strategy map as SVG, for the screen and for the board report alike: perspectives as
// bands, objectives as boxes with their status in a shape and a word and their score, arrows
// for links. Status never rests on colour alone (● ▲ ✖ ○ and the word), so it reads in black
// and white; another scorecard's objective has a dashed border and names its scorecard.

const SYMBOLS: Record<Status, string> = {
  on_track: '●',
  at_risk: '▲',
  off_track: '✖',
  no_data: '○',
};

export interface MapSvgProps {
  map: StrategyMap;
  geometry: MapGeometry;
  /** Scale of the drawing (1: map units are CSS pixels). */
  scale?: number;
  /** For the interactive view: focus, events and names of each node. */
  nodeProps?: (node: MapNode) => SVGProps<SVGGElement>;
  /** Highlighted objective (the one the keyboard is on, or a link being made). */
  highlight?: ReadonlySet<string>;
  /** Print: no colour fills, so the page reads the same on a black-and-white printer. */
  print?: boolean;
  title: string;
}

export function MapSvg(props: MapSvgProps) {
  const { map, geometry, scale = 1, nodeProps, highlight, print = false, title } = props;
  const arrowId = `${useId().replace(/:/gu, '')}-arrow`;
  const at = new Map(geometry.nodes.map((n) => [n.objectiveId, n]));
  return (
    <svg
      className={`strategy-map-svg${print ? ' print' : ''}`}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      width={geometry.width * scale}
      height={geometry.height * scale}
      // A picture in the report; a group of objectives one can act on, on screen.
      role={nodeProps ? 'group' : 'img'}
      aria-label={title}
    >
      <defs>
        <marker
          id={arrowId}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="map-arrowhead" />
        </marker>
      </defs>
      {geometry.bands.map((band, index) => (
        <g key={band.name + String(index)} className="map-band">
          <rect x={0} y={band.top} width={geometry.width} height={band.height} />
          <text x={12} y={band.top + 24} className="map-band-name">
            {wrapName(band.name, 16, 2).map((line, i) => (
              <tspan key={line} x={12} dy={i === 0 ? 0 : 18}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      <g className="map-links">
        {map.links.map((link) => {
          const from = at.get(link.fromObjectiveId);
          const to = at.get(link.toObjectiveId);
          if (!from || !to) return null;
          const path = arrowPath(from, to);
          return (
            <g key={link.id}>
              <path d={path.d} className="map-link" markerEnd={`url(#${arrowId})`} />
              {link.label !== '' ? (
                <text x={path.labelX} y={path.labelY} className="map-link-label">
                  {link.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      {map.nodes.map((node) => {
        const place = at.get(node.objectiveId);
        if (!place) return null;
        const lines = wrapName(node.name, 21, 2);
        return (
          <g
            key={node.objectiveId}
            transform={`translate(${place.x - NODE_WIDTH / 2} ${place.y - NODE_HEIGHT / 2})`}
            className={[
              'map-node',
              `map-node-${node.status}`,
              node.external ? 'external' : '',
              highlight?.has(node.objectiveId) ? 'highlight' : '',
            ].join(' ')}
            {...nodeProps?.(node)}
          >
            {/* Read as the node's description: the band it sits in. */}
            <desc>{map.bands[node.band]?.name ?? ''}</desc>
            <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
            {/* The trailing spaces keep the lines apart in the name read from this text. */}
            <text x={10} y={20} className="map-node-name">
              {lines.map((line, i) => (
                <tspan key={`${String(i)}${line}`} x={10} dy={i === 0 ? 0 : 17}>
                  {`${line} `}
                </tspan>
              ))}
            </text>
            <text x={10} y={NODE_HEIGHT - 12} className="map-node-status">
              {node.external ? `${node.scorecardName} · ` : ''}
              <tspan className="map-node-symbol" aria-hidden="true">
                {`${SYMBOLS[node.status]} `}
              </tspan>
              {STATUS_LABELS[node.status]}
              {node.score === null ? '' : ` · ${formatPoints(node.score)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
