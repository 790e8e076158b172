// Live lint in the browser: the main rules of the server's validator (src/PublicServicesBpm.Engine/Bpmn/*Rules.cs,
// BpmnValidator.cs, the readers' psb checks) with the same problem codes, run over the moddle tree of the diagram.
// The server stays the authority; this only tells the author early. Each problem is
// { elementId, elementType, code, severity, key, args }: the message is the page text "lint.<key>" formatted with args.
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { isDuration, isDateTime, isCycle } from './iso.js';

const GATEWAYS = ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:EventBasedGateway'];
const DOCUMENTARY = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'];
const UNSUPPORTED = ['bpmn:InclusiveGateway', 'bpmn:ComplexGateway', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask', 'bpmn:Transaction',
  'bpmn:AdHocSubProcess', 'bpmn:IntermediateThrowEvent', 'bpmn:ChoreographyActivity'];
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GROUP = /^[A-Za-z0-9][A-Za-z0-9._-]*(@(\{[A-Za-z_][A-Za-z0-9_.]*\}|[A-Za-z0-9][A-Za-z0-9._-]*))?$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * @param {object} definitions the bpmn:Definitions moddle element
 * @param {object|null} options GET /api/v1/designer/options (null: skip form/handler/process checks)
 */
export function lint(definitions, options) {
  const problems = [];
  const add = (severity, code, element, key, ...args) => problems.push({
    elementId: element?.id ?? null, elementType: typeName(element), code, severity, key, args, source: 'client',
  });
  const processes = (definitions?.rootElements ?? []).filter((e) => is(e, 'bpmn:Process'));
  const executable = processes.filter((p) => p.isExecutable);
  if (executable.length === 0) {
    add('error', 'no-executable-process', definitions, 'no-executable-process');
  }
  const laneGroups = new Map();
  for (const process of executable) {
    collectLaneGroups(process.laneSets ?? [], undefined, laneGroups);
    checkScope(process, 'process', add, laneGroups, options, processes);
  }
  return problems;
}

function collectLaneGroups(laneSets, inherited, map) {
  for (const laneSet of laneSets) {
    for (const lane of laneSet.lanes ?? []) {
      const groups = lane.get('psb:candidateGroups') || inherited;
      for (const node of lane.flowNodeRef ?? []) {
        if (groups) {
          map.set(node.id, groups);
        }
      }
      if (lane.childLaneSet) {
        collectLaneGroups([lane.childLaneSet], groups, map);
      }
    }
  }
}

