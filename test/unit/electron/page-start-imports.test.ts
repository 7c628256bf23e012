import { describe, expect, it } from 'vitest';
import { staticGraph } from '../static-graph';

// Issue 19: the page's start builds no zod schema. The renderer never parses with zod (the
// backend validates every call), but a constant taken from a module that also defines schemas
// brought every schema of that module, and of shared/api/schemas.ts behind it, into the page's
// first chunk: about 25 ms of each load spent building schemas nobody used, in a profile of
// the 500-KPI scorecard. Such constants live in zod-free modules beside their schemas
// (settings/choices.ts, report/option-choices.ts, report/action-plan-status.ts,
// reminders/inbox-size.ts, library/departments.ts).

describe("the page's start", () => {
  const graph = staticGraph('renderer/src/main.tsx');

  it('follows the page from its entry (the graph is really followed)', () => {
    expect(graph.files).toContain('renderer/src/workspace/WorkspaceScreen.tsx');
    expect(graph.files).toContain('renderer/src/scorecard/ScorecardView.tsx');
    expect(graph.packages).toContain('react-dom');
  });

  it('loads no zod', () => {
    const withZod = [...graph.files].filter(
      (file) => staticGraph(file).packages.has('zod') && !file.startsWith('renderer/'),
    );
    expect({ zod: graph.packages.has('zod'), modulesBringingIt: withZod }).toEqual({
      zod: false,
      modulesBringingIt: [],
    });
  });
});
