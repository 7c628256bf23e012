import { useEffect, useRef } from 'react';
import { objectiveHeight } from './first-screen';
import { whenNearWindow } from './near-window';

// An objective of a large scorecard not drawn yet (first-screen.ts): its heading, where the
// heading will be, over an empty block of about the objective's height, so a screen reader's
// list of headings holds every objective; it is drawn as it comes near the window. The heading
// takes no id: a link to the objective (a health finding's fix) draws every objective first and
// then finds the drawn heading, never this one, which the drawing replaces.

interface LaterObjectiveProps {
  id: string;
  name: string;
  kpiCount: number;
  draw(objectiveId: string): void;
}

export function LaterObjective({ id, name, kpiCount, draw }: LaterObjectiveProps) {
  const block = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = block.current;
    if (!element) return;
    return whenNearWindow(element, () => draw(id));
  }, [id, draw]);
  return (
    <div
      ref={block}
      className="objective objective-later"
      style={{ height: objectiveHeight(kpiCount) }}
    >
      <div className="objective-head">
        <h4>{name}</h4>
      </div>
    </div>
  );
}
