// The workflow designer studio (issue 7): bpmn-js Modeler limited to the supported subset, a properties panel for
// the psb attributes, live lint plus the server's findings, drafts with autosave, diff and publish.
// The page (/studio/workflows/{key}) renders an empty <div data-studio-modeler …> (see the studio contract);
// everything inside it is built here. Texts come from data-texts; no inline styles (content security policy).
import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-codes.css';
import './designer.css';
import psbDescriptor from './psb-moddle.json';
import subsetModule from './subset-module.js';
import { readTexts, translator, translateModule } from './texts.js';
import { request } from './api.js';
import { el } from './dom.js';
import { PropertiesPanel } from './properties-panel.js';
import { ProblemsView } from './problems-view.js';
import { lint } from './lint.js';
import { DraftStore, blankDiagram } from './drafts.js';
import { buildToolbar, confirmDialog } from './toolbar.js';

const AUTOSAVE_MS = 1500;
const LINT_MS = 300;

export async function startStudio(root) {
  const texts = readTexts(root);
  const t = translator(texts);
  const data = root.dataset;
  const layout = buildLayout(root, t);
  const modeler = new Modeler({
    container: layout.canvas,
    moddleExtensions: { psb: psbDescriptor },
    additionalModules: [subsetModule, translateModule(texts)],
  });
  const store = new DraftStore({ draft: data.draftUrl, published: data.publishedUrl, publish: data.publishUrl });
  const state = { dirty: false, saving: null, changeCount: 0, conflict: false, options: null, loaded: false };
  const canvas = modeler.get('canvas');

  const feelCache = new Map();
  const checkFeel = async (expression) => {
    if (!feelCache.has(expression)) {
      feelCache.set(expression, request('POST', data.feelUrl, { expression })
        .then((r) => (r.status === 200 ? r.body : null))
        .catch(() => null));
    }
    return feelCache.get(expression);
  };
  const panel = new PropertiesPanel({ container: layout.panel, modeler, t, options: null, checkFeel });
  const problems = new ProblemsView({
    container: layout.problems, modeler, t,
    onShowElement: (element) => {
      modeler.get('selection').select(element);
      canvas.scrollToElement(element);
    },
  });

  const status = (key, ...args) => {
    layout.status.textContent = t(key, ...args);
    layout.status.dataset.state = key.replace('status.', '');
  };
  const runLint = debounce(() => problems.setClient(lint(modeler.getDefinitions(), state.options)), LINT_MS);

  const save = async () => {
    if (state.saving) {
      await state.saving.catch(() => {});
      if (!state.dirty) {
        return true;
      }
    }
    if (state.conflict) {
      return false;
    }
    autosave.cancel();
    const startedAt = state.changeCount;
    status('status.saving');
    toolbar.setBusy(true);
    state.saving = (async () => {
      const { xml } = await modeler.saveXML({ format: true });
      return store.save(xml);
    })();
    try {
      const result = await state.saving;
      if (result.ok) {
        state.dirty = state.changeCount !== startedAt;
        problems.setServer(result.problems);
        if (state.dirty) {
          status('status.dirty');
          autosave();
        } else {
          status('status.saved', clock(store.updatedAt));
        }
        return true;
      }
      if (result.conflict) {
        state.conflict = true;
        status('status.conflict');
        layout.conflict.hidden = false;
        layout.conflictButton.focus();
        return false;
      }
      status('status.save-failed', result.error);
      return false;
    } catch (error) {
      status('status.save-failed', error.message);
      return false;
    } finally {
      state.saving = null;
      toolbar.setBusy(false);
    }
  };
  const autosave = debounce(save, AUTOSAVE_MS);

  const load = async () => {
    state.loaded = false;
    status('status.loading');
    const loaded = await store.load();
    await modeler.importXML(loaded.xml ?? blankDiagram(data.key));
    state.dirty = false;
    state.conflict = false;
    layout.conflict.hidden = true;
    problems.setServer(loaded.problems);
    canvas.zoom('fit-viewport', 'auto');
    labelSvg(layout.canvas, t);
    status(loaded.source === 'draft' ? 'status.draft-loaded' : loaded.source === 'published' ? 'status.published-loaded' : 'status.blank', clock(store.updatedAt), store.baseVersion ?? '');
    state.loaded = true;
    runLint();
    toolbar.refresh();
  };

  const toolbar = buildToolbar({
    container: layout.toolbar, modeler, t, diffHref: data.diffHref,
    save,
    beforeNavigate: async () => (state.dirty || store.revision === 0 ? save() : true),
    discard: async () => {
      if (!(await confirmDialog(root, t, { title: t('discard.title'), text: t('discard.text'), confirm: t('discard.confirm'), testid: 'discard-dialog' }))) {
        return;
      }
      autosave.cancel();
      const result = await store.discard();
      if (result.error) {
        status('status.discard-failed', result.error);
        return;
      }
      await load();
      status('status.discarded');
    },
    publish: async () => {
      const next = (store.publishedVersion ?? 0) + 1;
      if (!(await confirmDialog(root, t, { title: t('publish.title'), text: t('publish.text', next), confirm: t('publish.confirm', next), testid: 'publish-dialog' }))) {
        return;
      }
      if ((state.dirty || store.revision === 0 || state.saving) && !(await save())) {
        return;
      }
      status('status.publishing');
      const result = await store.publish();
      if (result.ok) {
        state.dirty = false;
        status('status.published', result.version);
        location.assign(`${data.versionsHref}?published=${encodeURIComponent(result.version)}`);
      } else if (result.invalid) {
        problems.setServer(result.problems);
        status('status.publish-invalid', result.problems.length);
        problems.focus();
      } else if (result.conflict) {
        state.conflict = true;
        status('status.conflict');
        layout.conflict.hidden = false;
      } else {
        status('status.publish-failed', result.error);
      }
    },
  });

  layout.conflictButton.addEventListener('click', async () => {
    autosave.cancel();
    await load();
  });

  modeler.get('eventBus').on('commandStack.changed', ({ trigger }) => {
    toolbar.refresh();
    if (trigger === 'clear' || !state.loaded) {
      return;
    }
    state.changeCount += 1;
    state.dirty = true;
    runLint();
    if (!state.conflict) {
      status('status.dirty');
      autosave();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (state.dirty || state.saving) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  if (root.hasAttribute('data-test-hooks')) {
    window.__studio = {
      modeler,
      save,
      state: () => ({ dirty: state.dirty, saving: Boolean(state.saving), conflict: state.conflict, revision: store.revision, baseVersion: store.baseVersion, publishedVersion: store.publishedVersion }),
    };
  }

  request('GET', data.optionsUrl).then((result) => {
    if (result.status === 200) {
      state.options = normaliseOptions(result.body);
      panel.setOptions(state.options);
      if (state.loaded) {
        runLint();
      }
    } else {
      status('status.options-failed');
    }
  }).catch(() => status('status.options-failed'));

  try {
    await load();
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'failed';
    status('status.load-failed', error.message);
    console.warn('studio: could not load the workflow', error);
  }
  return modeler;
}

function buildLayout(root, t) {
  const toolbar = el('div', { class: 'psb-toolbar', role: 'toolbar', 'aria-label': t('toolbar.label'), dataset: { testid: 'studio-toolbar' } });
  const status = el('p', { class: 'psb-status', role: 'status', 'aria-live': 'polite', dataset: { testid: 'save-status' } });
  const conflictButton = el('button', { type: 'button', class: 'psb-button', text: t('conflict.load'), dataset: { testid: 'conflict-load' } });
  const conflict = el('div', { class: 'psb-conflict', role: 'alert', hidden: true, dataset: { testid: 'conflict' } },
    el('p', { text: t('conflict.text') }), conflictButton);
  const canvas = el('div', { class: 'psb-canvas', dataset: { testid: 'studio-canvas' } });
  const panel = el('aside', { class: 'psb-panel', 'aria-labelledby': 'psb-panel-heading', dataset: { testid: 'properties-panel' } });
  const problems = el('section', { class: 'psb-problems', 'aria-labelledby': 'psb-problems-heading', dataset: { testid: 'problems' } });
  root.classList.add('psb-studio');
  root.replaceChildren(toolbar, status, conflict, el('div', { class: 'psb-workspace' }, canvas, panel), problems);
  return { toolbar, status, conflict, conflictButton, canvas, panel, problems };
}

function labelSvg(container, t) {
  const svg = container.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'application');
    svg.setAttribute('aria-label', t('canvas.label'));
    svg.setAttribute('aria-roledescription', t('canvas.role'));
  }
}

function normaliseOptions(body) {
  return {
    roles: body?.roles ?? [], agencies: body?.agencies ?? [], forms: body?.forms ?? [],
    handlers: body?.handlers ?? [], statuses: body?.statuses ?? [], processes: body?.processes ?? [],
  };
}

function clock(iso) {
  const date = iso ? new Date(iso) : new Date();
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function debounce(fn, ms) {
  let timer;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

const root = document.querySelector('[data-studio-modeler]');
if (root) {
  startStudio(root);
}
