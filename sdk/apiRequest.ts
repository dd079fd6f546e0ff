/** A failure the server answered with `{error:{code,message}}`. */
export class ParleyApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParleyApiError';
  }
}

/** The request never got an answer: offline, DNS, connection reset. */
export class ParleyNetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network request failed');
    this.name = 'ParleyNetworkError';
  }
}

/** Worth trying again later with the same request: nothing was refused for good. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ParleyNetworkError) return true;
  return (
    error instanceof ParleyApiError &&
    (error.status >= 500 || error.status === 429 || error.status === 408)
  );
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  accessToken?: string;
}

/** One call to the public API; a non-2xx answer becomes a ParleyApiError with its code. */
export async function apiRequest<T>(
  fetchImpl: typeof fetch,
  baseUrl: string,
  request: ApiRequest,
): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(request.accessToken ? { authorization: `Bearer ${request.accessToken}` } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (error) {
    throw new ParleyNetworkError(error);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw new ParleyNetworkError(error);
  }
  const parsed = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ParleyApiError(
      res.status,
      error?.code ?? `HTTP_${res.status}`,
      error?.message ?? `Parley answered ${res.status}.`,
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
