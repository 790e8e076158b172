// The properties panel beside the canvas (plain DOM): shows the selected element (or the process when nothing is
// selected) and writes every change through the modeler's command stack, so undo/redo covers panel edits too.
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './dom.js';
import { textField } from './fields.js';
import { sectionsFor } from './sections.js';

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export class PropertiesPanel {
  constructor({ container, modeler, t, options, checkFeel }) {
    this.container = container;
    this.modeler = modeler;
    this.t = t;
    this.options = options;
    this.checkFeel = checkFeel;
    this.element = null;
    const eventBus = modeler.get('eventBus');
    const commandStack = modeler.get('commandStack');
    commandStack.registerHandler('psb.batch', BatchHandler);
    eventBus.on('selection.changed', ({ newSelection }) => this.show(newSelection.length === 1 ? newSelection[0] : null));
    eventBus.on('elements.changed', ({ elements }) => {
      const current = this.target();
      if (!current || elements.some((e) => e === current || e.businessObject === current.businessObject || e.type === 'label')) {
        this.show(this.element, true);
      }
    });
    eventBus.on('import.done', () => this.show(null));
  }

  setOptions(options) {
    this.options = options;
    this.show(this.element, true);
  }

  target() {
    return this.element ?? this.modeler.get('canvas').getRootElement();
  }

  /** Renders the panel for element (null: the process), keeping the focused control focused. */
  show(element, keepFocus = false) {
    this.element = element && this.modeler.get('elementRegistry').get(element.id) ? element : null;
    const focused = keepFocus && this.container.contains(document.activeElement) ? document.activeElement.dataset.field : null;
    const target = this.target();
    if (!target?.businessObject?.$type) {
      this.container.replaceChildren(el('h2', { class: 'psb-panel-heading', id: 'psb-panel-heading', text: this.t('panel.heading') }));
      return; // nothing imported yet
    }
    const ctx = this.context(target);
    const heading = el('h2', { class: 'psb-panel-heading', id: 'psb-panel-heading', text: this.t('panel.heading') });
    const summary = el('p', { class: 'psb-panel-type', dataset: { testid: 'panel-element-type' }, text: this.describe(target) });
    const body = el('div', { class: 'psb-panel-body' }, ...this.generalFields(ctx), ...sectionsFor(ctx));
    this.container.replaceChildren(heading, summary, body);
    if (focused) {
      this.container.querySelector(`[data-field="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  describe(target) {
    const bo = getBusinessObject(target);
    const type = bo.$type.replace('bpmn:', '');
    const kind = this.t('type.' + type);
    return bo.name ? `${kind}: ${bo.name}` : kind;
  }

  context(target) {
    const modeler = this.modeler;
    const modeling = modeler.get('modeling');
    const bo = getBusinessObject(target);
    return {
      t: this.t,
      options: this.options ?? { roles: [], agencies: [], forms: [], handlers: [], statuses: [], processes: [] },
      checkFeel: this.checkFeel,
      element: target,
      bo,
      moddle: modeler.get('moddle'),
      modeler,
      update: (properties) => modeling.updateProperties(target, properties),
      updateModdle: (moddleElement, properties) => modeling.updateModdleProperties(target, moddleElement, properties),
      batch: (run) => modeler.get('commandStack').execute('psb.batch', { run }),
    };
  }

  generalFields(ctx) {
    const { bo, t } = ctx;
    const isRoot = ctx.element === this.modeler.get('canvas').getRootElement();
    const process = isRoot ? processOf(this.modeler) : null;
    const fields = [];
    if (isRoot) {
      fields.push(textField(ctx, { key: 'id', label: t('field.process-id'), value: process?.id, readonly: true, hint: t('hint.process-id'), testid: 'prop-id' }));
      if (process) {
        fields.push(textField(ctx, {
          key: 'name', label: t('field.process-name'), value: process.name, testid: 'prop-name',
          onCommit: (value) => ctx.updateModdle(process, { name: value || undefined }),
        }));
      }
      return fields;
    }
    fields.push(textField(ctx, {
      key: 'id', label: t('field.id'), value: bo.id, hint: t('hint.id'), testid: 'prop-id',
      validate: (value) => this.validateId(value, bo),
      onCommit: (value) => ctx.update({ id: value }),
    }));
    if (!is(bo, 'bpmn:Process')) {
      fields.push(textField(ctx, {
        key: 'name', label: t('field.name'), value: bo.name, multiline: !is(bo, 'bpmn:SequenceFlow'), testid: 'prop-name',
        onCommit: (value) => ctx.update({ name: value || undefined }),
      }));
    }
    return fields;
  }

  validateId(value, bo) {
    if (value === bo.id) {
      return null;
    }
    if (!NCNAME.test(value)) {
      return this.t('error.id-format');
    }
    const ids = this.modeler.get('moddle').ids;
    if (this.modeler.get('elementRegistry').get(value) || ids?.assigned(value)) {
      return this.t('error.id-taken');
    }
    return null;
  }
}

export function processOf(modeler) {
  const definitions = modeler.getDefinitions();
  const processes = (definitions?.rootElements ?? []).filter((e) => is(e, 'bpmn:Process'));
  return processes.find((p) => p.isExecutable) ?? processes[0] ?? null;
}

// Runs several modeling calls as one command, so they are undone together.
function BatchHandler() {}
BatchHandler.prototype.preExecute = (context) => context.run();
BatchHandler.prototype.execute = () => [];
BatchHandler.prototype.revert = () => [];
