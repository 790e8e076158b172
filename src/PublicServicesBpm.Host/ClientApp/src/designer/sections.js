// The type-specific parts of the properties panel (psb attributes per engine.md "Extension attributes").
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './dom.js';
import { textField, numberField, selectField, checkboxField, feelField } from './fields.js';
import { candidateGroupsEditor } from './candidate-groups.js';
import { splitDueIn, joinDueIn, isDuration, isDateTime, isCycle } from './iso.js';

const MI_HOSTS = ['bpmn:UserTask', 'bpmn:CallActivity', 'bpmn:SubProcess'];

export function sectionsFor(ctx) {
  const { bo } = ctx;
  const parts = [];
  if (is(bo, 'bpmn:UserTask')) {
    parts.push(candidateGroupsEditor(ctx), assignee(ctx), ...form(ctx), ...outcomes(ctx), ...dueIn(ctx));
  } else if (is(bo, 'bpmn:StartEvent')) {
    parts.push(...form(ctx));
  } else if (is(bo, 'bpmn:ServiceTask') || is(bo, 'bpmn:SendTask')) {
    parts.push(...job(ctx));
  } else if (is(bo, 'bpmn:ReceiveTask')) {
    parts.push(...message(ctx, bo));
  } else if (is(bo, 'bpmn:CallActivity')) {
    parts.push(...call(ctx));
  } else if (is(bo, 'bpmn:SubProcess')) {
    parts.push(...dueIn(ctx));
  } else if (is(bo, 'bpmn:Lane')) {
    parts.push(candidateGroupsEditor(ctx));
  } else if (is(bo, 'bpmn:SequenceFlow')) {
    parts.push(...flow(ctx));
  }
  if (is(bo, 'bpmn:IntermediateCatchEvent') || is(bo, 'bpmn:BoundaryEvent')) {
    const definition = bo.eventDefinitions?.[0];
    if (is(definition, 'bpmn:TimerEventDefinition')) {
      parts.push(...timer(ctx, definition));
    } else if (is(definition, 'bpmn:MessageEventDefinition')) {
      parts.push(...message(ctx, definition));
    }
  }
  if (MI_HOSTS.some((type) => is(bo, type))) {
    parts.push(...multiInstance(ctx));
  }
  if (is(bo, 'bpmn:FlowNode')) {
    parts.push(dossierStatus(ctx));
  }
  return parts;
}

const psb = (ctx, name) => ctx.bo.get('psb:' + name);
const setPsb = (ctx, name, value) => ctx.update({ ['psb:' + name]: value === '' ? undefined : value });

function assignee(ctx) {
  return feelField(ctx, {
    key: 'assignee', label: ctx.t('field.assignee'), value: psb(ctx, 'assignee'), hint: ctx.t('hint.assignee'),
    placeholder: '= receivedBy', testid: 'prop-assignee', onCommit: (value) => setPsb(ctx, 'assignee', value.trim()),
  });
}

function form(ctx) {
  const { t, options } = ctx;
  const choices = [{ value: '', text: t('choice.none') }, ...options.forms.map((f) => ({ value: f.key, text: `${f.title} (${f.key})` }))];
  const binding = psb(ctx, 'formBinding') ?? '';
  const version = /^version:(\d+)$/.exec(binding)?.[1];
  const fields = [
    selectField(ctx, { key: 'formKey', label: t('field.form'), value: psb(ctx, 'formKey'), choices, testid: 'prop-form', onCommit: (value) => setPsb(ctx, 'formKey', value) }),
  ];
  if (psb(ctx, 'formKey')) {
    fields.push(selectField(ctx, {
      key: 'formBinding', label: t('field.form-binding'), value: version ? 'version' : binding, testid: 'prop-form-binding',
      choices: [{ value: '', text: t('binding.deployment') }, { value: 'latest', text: t('binding.latest') }, { value: 'version', text: t('binding.version') }],
      onCommit: (value) => setPsb(ctx, 'formBinding', value === 'version' ? 'version:1' : value),
    }));
    if (version) {
      fields.push(numberField(ctx, {
        key: 'formVersion', label: t('field.form-version'), value: version, min: 1, testid: 'prop-form-version',
        onCommit: (value) => setPsb(ctx, 'formBinding', value ? `version:${value}` : undefined),
      }));
    }
  }
  return fields;
}

