// Schema "strategy map" (issue 17): links between objectives (cause → effect) and the places a
// user dragged objectives to on a scorecard's map; the change log accepts both.
//
// A link's ends are deleted with their objective (ON DELETE CASCADE; the objective's store logs
// each link it takes along first). A self-link and a second link between the same two
// objectives in the same direction are refused by the table as well as by the service, so no
// writer can store one. The reverse link (B → A next to A → B) and longer loops are allowed:
// see README "Strategy map" for why.
//
// The change log learns the two new kinds through widenChangeLogEntities (migrations.ts).

export const STRATEGY_MAP_SCHEMA = `
CREATE TABLE objective_links (
  id TEXT PRIMARY KEY,
  from_objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  to_objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  created_at TEXT NOT NULL,
  CHECK (from_objective_id <> to_objective_id),
  UNIQUE (from_objective_id, to_objective_id)
) STRICT;
CREATE INDEX objective_links_by_target ON objective_links (to_objective_id);

CREATE TABLE map_positions (
  scorecard_id TEXT NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  x REAL NOT NULL CHECK (abs(x) <= 1e6),
  y REAL NOT NULL CHECK (abs(y) <= 1e6),
  PRIMARY KEY (scorecard_id, objective_id)
) STRICT;
CREATE INDEX map_positions_by_objective ON map_positions (objective_id);
`;
