import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { HandlerContext } from '../context';

// One function per API method (STYLE.md pattern 1), in domain groups; registry.ts files every
// method under its group, so a method added to the contract without a handler breaks the build.

export type Handler<M extends MethodName> = (
  input: MethodInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one domain; `satisfies HandlerGroup` types their parameters. */
export type HandlerGroup = Partial<Handlers>;
