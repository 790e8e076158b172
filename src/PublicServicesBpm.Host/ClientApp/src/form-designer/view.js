// view: the DOM of the form designer page, built inside the server-rendered root. Every control has an accessible
// name and a data-testid for the end-to-end tests; texts come from the page (t). No inline styles (CSP).

function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children);
  return element;
}

function button(text, testid, extra = {}) {
  return el('button', { type: 'button', 'data-testid': testid, text, ...extra, class: `fd-btn ${extra.class ?? ''}`.trim() });
}

function confirmDialog(id, t, prefix, testid) {
  const title = el('h2', { id: `${id}-title`, text: t(`${prefix}.title`) });
  const text = el('p', { id: `${id}-text`, text: t(`${prefix}.text`) });
  const cancel = button(t('form.dialog.cancel'), `${testid}-cancel`, { autofocus: true });
  const confirm = button(t(`${prefix}.confirm`), `${testid}-confirm`, { class: 'fd-danger' });
  const dialog = el('dialog', { class: 'fd-dialog', 'aria-labelledby': title.id, 'aria-describedby': text.id, 'data-testid': testid },
    [title, text, el('div', { class: 'fd-dialog-actions' }, [cancel, confirm])]);
  cancel.addEventListener('click', () => dialog.close('cancel'));
  confirm.addEventListener('click', () => dialog.close('confirm'));
  return dialog;
}

/** Builds the page inside root and returns the parts the behaviour needs. */
export function buildView(root, t) {
  const id = `fd-${Math.random().toString(36).slice(2, 8)}`;
  const save = button(t('form.save'), 'form-save');
  const discard = button(t('form.discard'), 'form-discard');
  const publish = button(t('form.publish'), 'form-publish', { class: 'fd-primary' });
  const toolbar = el('div', { role: 'toolbar', 'aria-label': t('form.toolbar'), class: 'fd-toolbar', 'data-testid': 'form-toolbar' },
    [save, discard, publish]);
  const status = el('p', { role: 'status', class: 'fd-status', 'data-testid': 'form-status' });

  const conflictText = el('p', { text: t('form.conflict.text') });
  const conflictReload = button(t('form.conflict.reload'), 'form-conflict-reload');
  const conflictOverwrite = button(t('form.conflict.overwrite'), 'form-conflict-overwrite');
  const conflict = el('div', { class: 'fd-conflict', 'data-testid': 'form-conflict', hidden: true },
    [conflictText, el('div', { class: 'fd-actions' }, [conflictReload, conflictOverwrite])]);

  const editorHost = el('div', { class: 'fd-editor', 'data-testid': 'form-editor' });

  const publishProblems = el('div', { role: 'alert', class: 'fd-publish-problems', 'data-testid': 'form-publish-problems' });
  const problemsHeading = el('h2', { id: `${id}-problems`, text: t('form.problems.heading') });
  const problemsAlert = el('div', { role: 'alert', class: 'fd-problems-alert', 'data-testid': 'form-problems-alert' });
  const problemsList = el('ul', { class: 'fd-problem-list', 'data-testid': 'form-problems' });
  const problemsNone = el('p', { class: 'fd-muted', text: t('form.problems.none') });
  const problems = el('section', { class: 'fd-problems', 'aria-labelledby': problemsHeading.id },
    [problemsHeading, problemsAlert, problemsNone, problemsList]);

  const previewHeading = el('h2', { id: `${id}-preview`, text: t('form.preview.heading') });
  const previewFailure = el('p', { class: 'fd-error', role: 'alert', hidden: true, 'data-testid': 'form-preview-error' });
  const previewForm = el('div', { class: 'fd-preview-form', role: 'region', 'aria-label': t('form.preview.label'), 'data-testid': 'form-preview' });
  const sampleHint = el('p', { id: `${id}-sample-hint`, class: 'fd-hint', text: t('form.sample.hint') });
  const sampleError = el('p', { id: `${id}-sample-error`, class: 'fd-error', 'aria-live': 'polite', hidden: true, 'data-testid': 'form-sample-error' });
  const sampleLabel = el('label', { for: `${id}-sample`, text: t('form.sample.label') });
  const sample = el('textarea', { id: `${id}-sample`, class: 'fd-sample', rows: '18', spellcheck: 'false',
    'aria-describedby': `${sampleHint.id} ${sampleError.id}`, 'data-testid': 'form-sample-data' });
  const regenerate = button(t('form.sample.regenerate'), 'form-sample-regenerate');
  const preview = el('section', { class: 'fd-preview', 'aria-labelledby': previewHeading.id }, [
    previewHeading,
    el('div', { class: 'fd-preview-grid' }, [
      el('div', {}, [previewFailure, previewForm]),
      el('div', { class: 'fd-sample-box' }, [sampleLabel, sampleHint, sample, sampleError, regenerate]),
    ]),
  ]);

  const discardDialog = confirmDialog(`${id}-discard`, t, 'form.discardDialog', 'form-discard-dialog');
  const publishDialog = confirmDialog(`${id}-publish`, t, 'form.publishDialog', 'form-publish-dialog');

  const page = el('div', { class: 'fd', 'data-testid': 'form-studio' },
    [toolbar, status, conflict, publishProblems, editorHost, problems, preview, discardDialog, publishDialog]);
  root.replaceChildren(page);

  return {
    save, discard, publish, status, conflict, conflictReload, conflictOverwrite, editorHost, publishProblems,
    problemsAlert, problemsList, problemsNone, previewForm, previewFailure, sample, sampleError, regenerate,
    discardDialog, publishDialog,
  };
}

/** Opens a confirm dialog; resolves true when the designer confirmed, false on cancel or Escape. */
export function ask(dialog) {
  return new Promise((resolve) => {
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
  });
}

/** Renders problems {location, message} as list items; `select(location)` may return a handler to reveal the field. */
export function problemItems(problems, t, select) {
  return problems.map((problem) => {
    const where = problem.location || t('form.problems.wholeForm');
    const item = el('li', {}, [el('span', { class: 'fd-problem-location', text: where }), ` ${problem.message ?? ''}`]);
    const reveal = problem.location ? select?.(problem.location) : null;
    if (reveal) {
      const show = el('button', { type: 'button', class: 'fd-btn fd-link', text: t('form.problems.show'),
        'aria-label': t('form.problems.showField', where) });
      show.addEventListener('click', reveal);
      item.append(' ', show);
    }
    return item;
  });
}
