// Limits the palette, the context pad and the replace menu to the BPMN subset the engine runs (engine.md):
// providers registered with low priority that delete unsupported entries after bpmn-js has added them, and add
// user/service task shortcuts so authors do not start from a plain task (which only earns a warning).
import { is } from 'bpmn-js/lib/util/ModelUtil';

const LOW_PRIORITY = 100;

// Replace-menu entry ids (replace-with-…, toggle-…) of elements outside the subset.
const UNSUPPORTED_REPLACE = /inclusive|complex|script|rule-task|signal|escalation|compensat|cancel|transaction|event-subprocess|ad-hoc|data-store|link-|conditional-(start|intermediate|boundary)|(message|timer|error)-start|message-end|intermediate-throw|toggle-loop|none-boundary/;
const MULTI_INSTANCE_HOSTS = ['bpmn:UserTask', 'bpmn:CallActivity', 'bpmn:SubProcess'];

export function SubsetPalette(palette, create, elementFactory, translate) {
  palette.registerProvider(LOW_PRIORITY, this);
  this.getPaletteEntries = () => (entries) => {
    for (const key of ['create.intermediate-event', 'create.data-store', 'create.task']) {
      delete entries[key];
    }
    const createAction = (type, group, className, title, options = {}) => {
      const start = (event) => create.start(event, elementFactory.createShape({ type, ...options }));
      return { group, className, title: translate(title), action: { dragstart: start, click: start } };
    };
    return {
      ...entries,
      'create.timer-catch-event': createAction('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-timer',
        'Create timer intermediate catch event', { eventDefinitionType: 'bpmn:TimerEventDefinition' }),
      'create.user-task': createAction('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', 'Create user task'),
      'create.service-task': createAction('bpmn:ServiceTask', 'activity', 'bpmn-icon-service-task', 'Create service task'),
    };
  };
}
SubsetPalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

export function SubsetContextPad(contextPad, create, elementFactory, translate, injector) {
  const autoPlace = injector.get('autoPlace', false);
  contextPad.registerProvider(LOW_PRIORITY, this);
  const appendAction = (type, className, title) => {
    const shapeOf = () => elementFactory.createShape({ type });
    const start = (event, element) => create.start(event, shapeOf(), { source: element });
    const click = autoPlace ? (event, element) => autoPlace.append(element, shapeOf()) : start;
    return { group: 'model', className, title: translate(title), action: { dragstart: start, click } };
  };
  this.getContextPadEntries = (element) => (entries) => {
    const hadTaskAppend = 'append.append-task' in entries;
    for (const key of ['append.intermediate-event', 'append.condition-intermediate-event', 'append.signal-intermediate-event',
      'append.compensation-activity', 'append.append-task']) {
      delete entries[key];
    }
    if (hadTaskAppend && !is(element, 'bpmn:EndEvent')) {
      entries['append.user-task'] = appendAction('bpmn:UserTask', 'bpmn-icon-user-task', 'Append user task');
      entries['append.service-task'] = appendAction('bpmn:ServiceTask', 'bpmn-icon-service-task', 'Append service task');
    }
    return entries;
  };
}
SubsetContextPad.$inject = ['contextPad', 'create', 'elementFactory', 'translate', 'injector'];

export function SubsetReplaceMenu(popupMenu) {
  popupMenu.registerProvider('bpmn-replace', LOW_PRIORITY, this);
  this.getPopupMenuEntries = () => (entries) => withoutUnsupported(entries);
  this.getPopupMenuHeaderEntries = (element) => (entries) => {
    const kept = withoutUnsupported(entries);
    if (!MULTI_INSTANCE_HOSTS.some((type) => is(element, type))) {
      delete kept['toggle-parallel-mi'];
      delete kept['toggle-sequential-mi'];
    }
    return kept;
  };
}
SubsetReplaceMenu.$inject = ['popupMenu'];

function withoutUnsupported(entries) {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => !UNSUPPORTED_REPLACE.test(id)));
}

export default {
  __init__: ['subsetPalette', 'subsetContextPad', 'subsetReplaceMenu'],
  subsetPalette: ['type', SubsetPalette],
  subsetContextPad: ['type', SubsetContextPad],
  subsetReplaceMenu: ['type', SubsetReplaceMenu],
};