function outcomes(ctx) {
  const value = psb(ctx, 'outcomes') ?? '';
  const items = value.split(',').map((o) => o.trim()).filter(Boolean);
  const field = textField(ctx, {
    key: 'outcomes', label: ctx.t('field.outcomes'), value, hint: ctx.t('hint.outcomes'), placeholder: 'accept,refuse', testid: 'prop-outcomes',
    validate: (text) => {
      const list = text.split(',').map((o) => o.trim()).filter(Boolean);
      return list.some((o) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(o)) || new Set(list).size !== list.length ? ctx.t('error.outcomes') : null;
    },
    onCommit: (text) => setPsb(ctx, 'outcomes', text.split(',').map((o) => o.trim()).filter(Boolean).join(',')),
  });
  if (items.length > 0) {
    field.append(el('ul', { class: 'psb-chips', 'aria-label': ctx.t('field.outcomes') }, items.map((item) => el('li', { class: 'psb-chip', text: item }))));
  }
  return [field];
}

function dueIn(ctx) {
  const { t } = ctx;
  const value = psb(ctx, 'dueIn');
  const parts = splitDueIn(value);
  const fields = [];
  if (value && !parts) {
    // A duration the simple editor cannot show (e.g. P1DT4H) is edited as text.
    fields.push(textField(ctx, {
      key: 'dueIn', label: t('field.due-in-text'), value, testid: 'prop-due-in-text',
      validate: (text) => (text === '' || isDuration(text.trim(), true) ? null : t('error.duration')),
      onCommit: (text) => setPsb(ctx, 'dueIn', text.trim()),
    }));
  } else {
    const unit = parts?.unit ?? 'days';
    const group = el('fieldset', { class: 'psb-group psb-due-in' }, el('legend', { text: t('field.due-in') }));
    group.append(
      numberField(ctx, {
        key: 'dueInAmount', label: t('field.due-in-amount'), value: parts?.amount, min: 1, max: 9999, testid: 'prop-due-in-amount',
        onCommit: (amount) => setPsb(ctx, 'dueIn', amount ? joinDueIn(amount, unit) : undefined),
      }),
      selectField(ctx, {
        key: 'dueInUnit', label: t('field.due-in-unit'), value: unit, testid: 'prop-due-in-unit',
        choices: ['hours', 'days', 'weeks'].map((u) => ({ value: u, text: t('unit.' + u) })),
        onCommit: (newUnit) => parts && setPsb(ctx, 'dueIn', joinDueIn(parts.amount, newUnit ?? 'days')),
      }),
    );
    fields.push(group);
  }
  fields.push(calendar(ctx, 'field.calendar'));
  return fields;
}

function calendar(ctx, labelKey) {
  return selectField(ctx, {
    key: 'calendar', label: ctx.t(labelKey), value: psb(ctx, 'calendar') === 'calendar' ? 'calendar' : '', testid: 'prop-calendar',
    choices: [{ value: '', text: ctx.t('calendar.working') }, { value: 'calendar', text: ctx.t('calendar.calendar') }],
    onCommit: (value) => setPsb(ctx, 'calendar', value),
  });
}

function job(ctx) {
  const { t, options } = ctx;
  return [
    selectField(ctx, {
      key: 'type', label: t('field.handler'), value: psb(ctx, 'type'), testid: 'prop-handler',
      choices: [{ value: '', text: t('choice.choose') }, ...options.handlers.map((h) => ({ value: h, text: h }))],
      onCommit: (value) => setPsb(ctx, 'type', value),
    }),
    numberField(ctx, {
      key: 'retries', label: t('field.retries'), value: psb(ctx, 'retries'), min: 0, max: 100, placeholder: '3', hint: t('hint.retries'), testid: 'prop-retries',
      onCommit: (value) => setPsb(ctx, 'retries', value),
    }),
  ];
}

