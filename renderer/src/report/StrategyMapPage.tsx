import type { ReportModel } from '@shared/report/model';
import { linkSentence } from '@shared/strategy-map/model';
import { MapSvg } from '../strategy-map/MapSvg';

// The board report's strategy-map page: the map as vector SVG in black and white (status as a
// shape and a word, so it needs no colour printer), then every link in words, which is also
// what a screen reader or a text search of the PDF finds.

export function StrategyMapPage({ report }: { report: ReportModel }) {
  const section = report.strategyMap;
  if (!section) return null;
  const { map, geometry } = section;
  return (
    <section className="report-section report-map" aria-labelledby="report-map">
      <h2 id="report-map">Strategy map</h2>
      <p className="muted">
        How the objectives of {map.scorecardName} drive each other: an arrow runs from a cause to
        its effect. Dashed boxes belong to other scorecards.
      </p>
      <MapSvg map={map} geometry={geometry} print title={`Strategy map of ${map.scorecardName}`} />
      {map.links.length > 0 ? (
        <>
          <h3>Cause and effect</h3>
          <ul className="report-map-links">
            {map.links.map((link) => (
              <li key={link.id}>{linkSentence(link, map.nodes)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