function checkScope(scope, scopeType, add, laneGroups, options, processes) {
  const elements = scope.flowElements ?? [];
  const flows = elements.filter((e) => is(e, 'bpmn:SequenceFlow'));
  const nodes = elements.filter((e) => is(e, 'bpmn:FlowNode') && !DOCUMENTARY.some((t) => is(e, t)));
  const ids = new Set(nodes.map((n) => n.id));
  const outgoing = new Map(nodes.map((n) => [n.id, []]));
  const incoming = new Map(nodes.map((n) => [n.id, []]));
  for (const flow of flows) {
    const source = flow.sourceRef?.id;
    const target = flow.targetRef?.id;
    if (ids.has(source) && ids.has(target)) {
      outgoing.get(source).push(flow);
      incoming.get(target).push(flow);
    } else {
      add('error', 'flow-reference', flow, 'flow-reference');
    }
    if (is(flow.targetRef, 'bpmn:StartEvent') || is(flow.targetRef, 'bpmn:BoundaryEvent')) {
      add('error', 'flow-direction', flow, 'flow-direction-in');
    }
    if (is(flow.sourceRef, 'bpmn:EndEvent')) {
      add('error', 'flow-direction', flow, 'flow-direction-out');
    }
  }

  const unsupported = new Set(nodes.filter((n) => isUnsupported(n)).map((n) => n.id));
  const starts = nodes.filter((n) => is(n, 'bpmn:StartEvent'));
  if (starts.length !== 1) {
    add('error', 'start-event-count', scope, scopeType === 'process' ? 'start-event-count' : 'start-event-count-sub', starts.length);
  }

  for (const node of nodes) {
    checkNode(node, add, laneGroups, options, processes, unsupported.has(node.id));
    const out = outgoing.get(node.id);
    if (out.length > 1 && !GATEWAYS.some((t) => is(node, t)) && !unsupported.has(node.id)) {
      add('error', 'implicit-split', node, 'implicit-split', out.length);
    }
    if (!unsupported.has(node.id) && !is(node, 'bpmn:StartEvent') && !is(node, 'bpmn:BoundaryEvent') && incoming.get(node.id).length === 0) {
      add('error', 'unreachable', node, 'unreachable');
    }
  }

  // Reachability of an end event, as the server: dead ends are reported once, at the dead end.
  const deadEnds = nodes.filter((n) => !is(n, 'bpmn:EndEvent') && outgoing.get(n.id).length === 0);
  for (const node of deadEnds.filter((n) => !unsupported.has(n.id))) {
    add('error', 'no-path-to-end', node, 'no-outgoing');
  }
  const predecessors = new Map(nodes.map((n) => [n.id, incoming.get(n.id).map((f) => f.sourceRef.id)]));
  for (const boundary of nodes.filter((n) => is(n, 'bpmn:BoundaryEvent') && n.cancelActivity !== false && ids.has(n.attachedToRef?.id))) {
    predecessors.get(boundary.id).push(boundary.attachedToRef.id);
  }
  const canFinish = reach([...nodes.filter((n) => is(n, 'bpmn:EndEvent')), ...deadEnds].map((n) => n.id), predecessors);
  for (const node of nodes.filter((n) => !unsupported.has(n.id) && !canFinish.has(n.id))) {
    add('error', 'no-path-to-end', node, 'no-path-to-end');
  }

  for (const gateway of nodes.filter((n) => is(n, 'bpmn:ExclusiveGateway'))) {
    const out = outgoing.get(gateway.id);
    for (const flow of out) {
      const isDefault = gateway.default === flow;
      if (isDefault && flow.conditionExpression) {
        add('warning', 'condition', flow, 'condition-on-default');
      } else if (!isDefault && !hasCondition(flow) && out.length > 1) {
        add('error', 'condition', flow, 'condition-missing', gateway.name || gateway.id);
      }
    }
  }
  for (const flow of flows.filter((f) => f.conditionExpression && !is(f.sourceRef, 'bpmn:ExclusiveGateway') && !isUnsupported(f.sourceRef))) {
    add('error', 'condition', flow, 'condition-misplaced');
  }

  for (const sub of nodes.filter((n) => is(n, 'bpmn:SubProcess') && !unsupported.has(n.id))) {
    checkScope(sub, 'subProcess', add, laneGroups, options, processes);
  }
}

function reach(starts, edges) {
  const seen = new Set();
  const pending = [...starts];
  while (pending.length > 0) {
    const id = pending.pop();
    if (seen.has(id) || !edges.has(id)) {
      continue;
    }
    seen.add(id);
    pending.push(...edges.get(id));
  }
  return seen;
}

function isUnsupported(node) {
  return UNSUPPORTED.some((t) => is(node, t)) || (is(node, 'bpmn:SubProcess') && node.triggeredByEvent);
}

const SUPPORTED_DEFINITIONS = {
  'bpmn:StartEvent': [],
  'bpmn:EndEvent': ['bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition'],
  'bpmn:IntermediateCatchEvent': ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition'],
};

