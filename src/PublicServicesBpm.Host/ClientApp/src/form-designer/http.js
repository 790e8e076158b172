// http: the JSON calls of the form designer (same origin, the page's cookies). Answers are returned, not thrown: the
// caller decides per status (200/201/204, 404, 409, 422, ...). Only a network failure or a foreign URL throws.

/**
 * @returns {Promise<{ status: number, body: any }>} body is the parsed JSON, or null when there is none
 */
export async function callJson(method, url, payload) {
  if (!url || new URL(url, location.href).origin !== location.origin) {
    throw new Error('the form designer only calls same-origin URLs');
  }
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } };
  if (payload !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(payload);
  }
  const response = await fetch(url, init);
  let body = null;
  if (response.status !== 204 && (response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  return { status: response.status, body };
}

/** The text to show for a problem-details answer: its detail, else its title, else the status code. */
export function problemText(answer) {
  return answer.body?.detail || answer.body?.title || `HTTP ${answer.status}`;
}
