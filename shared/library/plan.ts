import type { InputChoice } from '../api/contract-library';
import { formulaCodes } from './check';
import type { LibraryKpi } from './schema';

// What adding a library KPI brings with it. A calculated KPI needs its formula's inputs: those
// the workspace has (same code) are used as they are; each missing one is either added from
// the library too (bringing its own missing inputs) or bound to a KPI the workspace has.

export interface LibraryAddPlan {
  /** Library codes to add, each after the inputs it needs; the chosen KPI last. */
  add: string[];
  /** Missing inputs bound to a KPI of the workspace: input code → that KPI's id. */
  bind: Map<string, string>;
  /** Missing inputs with no choice made yet, in the order the formulas name them. */
  undecided: string[];
}

export function planLibraryAdd(
  code: string,
  library: ReadonlyMap<string, Pick<LibraryKpi, 'code' | 'formula'>>,
  inWorkspace: (code: string) => boolean,
  choices: Readonly<Record<string, InputChoice>>,
): LibraryAddPlan {
  const plan: LibraryAddPlan = { add: [], bind: new Map(), undecided: [] };
  const seen = new Set<string>([code]);
  const visit = (current: string): void => {
    for (const input of formulaCodes(library.get(current)?.formula)) {
      if (seen.has(input) || inWorkspace(input)) continue;
      seen.add(input);
      const choice = choices[input];
      if (choice === undefined) plan.undecided.push(input);
      else if (choice.action === 'bind') plan.bind.set(input, choice.kpiId);
      else {
        visit(input);
        plan.add.push(input);
      }
    }
  };
  visit(code);
  plan.add.push(code);
  return plan;
}

/** Every missing input the plan would meet if each were added: the list the dialog shows. */
export function missingInputs(
  code: string,
  library: ReadonlyMap<string, Pick<LibraryKpi, 'code' | 'formula'>>,
  inWorkspace: (code: string) => boolean,
  choices: Readonly<Record<string, InputChoice>>,
): string[] {
  const all: Record<string, InputChoice> = {};
  const plan = (): LibraryAddPlan =>
    planLibraryAdd(code, library, inWorkspace, { ...all, ...choices });
  // Decide undecided inputs as "add" until none is left, so inputs of inputs show up too.
  for (let current = plan(); current.undecided.length > 0; current = plan())
    for (const input of current.undecided) all[input] = { action: 'add' };
  const final = plan();
  return [...final.add.slice(0, -1), ...final.bind.keys()];
}