function checkNode(node, add, laneGroups, options, processes, unsupported) {
  if (unsupported) {
    add('error', 'unsupported-element', node, 'unsupported-element', typeName(node));
    return;
  }
  if (is(node, 'bpmn:Activity') && is(node.loopCharacteristics, 'bpmn:StandardLoopCharacteristics')) {
    add('error', 'unsupported-element', node, 'standard-loop');
  }
  checkEvent(node, add);
  checkDossierStatus(node, add);
  if (is(node, 'bpmn:UserTask')) {
    checkUserTask(node, add, laneGroups, options);
  } else if (is(node, 'bpmn:StartEvent')) {
    checkForm(node, add, options);
  } else if (is(node, 'bpmn:ServiceTask') || is(node, 'bpmn:SendTask')) {
    checkJob(node, add, options);
  } else if (is(node, 'bpmn:ReceiveTask')) {
    checkCorrelation(node, add);
  } else if (is(node, 'bpmn:CallActivity')) {
    checkCall(node, add, options, processes);
  } else if (is(node, 'bpmn:SubProcess')) {
    checkDueIn(node, add);
  } else if (node.$type === 'bpmn:Task') {
    add('warning', 'plain-task', node, 'plain-task');
  }
  checkMultiInstance(node, add);
}

function checkEvent(node, add) {
  const allowed = Object.entries(SUPPORTED_DEFINITIONS).find(([type]) => is(node, type))?.[1];
  if (!allowed) {
    return;
  }
  const definitions = node.eventDefinitions ?? [];
  if (definitions.length > 1) {
    add('error', 'event-definition', node, 'event-definition-several');
    return;
  }
  const definition = definitions[0];
  if (!definition) {
    if (is(node, 'bpmn:IntermediateCatchEvent') || is(node, 'bpmn:BoundaryEvent')) {
      add('error', 'event-definition', node, 'event-definition-missing');
    }
    return;
  }
  if (!allowed.includes(definition.$type)) {
    add('error', 'event-definition', node, 'event-definition-unsupported', definition.$type.replace('bpmn:', ''));
    return;
  }
  if (is(definition, 'bpmn:TimerEventDefinition')) {
    checkTimer(node, definition, add);
  } else if (is(definition, 'bpmn:MessageEventDefinition')) {
    checkCorrelation(node, add);
  }
}

function checkTimer(node, definition, add) {
  const present = ['timeDuration', 'timeDate', 'timeCycle'].filter((k) => definition[k]);
  if (present.length !== 1) {
    add('error', 'timer', node, 'timer-count');
    return;
  }
  const text = (definition[present[0]].body ?? '').trim();
  if (!text) {
    add('error', 'timer', node, 'timer-empty');
    return;
  }
  const valid = text.startsWith('=') || { timeDuration: isDuration, timeDate: isDateTime, timeCycle: isCycle }[present[0]](text);
  if (!valid) {
    add('error', 'timer', node, 'timer-' + present[0], text);
  }
}

function checkCorrelation(node, add) {
  const messageRef = is(node, 'bpmn:ReceiveTask') ? node.messageRef : node.eventDefinitions?.[0]?.messageRef;
  if (!messageRef || !messageRef.name) {
    add('error', 'reference', node, 'message-missing');
  }
  if (!(node.get('psb:correlationKey') ?? '').trim()) {
    add('warning', 'no-correlation-key', node, 'no-correlation-key');
  }
}

function checkDossierStatus(node, add) {
  const value = node.get('psb:dossierStatus');
  if (value !== undefined && !/^([1-9]|10)$/.test(value.trim())) {
    add('error', 'extension-attribute', node, 'dossier-status', value);
  }
}

