// The visual diff page (/studio/workflows/{key}/diff, <div data-studio-diff data-key data-draft-url
// data-published-url data-texts>): the draft against the published version it was based on, side by side, with
// added / removed / changed elements marked on the diagrams (marker + a word, not colour only) and listed.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './designer.css';
import psbDescriptor from './psb-moddle.json';
import { readTexts, translator } from './texts.js';
import { request, problemText } from './api.js';
import { el } from './dom.js';
import { compare } from './diff.js';

export async function startDiff(root) {
  const t = translator(readTexts(root));
  const status = el('p', { class: 'psb-status', role: 'status', 'aria-live': 'polite', dataset: { testid: 'diff-status' }, text: t('diff.loading') });
  root.classList.add('psb-diff');
  root.replaceChildren(status);
  try {
    const draft = await request('GET', root.dataset.draftUrl);
    if (draft.status === 404) {
      status.textContent = t('diff.no-draft');
      root.dataset.state = 'empty';
      return;
    }
    if (draft.status !== 200) {
      throw new Error(problemText(draft));
    }
    const baseVersion = draft.body.baseVersion ?? null;
    const publishedXml = baseVersion === null ? null : await publishedXmlOf(root, baseVersion);
    await render(root, t, status, draft.body.xml, publishedXml, baseVersion);
    root.dataset.state = 'ready';
  } catch (error) {
    status.textContent = t('diff.failed', error.message);
    root.dataset.state = 'failed';
  }
}

async function publishedXmlOf(root, baseVersion) {
  const latest = await request('GET', root.dataset.publishedUrl);
  if (latest.status === 200 && latest.body.version === baseVersion) {
    return latest.body.xml;
  }
  const url = `/api/v1/definitions/${encodeURIComponent(root.dataset.key)}/versions/${encodeURIComponent(baseVersion)}/xml`;
  const version = await request('GET', url);
  if (version.status !== 200) {
    throw new Error(problemText(version));
  }
  return typeof version.body === 'string' ? version.body : version.body?.xml;
}

async function render(root, t, status, draftXml, publishedXml, baseVersion) {
  const publishedPane = pane(t, publishedXml ? t('diff.published', baseVersion) : t('diff.published-none'), 'diff-published');
  const draftPane = pane(t, t('diff.draft'), 'diff-draft');
  const lists = el('div', { class: 'psb-diff-lists' });
  root.append(el('div', { class: 'psb-diff-panes' }, publishedPane.section, draftPane.section), lists);

  const draftViewer = await viewer(draftPane.canvas, draftXml, t('diff.draft-label'));
  const publishedViewer = publishedXml ? await viewer(publishedPane.canvas, publishedXml, t('diff.published-label', baseVersion)) : null;
  if (!publishedViewer) {
    publishedPane.canvas.replaceChildren(el('p', { class: 'psb-diff-empty', text: t('diff.published-none-text') }));
  }
  const result = compare(publishedViewer?.getDefinitions() ?? null, draftViewer.getDefinitions());
  mark(draftViewer, result.added, 'added', t);
  mark(draftViewer, result.changed.map((c) => c.element), 'changed', t);
  if (publishedViewer) {
    mark(publishedViewer, result.removed, 'removed', t);
  }
  lists.append(
    list(t, 'added', result.added.map((e) => ({ element: e, viewer: draftViewer }))),
    list(t, 'removed', result.removed.map((e) => ({ element: e, viewer: publishedViewer }))),
    list(t, 'changed', result.changed.map((c) => ({ element: c.element, viewer: draftViewer, what: c.what }))),
  );
  const total = result.added.length + result.removed.length + result.changed.length;
  status.textContent = total === 0 ? t('diff.same') : t('diff.summary', result.added.length, result.removed.length, result.changed.length);
  root.dataset.added = String(result.added.length);
  root.dataset.removed = String(result.removed.length);
  root.dataset.changed = String(result.changed.length);
}

function pane(t, title, testid) {
  const canvas = el('div', { class: 'psb-diff-canvas', dataset: { testid: `${testid}-canvas` } });
  const section = el('section', { class: 'psb-diff-pane', dataset: { testid } }, el('h2', { text: title }), canvas);
  return { section, canvas };
}

async function viewer(container, xml, label) {
  const instance = new NavigatedViewer({ container, moddleExtensions: { psb: psbDescriptor } });
  await instance.importXML(xml);
  instance.get('canvas').zoom('fit-viewport', 'auto');
  const svg = container.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', label);
  return instance;
}

function mark(viewerInstance, elements, kind, t) {
  const registry = viewerInstance.get('elementRegistry');
  const canvas = viewerInstance.get('canvas');
  const overlays = viewerInstance.get('overlays');
  for (const element of elements) {
    const shape = registry.get(element.id);
    if (!shape) {
      continue;
    }
    canvas.addMarker(shape, `psb-diff-${kind}`);
    overlays.add(shape, 'psb-diff', {
      position: shape.waypoints ? { top: -8, left: 0 } : { top: -12, left: 0 },
      html: el('span', { class: `psb-diff-tag psb-diff-tag-${kind}`, dataset: { testid: `diff-tag-${kind}` }, text: t('diff.tag.' + kind) }),
    });
  }
}

function list(t, kind, items) {
  const section = el('section', { dataset: { testid: `diff-list-${kind}` } }, el('h2', { text: t('diff.list.' + kind, items.length) }));
  if (items.length === 0) {
    section.append(el('p', { text: t('diff.list.empty') }));
    return section;
  }
  const ul = el('ul');
  for (const item of items) {
    const element = item.element;
    const label = `${element.name || element.id} (${t('type.' + element.$type.replace('bpmn:', ''))})`;
    const shape = item.viewer?.get('elementRegistry').get(element.id);
    const li = el('li', { dataset: { elementId: element.id } }, shape
      ? el('button', { type: 'button', class: 'psb-diff-link', text: label, onclick: () => item.viewer.get('canvas').scrollToElement(shape) })
      : el('span', { text: label }));
    if (item.what) {
      li.append(' ', el('span', { class: 'psb-diff-what', text: t('diff.what', item.what.map((w) => whatText(t, w)).join(', ')) }));
    }
    ul.append(li);
  }
  section.append(ul);
  return section;
}

function whatText(t, what) {
  if (what.startsWith('psb:')) {
    return t.has('diff.attr.' + what) ? t('diff.attr.' + what) : what;
  }
  return t.has('diff.change.' + what) ? t('diff.change.' + what) : what;
}

const root = document.querySelector('[data-studio-diff]');
if (root) {
  startDiff(root);
}
