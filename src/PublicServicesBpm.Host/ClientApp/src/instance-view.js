// instance-view: draws one workflow instance's path on its BPMN diagram with the bpmn-js viewer (pan and zoom).
// Shared by the officer workspace (dossier and task pages) and the designer (issue 7).
//
// Usage (the page links dist/instance-view.css and loads dist/instance-view.js as a module):
//
//   <div data-instance-view data-url="/api/v1/dossiers/{id}/path?variables=false"
//        data-label="Sơ đồ quy trình" data-text-failed="Không vẽ được sơ đồ." data-text-ready="">
//     <div data-instance-view-toolbar hidden>
//       <button type="button" data-zoom="in">Phóng to</button>
//       <button type="button" data-zoom="out">Thu nhỏ</button>
//       <button type="button" data-zoom="fit">Vừa khung</button>
//     </div>
//     <div data-instance-view-canvas></div>   (give it a height in css)
//     <p data-instance-view-status role="status">Đang tải sơ đồ…</p>
//   </div>
//
// - data-url: a same-origin URL answering { bpmnXml, completed: [{ elementId, times }], active: [{ elementId }],
//   incidents: [{ elementId }] } (GET /api/v1/dossiers/{id}/path). data-path (inline JSON, same shape) may be given instead.
// - Elements get the markers psb-path-completed, psb-path-active and psb-path-incident, expanded sub-processes also
//   psb-path-container (styles in instance-view.css:
//   colour and line pattern, so colour is not the only cue; the page's legend and text list say the same in words).
// - data-label: the accessible name of the focusable diagram (arrow keys pan it when it has focus).
// - When done, the element gets data-state="ready" and data-warnings="<number of import warnings>"; on failure
//   data-state="failed" and the status paragraph shows data-text-failed.
// - The bpmn.io logo (the viewer's powered-by link) stays visible, as its licence requires.
// Nothing here writes inline markup styles (the content security policy allows no inline style).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './instance-view.css';

const MARKERS = { completed: 'psb-path-completed', active: 'psb-path-active', incidents: 'psb-path-incident' };

export async function startInstanceViews(root) {
  for (const element of root.querySelectorAll('[data-instance-view]')) {
    if (element.dataset.state) {
      continue;
    }
    element.dataset.state = 'loading';
    try {
      const path = element.dataset.path ? JSON.parse(element.dataset.path) : await fetchJson(element.dataset.url);
      await renderInstanceView(element, path);
    } catch (error) {
      element.dataset.state = 'failed';
      status(element, element.dataset.textFailed ?? 'The diagram could not be drawn.', true);
      console.warn('instance-view: could not draw the diagram', error);
    }
  }
}

/** Draws the path ({ bpmnXml, completed, active, incidents }) into the [data-instance-view] element. */
export async function renderInstanceView(element, path) {
  const canvasElement = element.querySelector('[data-instance-view-canvas]') ?? element;
  const viewer = new NavigatedViewer({ container: canvasElement });
  const { warnings } = await viewer.importXML(path.bpmnXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [list, marker] of Object.entries(MARKERS)) {
    for (const item of path[list] ?? []) {
      const shape = registry.get(item.elementId);
      if (shape) {
        canvas.addMarker(shape, marker);
        // A sub-process that holds the current step is outlined only: filling it would hide the steps inside.
        if (shape.children?.length > 0) {
          canvas.addMarker(shape, 'psb-path-container');
        }
      }
    }
  }
  canvas.zoom('fit-viewport', 'auto');
  const svg = canvasElement.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', element.dataset.label ?? 'BPMN diagram');
  }
  wireToolbar(element, viewer);
  element.dataset.warnings = String(warnings.length);
  if (warnings.length > 0) {
    console.warn('instance-view: import warnings', warnings);
  }
  status(element, element.dataset.textReady ?? '', false);
  element.dataset.state = 'ready';
  return viewer;
}

function wireToolbar(element, viewer) {
  const toolbar = element.querySelector('[data-instance-view-toolbar]');
  if (!toolbar) {
    return;
  }
  const zoomScroll = viewer.get('zoomScroll');
  const canvas = viewer.get('canvas');
  toolbar.addEventListener('click', (event) => {
    const button = event.target.closest('[data-zoom]');
    if (!button) {
      return;
    }
    const zoom = button.dataset.zoom;
    if (zoom === 'in') {
      zoomScroll.stepZoom(1);
    } else if (zoom === 'out') {
      zoomScroll.stepZoom(-1);
    } else {
      canvas.zoom('fit-viewport', 'auto');
    }
    element.dataset.zoom = canvas.zoom().toFixed(3);
  });
  element.dataset.zoom = canvas.zoom().toFixed(3);
  toolbar.hidden = false;
}

function status(element, text, alert) {
  const paragraph = element.querySelector('[data-instance-view-status]');
  if (paragraph) {
    paragraph.textContent = text;
    paragraph.hidden = text === '';
    if (alert) {
      paragraph.setAttribute('role', 'alert');
    }
  }
}

async function fetchJson(url) {
  if (!url || new URL(url, location.href).origin !== location.origin) {
    throw new Error('instance-view only fetches same-origin URLs');
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

startInstanceViews(document);