function checkUserTask(node, add, laneGroups, options) {
  const groups = (node.get('psb:candidateGroups') ?? '').trim();
  const assignee = (node.get('psb:assignee') ?? '').trim();
  if (!groups && !assignee && !laneGroups.has(node.id)) {
    add('warning', 'no-candidate-groups', node, 'no-candidate-groups');
  }
  if (groups && !groups.startsWith('=') && groups.split(',').map((g) => g.trim()).some((g) => !GROUP.test(g))) {
    add('error', 'extension-attribute', node, 'candidate-groups', groups);
  }
  const outcomes = node.get('psb:outcomes');
  if (outcomes !== undefined) {
    const list = outcomes.split(',').map((o) => o.trim());
    if (list.some((o) => !KEY.test(o)) || new Set(list).size !== list.length) {
      add('error', 'extension-attribute', node, 'outcomes', outcomes);
    }
  }
  checkForm(node, add, options);
  checkDueIn(node, add);
}

function checkForm(node, add, options) {
  const key = node.get('psb:formKey');
  if (key === undefined) {
    return;
  }
  if (!KEY.test(key.trim())) {
    add('error', 'extension-attribute', node, 'form-key', key);
  } else if (options && !(options.forms ?? []).some((f) => f.key === key.trim())) {
    add('error', 'missing-form', node, 'missing-form', key);
  }
  const binding = node.get('psb:formBinding');
  if (binding !== undefined && !/^(deployment|latest|version:[1-9]\d*)$/.test(binding.trim())) {
    add('error', 'extension-attribute', node, 'form-binding', binding);
  }
}

function checkDueIn(node, add) {
  const dueIn = node.get('psb:dueIn');
  if (dueIn !== undefined && !isDuration(dueIn.trim(), true)) {
    add('error', 'extension-attribute', node, 'due-in', dueIn);
  }
  const calendar = node.get('psb:calendar');
  if (calendar !== undefined && !['working', 'calendar'].includes(calendar.trim())) {
    add('error', 'extension-attribute', node, 'calendar', calendar);
  }
}

function checkJob(node, add, options) {
  const type = (node.get('psb:type') ?? '').trim();
  if (!type) {
    add('error', 'extension-attribute', node, 'handler-required');
  } else if (options && !(options.handlers ?? []).includes(type)) {
    add('error', 'missing-handler', node, 'missing-handler', type);
  }
  const retries = node.get('psb:retries');
  if (retries !== undefined && !(/^\d+$/.test(retries.trim()) && Number(retries) <= 100)) {
    add('error', 'extension-attribute', node, 'retries', retries);
  }
}

function checkCall(node, add, options, processes) {
  const called = (node.calledElement ?? '').trim();
  if (!called) {
    add('error', 'reference', node, 'called-element-missing');
  } else if (options && !called.startsWith('=') && !(options.processes ?? []).includes(called)
    && !processes.some((p) => p.id === called && p.isExecutable)) {
    add('error', 'missing-called-process', node, 'missing-called-process', called);
  }
  if (node.get('psb:binding') === 'version' && !/^[1-9]\d*$/.test((node.get('psb:version') ?? '').trim())) {
    add('error', 'extension-attribute', node, 'call-version');
  }
}

function checkMultiInstance(node, add) {
  const mi = node.loopCharacteristics;
  if (!is(mi, 'bpmn:MultiInstanceLoopCharacteristics')) {
    return;
  }
  if (!['bpmn:UserTask', 'bpmn:CallActivity', 'bpmn:SubProcess'].some((t) => is(node, t))) {
    add('error', 'multi-instance', node, 'multi-instance-host');
  }
  if (!(mi.get('psb:collection') ?? '').trim()) {
    add('error', 'multi-instance', node, 'multi-instance-collection');
  }
  const variable = (mi.get('psb:elementVariable') ?? '').trim();
  if (!variable) {
    add('warning', 'multi-instance', node, 'multi-instance-variable');
  } else if (!IDENTIFIER.test(variable)) {
    add('error', 'extension-attribute', node, 'element-variable', variable);
  }
}

function hasCondition(flow) {
  return Boolean(flow.conditionExpression);
}

function typeName(element) {
  if (!element?.$type) {
    return 'definitions';
  }
  const local = element.$type.replace(/^bpmn:/, '');
  return local.charAt(0).toLowerCase() + local.slice(1);
}
