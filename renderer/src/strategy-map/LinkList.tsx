import { linkSentence, type StrategyMap } from '@shared/strategy-map/model';
import { useStrategyMapStore } from './strategy-map-store';

// The map's text alternative: every link as a sentence ("Bake on time → Delight our guests"),
// each with Remove, so the whole map can be read and edited without seeing the drawing.

export function LinkList({ map }: { map: StrategyMap }) {
  const removeLink = useStrategyMapStore((state) => state.removeLink);
  return (
    <section className="panel" aria-labelledby="map-links-title">
      <h3 id="map-links-title">Links on this map ({map.links.length})</h3>
      {map.links.length === 0 ? (
        <p className="muted">
          No links yet. Open an objective (click it, or Enter on it) to add one.
        </p>
      ) : (
        <ul className="map-links-list" aria-label="Links on this map">
          {map.links.map((link) => {
            const sentence = linkSentence(link, map.nodes);
            return (
              <li key={link.id}>
                <span>{sentence}</span>
                <button
                  type="button"
                  aria-label={`Remove link ${sentence}`}
                  onClick={() => void removeLink(link.id).catch(() => undefined)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
