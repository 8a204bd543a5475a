/** Whether a document the server sends (a PDF, an image) may be shown inside this page. */

/**
 * An answer sent with `X-Frame-Options: DENY` or `frame-ancestors 'none'` is refused in a
 * frame, and the refusal shows as a broken frame; SAMEORIGIN is fine, the app is the origin.
 */
export function framingAllowed(headers: Headers): boolean {
  const options = (headers.get('X-Frame-Options') ?? '').trim().toUpperCase();
  if (options === 'DENY') return false;
  const policy = headers.get('Content-Security-Policy') ?? '';
  const ancestors = /(?:^|;)\s*frame-ancestors\s+([^;]*)/i.exec(policy)?.[1]?.trim().toLowerCase();
  return !ancestors?.split(/\s+/).includes("'none'");
}

/** Asks for the document's headers only: whether it exists and whether it may be framed. */
export async function checkFraming(url: string, signal?: AbortSignal): Promise<{ ok: boolean; framable: boolean }> {
  const response = await fetch(url, { method: 'HEAD', credentials: 'same-origin', ...(signal === undefined ? {} : { signal }) });
  return { ok: response.ok, framable: framingAllowed(response.headers) };
}
