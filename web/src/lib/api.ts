/**
 * The one HTTP client for the Atrium REST API (`/api/v1`).
 *
 * It sends the session cookie, adds the CSRF token to every unsafe method and turns the
 * server's error envelope into an `ApiError`, so callers handle failures as values of a
 * single shape whatever went wrong.
 */

import { isRecord } from './json';

export const API_BASE = '/api/v1';

/** One field-level problem, as the server reports it in `error.fields`. */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** Error codes the client produces itself, when no server answer can be read. */
export const ClientErrorCode = {
  /** The request never got an HTTP answer (offline, DNS, connection refused). */
  networkUnavailable: 'NETWORK_UNAVAILABLE',
  /** An HTTP error whose body is not the Atrium error envelope (e.g. a proxy page). */
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** Stable machine-readable code such as `VALIDATION_FAILED`. */
  readonly code: string;
  readonly fields: readonly ApiFieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: readonly ApiFieldError[];
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }

  /** The message for one field, if the server reported one. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((entry) => entry.field === field)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

// The token comes from the last login or `auth/me` answer; it lives only in memory so a
// reload asks the server again instead of trusting storage another script could read.
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token === '' ? undefined : token;
}

export function getCsrfToken(): string | undefined {
  return csrfToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as it is, with its own type: a file the server stores or reads whole. */
  raw?: { body: Blob | string; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/**
 * Sends one request to `API_BASE + path` and resolves with the decoded JSON body
 * (`undefined` for an empty answer). Rejects with `ApiError` for every failure.
 */
export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.raw !== undefined) {
    headers['Content-Type'] = options.raw.contentType;
    init.body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken !== undefined) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (options.signal !== undefined) {
    init.signal = options.signal;
  }

  let response: Response;
  try {
    response = await fetch(API_BASE + path, init);
  } catch (cause) {
    // An abort is the caller's decision, not a failure to report.
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({
      status: 0,
      code: ClientErrorCode.networkUnavailable,
      message: 'The server could not be reached. Check your connection and try again.',
    });
  }

  const body = await readBody(response);
  if (!response.ok) {
    throw toApiError(response, body);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('DELETE', path, options),
  /** POSTs a file as the whole body (an upload, an order file), typed as `contentType`. */
  postFile: <T>(path: string, file: Blob | string, contentType: string, options?: Omit<RequestOptions, 'body' | 'raw'>) =>
    apiRequest<T>('POST', path, { ...options, raw: { body: file, contentType } }),
};

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') {
    return undefined;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return text;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const envelope = parseErrorEnvelope(body);
  if (envelope !== undefined) {
    return new ApiError({ status: response.status, ...envelope });
  }
  return new ApiError({
    status: response.status,
    code: ClientErrorCode.unexpectedResponse,
    message: `The server answered ${String(response.status)}${
      response.statusText === '' ? '' : ` ${response.statusText}`
    }.`,
  });
}

function parseErrorEnvelope(
  body: unknown,
):
  | { code: string; message: string; fields: ApiFieldError[]; requestId: string | undefined }
  | undefined {
  if (!isRecord(body) || !isRecord(body.error)) {
    return undefined;
  }
  const { code, message, fields, request_id: requestId } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') {
    return undefined;
  }
  const fieldErrors = Array.isArray(fields)
    ? fields.filter(isRecord).flatMap((entry) =>
        typeof entry.field === 'string' && typeof entry.message === 'string'
          ? [
              {
                field: entry.field,
                code: typeof entry.code === 'string' ? entry.code : '',
                message: entry.message,
              },
            ]
          : [],
      )
    : [];
  return {
    code,
    message,
    fields: fieldErrors,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}