// messageHolder: the receiveTask itself or the event's messageEventDefinition (both have messageRef).
function message(ctx, messageHolder) {
  const { t } = ctx;
  const current = messageHolder.messageRef;
  return [
    textField(ctx, {
      key: 'messageName', label: t('field.message'), value: current?.name, hint: t('hint.message'), testid: 'prop-message',
      validate: (text) => (text.trim() ? null : t('error.required')),
      onCommit: (text) => setMessageName(ctx, messageHolder, text.trim()),
    }),
    feelField(ctx, {
      key: 'correlationKey', label: t('field.correlation-key'), value: psb(ctx, 'correlationKey'), placeholder: '= dossierId', testid: 'prop-correlation-key',
      onCommit: (value) => setPsb(ctx, 'correlationKey', value.trim()),
    }),
  ];
}

function setMessageName(ctx, holder, name) {
  const definitions = ctx.modeler.getDefinitions();
  const existing = definitions.rootElements.find((e) => is(e, 'bpmn:Message') && e.name === name);
  const apply = (messageElement) => (holder === ctx.bo ? ctx.update({ messageRef: messageElement }) : ctx.updateModdle(holder, { messageRef: messageElement }));
  if (existing) {
    apply(existing);
    return;
  }
  ctx.batch(() => {
    const created = ctx.moddle.create('bpmn:Message', { name });
    created.id = ctx.moddle.ids.nextPrefixed('Message_', created);
    ctx.updateModdle(definitions, { rootElements: [...definitions.rootElements, created] });
    created.$parent = definitions;
    apply(created);
  });
}

function timer(ctx, definition) {
  const { t } = ctx;
  const kinds = ['timeDuration', 'timeDate', 'timeCycle'];
  const kind = kinds.find((k) => definition[k]) ?? 'timeDuration';
  const value = definition[kind]?.body ?? '';
  const validators = { timeDuration: isDuration, timeDate: isDateTime, timeCycle: isCycle };
  const write = (newKind, text) => {
    const expression = text ? ctx.moddle.create('bpmn:FormalExpression', { body: text }) : undefined;
    ctx.updateModdle(definition, Object.fromEntries(kinds.map((k) => [k, k === newKind ? expression : undefined])));
  };
  return [
    selectField(ctx, {
      key: 'timerKind', label: t('field.timer-kind'), value: kind, testid: 'prop-timer-kind',
      choices: kinds.map((k) => ({ value: k, text: t('timer.' + k) })),
      onCommit: (newKind) => write(newKind ?? 'timeDuration', value),
    }),
    textField(ctx, {
      key: 'timerValue', label: t('field.timer-value'), value, hint: t('hint.' + kind), testid: 'prop-timer-value',
      validate: (text) => (text.trim() === '' || text.trim().startsWith('=') || validators[kind](text.trim()) ? null : t('error.' + kind)),
      onCommit: (text) => write(kind, text.trim()),
    }),
    calendar(ctx, 'field.timer-calendar'),
  ];
}

function flow(ctx) {
  const { t, bo, element } = ctx;
  const source = element.source;
  if (!source || !is(source, 'bpmn:ExclusiveGateway')) {
    return [el('p', { class: 'psb-hint', text: t('hint.flow-no-condition') })];
  }
  const isDefault = source.businessObject.default === bo;
  const fields = [
    checkboxField(ctx, {
      key: 'default', label: t('field.default-flow'), checked: isDefault, testid: 'prop-default-flow',
      onCommit: (checked) => ctx.modeler.get('modeling').updateProperties(source, { default: checked ? bo : undefined }),
    }),
  ];
  if (!isDefault) {
    fields.push(feelField(ctx, {
      key: 'condition', label: t('field.condition'), value: bo.conditionExpression?.body, placeholder: '= outcome = "accept"', testid: 'prop-condition',
      onCommit: (text) => ctx.update({
        conditionExpression: text.trim() ? ctx.moddle.create('bpmn:FormalExpression', { body: text.trim() }) : undefined,
      }),
    }));
  }
  return fields;
}

