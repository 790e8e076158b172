// Same-origin JSON calls for the designer studio. Every answer comes back as { status, body } so callers can
// branch on 404/409/422 without exceptions; network failures throw.
export async function request(method, url, body) {
  if (!url || new URL(url, location.href).origin !== location.origin) {
    throw new Error('studio only calls same-origin URLs');
  }
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json, application/xml' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const type = response.headers.get('Content-Type') ?? '';
  let parsed = null;
  if (response.status !== 204) {
    const text = await response.text();
    parsed = type.includes('json') && text ? safeJson(text) : text;
  }
  return { status: response.status, ok: response.ok, body: parsed };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The text to show for a failed call: the problem's detail, else its title, else the status. */
export function problemText(result) {
  const body = result.body;
  if (body && typeof body === 'object') {
    return body.detail || body.title || String(result.status);
  }
  return String(result.status);
}
