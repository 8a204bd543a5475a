import { vi } from 'vitest';

/** One answer of the fake API: a status and an optional JSON body. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Handler = FakeAnswer | ((request: RecordedRequest) => FakeAnswer);

/**
 * Replaces `fetch` with a table of answers keyed by "METHOD /path" (path without the
 * `/api/v1` prefix and query string). Unknown routes answer 404 like the server does.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://atrium.test',
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request: RecordedRequest = {
      method,
      path,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init?.credentials,
    };
    requests.push(request);
    const handler = handlers[`${method} ${path}`] ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found', request_id: 'test' } },
    };
    const answer = typeof handler === 'function' ? handler(request) : handler;
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return Promise.resolve(
      new Response(text, {
        status: answer.status,
        headers: text === null ? {} : { 'Content-Type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function errorBody(
  code: string,
  message: string,
  fields: { field: string; code: string; message: string }[] = [],
) {
  return { error: { code, message, fields, request_id: 'req-1' } };
}
