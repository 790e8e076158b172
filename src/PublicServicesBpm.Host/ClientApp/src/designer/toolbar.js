// The studio toolbar (save, undo/redo, zoom, view changes, discard, publish) and the confirm <dialog>.
import { el } from './dom.js';

export function buildToolbar({ container, modeler, t, diffHref, save, beforeNavigate, discard, publish }) {
  const commandStack = modeler.get('commandStack');
  const canvas = modeler.get('canvas');
  const zoomScroll = modeler.get('zoomScroll');
  const button = (key, testid, onclick, extra = {}) =>
    el('button', { type: 'button', class: 'psb-button', text: t(key), dataset: { testid }, onclick, ...extra });

  const saveButton = button('toolbar.save', 'save-now', () => save());
  const undo = button('toolbar.undo', 'undo', () => commandStack.undo(), { 'aria-keyshortcuts': 'Control+Z' });
  const redo = button('toolbar.redo', 'redo', () => commandStack.redo(), { 'aria-keyshortcuts': 'Control+Y' });
  const zoomIn = button('toolbar.zoom-in', 'zoom-in', () => zoomScroll.stepZoom(1));
  const zoomOut = button('toolbar.zoom-out', 'zoom-out', () => zoomScroll.stepZoom(-1));
  const fit = button('toolbar.fit', 'zoom-fit', () => canvas.zoom('fit-viewport', 'auto'));
  const diff = el('a', {
    class: 'psb-button psb-link-button', href: diffHref, text: t('toolbar.diff'), dataset: { testid: 'view-changes' },
    onclick: async (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      event.preventDefault();
      if (await beforeNavigate()) {
        location.assign(diffHref);
      }
    },
  });
  const discardButton = button('toolbar.discard', 'discard-draft', () => discard());
  const publishButton = button('toolbar.publish', 'publish', () => publish(), { class: 'psb-button psb-button-primary' });

  container.append(
    el('div', { class: 'psb-toolbar-group' }, saveButton, undo, redo),
    el('div', { class: 'psb-toolbar-group' }, zoomIn, zoomOut, fit),
    el('div', { class: 'psb-toolbar-group psb-toolbar-end' }, diff, discardButton, publishButton),
  );

  return {
    refresh() {
      undo.disabled = !commandStack.canUndo();
      redo.disabled = !commandStack.canRedo();
    },
    setBusy(busy) {
      saveButton.setAttribute('aria-busy', String(busy));
    },
  };
}

/** Asks in a modal <dialog>; resolves true when confirmed. Focus returns to the element that had it. */
export function confirmDialog(root, t, { title, text, confirm, testid }) {
  return new Promise((resolve) => {
    const returnFocus = document.activeElement;
    const headingId = `${testid}-title`;
    const textId = `${testid}-text`;
    const dialog = el('dialog', { class: 'psb-dialog', 'aria-labelledby': headingId, 'aria-describedby': textId, dataset: { testid } });
    const cancelButton = el('button', { type: 'button', class: 'psb-button', text: t('dialog.cancel'), dataset: { testid: `${testid}-cancel` } });
    const confirmButton = el('button', { type: 'button', class: 'psb-button psb-button-primary', text: confirm, dataset: { testid: `${testid}-confirm` } });
    dialog.append(el('h2', { id: headingId, text: title }), el('p', { id: textId, text }), el('div', { class: 'psb-dialog-buttons' }, cancelButton, confirmButton));
    let answer = false;
    cancelButton.addEventListener('click', () => dialog.close());
    confirmButton.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus?.();
      resolve(answer);
    });
    root.append(dialog);
    dialog.showModal();
    cancelButton.focus();
  });
}
