import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { HandlerContext } from '../context';

// One function per API method (STYLE.md pattern 1). `Handlers` maps every method name, so a
// method added to the contract without a handler breaks the build.

export type Handler<M extends MethodName> = (
  input: MethodInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one domain; `satisfies HandlerGroup` types their parameters. */
export type HandlerGroup = Partial<Handlers>;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

/** Merges the domain groups into one map, refusing a method registered twice. */
export function combineHandlers<G extends HandlerGroup[]>(
  ...groups: G
): UnionToIntersection<G[number]> {
  const map: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [method, handler] of Object.entries(group)) {
      if (method in map) throw new Error(`A handler for "${method}" is registered twice`);
      map[method] = handler;
    }
  }
  return map as UnionToIntersection<G[number]>;
}
