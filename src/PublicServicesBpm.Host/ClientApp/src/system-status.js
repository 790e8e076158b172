// Shows the host's readiness (/health/ready) in elements marked data-system-status. The texts come from
// the server in the page's language (data-text-ready, data-text-unready), so nothing here is translated.
export function startSystemStatus(root) {
  for (const element of root.querySelectorAll('[data-system-status]')) {
    refresh(element);
  }
}

async function refresh(element) {
  let ready = false;
  try {
    const response = await fetch('/health/ready', { headers: { Accept: 'application/json' } });
    ready = response.ok;
  } catch {
    ready = false;
  }
  element.textContent = ready ? element.dataset.textReady : element.dataset.textUnready;
  element.dataset.state = ready ? 'ready' : 'unready';
}
