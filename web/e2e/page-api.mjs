// The API as the signed-in page's user, for journeys that set up or check data beside
// what they do in the browser.

/**
 * `api(context, method, path, body)`: calls /api/v1 with the browser context's session
 * cookie and its CSRF token, fails the journey on an error status, and resolves to the
 * JSON answer (undefined for 204).
 */
export function pageApi(baseUrl, check) {
  return async (context, method, path, body) => {
    const me = await context.request.get(`${baseUrl}/api/v1/auth/me`);
    check(me.ok(), `auth/me answered ${me.status()}`);
    const { csrf_token: csrf } = await me.json();
    const response = await context.request.fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'X-CSRF-Token': csrf ?? '', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    check(response.ok(), `${method} ${path} answered ${response.status()}`);
    return response.status() === 204 ? undefined : response.json();
  };
}
