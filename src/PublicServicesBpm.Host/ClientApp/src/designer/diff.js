// Compares two BPMN documents by element id over flow elements (sequence flows included, sub-processes
// recursed) and lanes: added, removed, and changed with what changed (name, type, psb attributes, condition,
// source/target, other attributes such as the default flow or the called process).
import { is } from 'bpmn-js/lib/util/ModelUtil';

const OTHER_ATTRIBUTES = ['calledElement', 'cancelActivity', 'attachedToRef', 'default', 'messageRef', 'isSequential', 'triggeredByEvent'];

export function collectElements(definitions) {
  const map = new Map();
  const visitScope = (scope) => {
    for (const element of scope.flowElements ?? []) {
      map.set(element.id, element);
      if (is(element, 'bpmn:SubProcess')) {
        visitScope(element);
      }
    }
    for (const laneSet of scope.laneSets ?? []) {
      visitLanes(laneSet);
    }
  };
  const visitLanes = (laneSet) => {
    for (const lane of laneSet.lanes ?? []) {
      map.set(lane.id, lane);
      if (lane.childLaneSet) {
        visitLanes(lane.childLaneSet);
      }
    }
  };
  for (const root of definitions?.rootElements ?? []) {
    if (is(root, 'bpmn:Process')) {
      visitScope(root);
    }
  }
  return map;
}

/** { added: [element], removed: [element], changed: [{ element, before, what: [string] }] } (elements of the newer side; removed from the older) */
export function compare(older, newer) {
  const before = collectElements(older);
  const after = collectElements(newer);
  const added = [...after.values()].filter((e) => !before.has(e.id));
  const removed = [...before.values()].filter((e) => !after.has(e.id));
  const changed = [];
  for (const element of after.values()) {
    const previous = before.get(element.id);
    if (previous) {
      const what = differences(previous, element);
      if (what.length > 0) {
        changed.push({ element, before: previous, what });
      }
    }
  }
  return { added, removed, changed };
}

function differences(a, b) {
  const what = [];
  if (signature(a) !== signature(b)) {
    what.push('type');
  }
  if ((a.name ?? '') !== (b.name ?? '')) {
    what.push('name');
  }
  const psbA = psbAttributes(a);
  const psbB = psbAttributes(b);
  for (const key of new Set([...Object.keys(psbA), ...Object.keys(psbB)])) {
    if (psbA[key] !== psbB[key]) {
      what.push('psb:' + key);
    }
  }
  if (is(a, 'bpmn:SequenceFlow')) {
    if ((a.conditionExpression?.body ?? '').trim() !== (b.conditionExpression?.body ?? '').trim()) {
      what.push('condition');
    }
    if (a.sourceRef?.id !== b.sourceRef?.id || a.targetRef?.id !== b.targetRef?.id) {
      what.push('source-target');
    }
  }
  if (timerText(a) !== timerText(b)) {
    what.push('timer');
  }
  for (const key of OTHER_ATTRIBUTES) {
    if (plain(a[key]) !== plain(b[key])) {
      what.push(key);
    }
  }
  return what;
}

function signature(element) {
  const definitions = (element.eventDefinitions ?? []).map((d) => d.$type).join('+');
  const loop = element.loopCharacteristics?.$type ?? '';
  return `${element.$type}|${definitions}|${loop}`;
}

function psbAttributes(element) {
  const result = {};
  const read = (holder, prefix = '') => {
    for (const property of holder?.$descriptor?.properties ?? []) {
      if (property.ns?.prefix === 'psb' && holder[property.name] !== undefined) {
        result[prefix + property.ns.localName] = String(holder[property.name]);
      }
    }
  };
  read(element);
  read(element.loopCharacteristics);
  return result;
}

function timerText(element) {
  const timer = (element.eventDefinitions ?? []).find((d) => is(d, 'bpmn:TimerEventDefinition'));
  if (!timer) {
    return '';
  }
  return ['timeDuration', 'timeDate', 'timeCycle'].map((k) => `${k}=${timer[k]?.body ?? ''}`).join('|');
}

function plain(value) {
  if (value && typeof value === 'object') {
    return value.name !== undefined && is(value, 'bpmn:Message') ? `message:${value.name}` : value.id;
  }
  return value === undefined ? undefined : String(value);
}
