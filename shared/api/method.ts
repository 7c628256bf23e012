import { z } from 'zod';

// The building block of the API contract: a method is its input schema plus a phantom output
// type. Each domain's methods live in their own contract file and are merged in contract.ts.

export interface Method<Input extends z.ZodType, Output> {
  input: Input;
  /** Phantom: carries the output type; never read at run time. */
  output?: Output;
}

export function method<Output>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({ input });
}

export const none = z.strictObject({});
