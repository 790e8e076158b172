// form-designer: the studio page for one form schema (/studio/forms/{formKey}): form-js editor, live preview with
// sample data, and the draft cycle of the designer API (load, autosave, discard, publish).
//
// The page renders an empty root (see the designer studio contract):
//   <div data-studio-form-editor data-key data-draft-url data-published-url data-publish-url data-versions-href
//        data-texts='{...}' [data-test-hooks]></div>
// and links dist/form-designer.css. Every text comes from data-texts (keys "form.*"); a missing text shows its key.
//
// Drafts: the page edits the draft if there is one, else a copy of the latest published version, else a blank form.
// Changes are saved 1.5 s after the last one (PUT with the revision last received); 409 means someone else saved in
// between: autosave stops until the designer reloads or overwrites. Publishing saves first, then publishes the
// revision and goes to the versions page.
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '../form-view.css';
import './form-designer.css';
import { useConstructedStylesForCodeMirror } from './codemirror-styles.js';
import { labelPaletteSearch, nameFieldTypes } from './field-names.js';
import { callJson, problemText } from './http.js';
import { createPreview } from './preview.js';
import { buildView, ask, problemItems } from './view.js';

const autosaveMs = 1500;
const previewMs = 400;

export async function startFormDesigner(root) {
  const texts = JSON.parse(root.dataset.texts || '{}');
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (all, i) => String(args[Number(i)] ?? all));
  const language = (document.documentElement.lang || 'vi').slice(0, 2);
  const { key, draftUrl, publishedUrl, publishUrl, versionsHref } = root.dataset;
  const view = buildView(root, t);

  useConstructedStylesForCodeMirror();
  const editor = new FormEditor({ container: view.editorHost });
  nameFieldTypes(editor, texts);
  labelPaletteSearch(view.editorHost, t('form.paletteSearch'));
  view.editorHost.querySelector('[tabindex]')?.setAttribute('aria-label', t('form.editorLabel'));

  const preview = createPreview({
    formHost: view.previewForm, textarea: view.sample, message: view.sampleError, failure: view.previewFailure,
    regenerate: view.regenerate, t, language,
    samples: { name: t('form.sample.name'), email: t('form.sample.email'), phone: t('form.sample.phone') },
  });

  const state = {
    loaded: false, loadError: null, source: null, sourceVersion: null,
    revision: 0, baseVersion: null, hasDraft: false, savedJson: null, savedAt: null, savedBy: null,
    saving: null, lastError: null, conflict: null, busy: null, problems: [], leaving: false,
  };
  let importing = false;
  let autosaveTimer = 0;
  let previewTimer = 0;

  const currentJson = () => JSON.stringify(editor.saveSchema());
  const dirty = () => state.loaded && currentJson() !== state.savedJson;
  const formatTime = (iso) => {
    const date = iso ? new Date(iso) : new Date();
    return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'medium' }).format(date);
  };

  function statusText() {
    if (!state.loaded) {
      return state.loadError ? t('form.status.loadFailed', state.loadError) : t('form.status.loading');
    }
    if (state.busy) {
      return t(`form.status.${state.busy}`);
    }
    if (state.conflict) {
      return t('form.status.conflict');
    }
    if (state.saving) {
      return t('form.status.saving');
    }
    if (state.lastError) {
      return state.lastError;
    }
    if (dirty()) {
      return t('form.status.unsaved');
    }
    if (state.hasDraft) {
      return state.savedBy
        ? t('form.status.savedBy', formatTime(state.savedAt), state.savedBy)
        : t('form.status.saved', formatTime(state.savedAt));
    }
    return state.source === 'published' ? t('form.status.fromPublished', state.sourceVersion) : t('form.status.blank');
  }

  function refresh() {
    const text = statusText();
    if (view.status.textContent !== text) {
      view.status.textContent = text;
    }
    const isDirty = dirty();
    const ready = state.loaded && !state.busy;
    view.save.disabled = !ready || !!state.conflict;
    view.discard.disabled = !ready || !(state.hasDraft || isDirty);
    view.publish.disabled = !ready || !!state.conflict || !(state.hasDraft || isDirty);
    view.conflict.hidden = !state.conflict;
    root.dataset.state = !state.loaded ? 'loading' : state.conflict ? 'conflict' : state.saving ? 'saving' : isDirty ? 'dirty' : 'saved';
  }

  function revealer(location) {
    const registry = editor.get('formFieldRegistry');
    const field = registry.getAll().find((f) => f.id === location || f.key === location || f.path === location);
    return field ? () => editor.get('selection').set(field) : null;
  }

  function showProblems(problems, announce) {
    const keyOf = (p) => `${p.location}\u0000${p.message}`;
    const before = new Set(state.problems.map(keyOf));
    const fresh = announce ? problems.filter((p) => !before.has(keyOf(p))) : [];
    state.problems = problems;
    view.problemsList.replaceChildren(...problemItems(problems, t, revealer));
    view.problemsNone.hidden = problems.length > 0;
    view.problemsAlert.textContent = fresh.length > 0
      ? `${t('form.problems.new', fresh.length)} ${fresh.map((p) => `${p.location || t('form.problems.wholeForm')}: ${p.message}`).join('; ')}`
      : '';
  }

  function updatePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => preview.update(editor.saveSchema()), previewMs);
  }

  async function open(schema) {
    importing = true;
    try {
      await editor.importSchema(schema);
    } finally {
      importing = false;
    }
    state.savedJson = currentJson();
    state.loaded = true;
    await preview.update(editor.saveSchema());
  }

  async function openPublishedOrBlank() {
    const published = await callJson('GET', publishedUrl);
    if (published.status === 200 && published.body?.schema) {
      state.source = 'published';
      state.sourceVersion = published.body.version;
      state.baseVersion = published.body.version ?? null;
      return open(published.body.schema);
    }
    if (published.status !== 404) {
      throw new Error(problemText(published));
    }
    state.source = 'blank';
    state.baseVersion = null;
    return open({ type: 'default', id: key, components: [] });
  }

  async function load() {
    refresh();
    try {
      const draft = await callJson('GET', draftUrl);
      if (draft.status === 200 && draft.body?.schema) {
        state.source = 'draft';
        state.hasDraft = true;
        state.revision = draft.body.revision ?? 0;
        state.baseVersion = draft.body.baseVersion ?? null;
        state.savedAt = draft.body.updatedAt;
        state.savedBy = draft.body.updatedBy;
        await open(draft.body.schema);
        showProblems(draft.body.problems ?? [], false);
      } else if (draft.status === 404) {
        await openPublishedOrBlank();
      } else {
        throw new Error(problemText(draft));
      }
    } catch (error) {
      state.loadError = error?.message ?? String(error);
    }
    refresh();
  }

  async function putDraft(json) {
    let answer;
    try {
      answer = await callJson('PUT', draftUrl, { schema: JSON.parse(json), baseVersion: state.baseVersion, revision: state.revision });
    } catch {
      state.lastError = t('form.status.saveFailed', t('form.status.networkError'));
      return false;
    }
    if (answer.status === 200) {
      state.revision = answer.body?.revision ?? state.revision + 1;
      state.hasDraft = true;
      state.savedJson = json;
      state.savedAt = answer.body?.updatedAt;
      state.savedBy = answer.body?.updatedBy;
      state.lastError = null;
      showProblems(answer.body?.problems ?? [], true);
      return true;
    }
    if (answer.status === 409) {
      clearTimeout(autosaveTimer);
      state.conflict = { currentRevision: answer.body?.currentRevision ?? null, detail: problemText(answer) };
      return false;
    }
    state.lastError = t('form.status.saveFailed', problemText(answer));
    return false;
  }

  /** Saves the editor's schema now unless it is already saved; resolves whether the draft holds it afterwards. */
  async function save() {
    clearTimeout(autosaveTimer);
    while (state.saving) {
      await state.saving;
    }
    if (!state.loaded || state.conflict) {
      return false;
    }
    const json = currentJson();
    if (state.hasDraft && json === state.savedJson) {
      return true;
    }
    state.saving = putDraft(json);
    refresh();
    let saved;
    try {
      saved = await state.saving;
    } finally {
      state.saving = null;
    }
    refresh();
    if (saved && dirty()) {
      scheduleAutosave();
    }
    return saved;
  }

  function scheduleAutosave() {
    clearTimeout(autosaveTimer);
    if (!state.conflict) {
      autosaveTimer = setTimeout(save, autosaveMs);
    }
  }

  editor.on('commandStack.changed', () => {
    if (importing || !state.loaded) {
      return;
    }
    refresh();
    updatePreview();
    scheduleAutosave();
  });

  view.save.addEventListener('click', () => save());

  view.discard.addEventListener('click', async () => {
    if (!(await ask(view.discardDialog))) {
      return;
    }
    clearTimeout(autosaveTimer);
    while (state.saving) {
      await state.saving;
    }
    state.busy = 'discarding';
    refresh();
    try {
      const answer = state.hasDraft ? await callJson('DELETE', draftUrl) : { status: 204 };
      if (answer.status !== 204 && answer.status !== 404) {
        state.lastError = t('form.status.discardFailed', problemText(answer));
        return;
      }
      Object.assign(state, { hasDraft: false, revision: 0, lastError: null, conflict: null, savedAt: null, savedBy: null });
      showProblems([], false);
      view.publishProblems.replaceChildren();
      await openPublishedOrBlank();
    } catch (error) {
      state.lastError = t('form.status.discardFailed', error?.message ?? t('form.status.networkError'));
    } finally {
      state.busy = null;
      refresh();
      // the button is disabled once there is no draft: keep the focus on the page, on the editor
      (view.discard.disabled ? view.editorHost.querySelector('[tabindex]') : view.discard)?.focus();
    }
  });

  view.publish.addEventListener('click', async () => {
    if (!(await ask(view.publishDialog))) {
      return;
    }
    view.publishProblems.replaceChildren();
    if (!(await save())) {
      refresh();
      return;
    }
    state.busy = 'publishing';
    refresh();
    let answer;
    try {
      answer = await callJson('POST', publishUrl, { revision: state.revision });
    } catch {
      answer = null;
    }
    state.busy = null;
    if (answer?.status === 201) {
      state.leaving = true;
      location.assign(`${versionsHref}?published=${encodeURIComponent(answer.body?.version ?? '')}`);
      return;
    }
    const heading = document.createElement('p');
    heading.textContent = t('form.status.publishFailed', answer ? problemText(answer) : t('form.status.networkError'));
    const list = document.createElement('ul');
    list.append(...problemItems(answer?.body?.problems ?? [], t, revealer));
    view.publishProblems.replaceChildren(heading, ...(list.children.length > 0 ? [list] : []));
    refresh();
  });

  view.conflictReload.addEventListener('click', () => {
    state.leaving = true;
    location.reload();
  });

  view.conflictOverwrite.addEventListener('click', async () => {
    let revision = state.conflict?.currentRevision;
    if (revision === null || revision === undefined) {
      const draft = await callJson('GET', draftUrl).catch(() => null);
      revision = draft?.status === 200 ? draft.body?.revision : 0;
    }
    state.revision = revision ?? 0;
    state.hasDraft = state.revision > 0;
    state.conflict = null;
    state.savedJson = null;
    await save();
    view.save.focus();
  });

  window.addEventListener('beforeunload', (event) => {
    if (!state.leaving && state.loaded && (dirty() || state.saving)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  if (root.hasAttribute('data-test-hooks')) {
    window.__formStudio = {
      editor,
      save,
      state: () => ({
        loaded: state.loaded, source: state.source, revision: state.revision, baseVersion: state.baseVersion,
        hasDraft: state.hasDraft, dirty: dirty(), saving: !!state.saving, conflict: state.conflict,
        lastError: state.lastError, problems: state.problems, sampleData: preview.data(),
      }),
    };
  }

  await load();
}

const root = document.querySelector('[data-studio-form-editor]');
if (root) {
  startFormDesigner(root).catch((error) => {
    root.dataset.state = 'failed';
    console.error('form-designer: could not start', error);
  });
}
