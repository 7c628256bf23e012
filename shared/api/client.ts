import { ApiError, isApiErrorBody, type ApiResult } from './errors';
import type { MethodName, MethodOutput, MethodParams } from './contract';

/** How a call reaches the backend: IPC under Electron, HTTP in browser mode, direct in tests. */
export type ApiTransport = (method: MethodName, params: unknown) => Promise<ApiResult<unknown>>;

export interface ApiClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodOutput<M>>;
}

/** A typed client over any transport; failures become ApiError, which views can show. */
export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, params) {
      let result: ApiResult<unknown>;
      try {
        result = await transport(method, params);
      } catch (cause) {
        throw new ApiError({
          code: 'INTERNAL',
          message: `The app's backend could not be reached (${cause instanceof Error ? cause.message : String(cause)}).`,
        });
      }
      if (result.ok) return result.data as MethodOutput<typeof method>;
      throw new ApiError(
        isApiErrorBody(result.error)
          ? result.error
          : { code: 'INTERNAL', message: 'The backend answered with a malformed error.' },
      );
    },
  };
}