function call(ctx) {
  const { t, options, bo } = ctx;
  const binding = psb(ctx, 'binding') ?? '';
  const fields = [
    selectField(ctx, {
      key: 'calledElement', label: t('field.called-process'), value: bo.calledElement, testid: 'prop-called-process',
      choices: [{ value: '', text: t('choice.choose') }, ...options.processes.map((p) => ({ value: p, text: p }))],
      onCommit: (value) => ctx.update({ calledElement: value }),
    }),
    selectField(ctx, {
      key: 'binding', label: t('field.call-binding'), value: binding, testid: 'prop-call-binding',
      choices: [{ value: '', text: t('call.latest') }, { value: 'deployment', text: t('call.deployment') }, { value: 'version', text: t('call.version') }],
      onCommit: (value) => ctx.update({ 'psb:binding': value, 'psb:version': value === 'version' ? psb(ctx, 'version') ?? '1' : undefined }),
    }),
  ];
  if (binding === 'version') {
    fields.push(numberField(ctx, {
      key: 'version', label: t('field.call-version'), value: psb(ctx, 'version'), min: 1, testid: 'prop-call-version',
      onCommit: (value) => setPsb(ctx, 'version', value),
    }));
  }
  return fields;
}

function multiInstance(ctx) {
  const { t, bo } = ctx;
  const mi = is(bo.loopCharacteristics, 'bpmn:MultiInstanceLoopCharacteristics') ? bo.loopCharacteristics : null;
  const mode = mi ? (mi.isSequential ? 'sequential' : 'parallel') : '';
  const fields = [
    selectField(ctx, {
      key: 'multiInstance', label: t('field.multi-instance'), value: mode, testid: 'prop-multi-instance',
      choices: [{ value: '', text: t('mi.none') }, { value: 'parallel', text: t('mi.parallel') }, { value: 'sequential', text: t('mi.sequential') }],
      onCommit: (value) => {
        if (!value) {
          ctx.update({ loopCharacteristics: undefined });
        } else if (mi) {
          ctx.updateModdle(mi, { isSequential: value === 'sequential' });
        } else {
          ctx.update({ loopCharacteristics: ctx.moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: value === 'sequential' }) });
        }
      },
    }),
  ];
  if (mi) {
    fields.push(
      feelField(ctx, {
        key: 'collection', label: t('field.collection'), value: mi.get('psb:collection'), placeholder: '= consultedAgencies', testid: 'prop-collection',
        onCommit: (value) => ctx.updateModdle(mi, { 'psb:collection': value.trim() || undefined }),
      }),
      textField(ctx, {
        key: 'elementVariable', label: t('field.element-variable'), value: mi.get('psb:elementVariable'), placeholder: 'agency', testid: 'prop-element-variable',
        validate: (text) => (text === '' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.trim()) ? null : t('error.variable')),
        onCommit: (value) => ctx.updateModdle(mi, { 'psb:elementVariable': value.trim() || undefined }),
      }),
    );
  }
  return fields;
}

function dossierStatus(ctx) {
  const { t, options } = ctx;
  const statuses = options.statuses.length > 0
    ? options.statuses.map((s) => ({ value: String(s.code), text: `${s.code} – ${s.name}` }))
    : Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), text: String(i + 1) }));
  return selectField(ctx, {
    key: 'dossierStatus', label: t('field.dossier-status'), value: psb(ctx, 'dossierStatus'), hint: t('hint.dossier-status'), testid: 'prop-dossier-status',
    choices: [{ value: '', text: t('choice.unchanged') }, ...statuses],
    onCommit: (value) => setPsb(ctx, 'dossierStatus', value),
  });
}
