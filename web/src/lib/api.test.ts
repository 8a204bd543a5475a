import { describe, expect, it, vi } from 'vitest';
import { errorBody, fakeApi } from '@test/server';
import { api, ApiError, ClientErrorCode, setCsrfToken } from './api';

describe('api client', () => {
  it('sends the CSRF token and the cookie on POST, with a JSON body', async () => {
    const { requests } = fakeApi({ 'POST /accounts': { status: 201, body: { id: 'a1' } } });
    setCsrfToken('token-123');

    const created = await api.post<{ id: string }>('/accounts', { name: 'Acme' });

    expect(created).toEqual({ id: 'a1' });
    const [request] = requests;
    expect(request?.headers.get('X-CSRF-Token')).toBe('token-123');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.credentials).toBe('same-origin');
    expect(request?.body).toEqual({ name: 'Acme' });
  });

  it('sends the CSRF token on every unsafe method but not on GET', async () => {
    const { requests } = fakeApi({
      'GET /accounts/a1': { status: 200, body: {} },
      'PATCH /accounts/a1': { status: 200, body: {} },
      'PUT /accounts/a1': { status: 200, body: {} },
      'DELETE /accounts/a1': { status: 202, body: {} },
    });
    setCsrfToken('token-123');

    await api.get('/accounts/a1');
    await api.patch('/accounts/a1', { name: 'B' });
    await api.put('/accounts/a1', { name: 'C' });
    await api.delete('/accounts/a1');

    expect(requests.map((request) => request.headers.get('X-CSRF-Token'))).toEqual([
      null,
      'token-123',
      'token-123',
      'token-123',
    ]);
  });

  it('sends no CSRF header before a token is known', async () => {
    const { requests } = fakeApi({ 'POST /auth/login': { status: 200, body: {} } });
    await api.post('/auth/login', { username: 'a', password: 'b' });
    expect(requests[0]?.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('sends a file as the whole body with its own type and the CSRF token', async () => {
    const { fetchMock } = fakeApi({ 'POST /attachment-files': { status: 201, body: { id: 'f1' } } });
    setCsrfToken('token-123');
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });

    await api.postFile('/attachment-files?parent_type=account', file, 'application/pdf');

    const init = fetchMock.mock.calls[0]?.[1];
    const headers = new Headers(init?.headers);
    expect(init?.body).toBe(file);
    expect(headers.get('Content-Type')).toBe('application/pdf');
    expect(headers.get('X-CSRF-Token')).toBe('token-123');
  });

  it('turns the error envelope into a typed ApiError', async () => {
    fakeApi({
      'POST /accounts': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'The record has errors.', [
          { field: 'name', code: 'FIELD_REQUIRED', message: 'Name is required.' },
        ]),
      },
    });

    const failure = await api.post('/accounts', {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect(error.status).toBe(422);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The record has errors.');
    expect(error.requestId).toBe('req-1');
    expect(error.fields).toEqual([
      { field: 'name', code: 'FIELD_REQUIRED', message: 'Name is required.' },
    ]);
    expect(error.fieldMessage('name')).toBe('Name is required.');
    expect(error.fieldMessage('code')).toBeUndefined();
  });

  it('reports an error answer without the envelope as UNEXPECTED_RESPONSE', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response('<html>Bad gateway</html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
        ),
      ),
    );

    const error = (await api.get('/metadata').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe(ClientErrorCode.unexpectedResponse);
    expect(error.message).toContain('502');
  });

  it('reports a failed connection as NETWORK_UNAVAILABLE with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));

    const error = (await api.get('/instance').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe(ClientErrorCode.networkUnavailable);
  });

  it('resolves an empty answer as undefined', async () => {
    fakeApi({ 'POST /auth/logout': { status: 204 } });
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });
});
