// psb:candidateGroups editor for user tasks and lanes: role codes (optionally "@agency") chosen from the options,
// several allowed, or a FEEL expression ("=..."). Lane defaults are shown for tasks that leave the field empty.
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { el, option, nextId } from './dom.js';
import { feelField, chipList } from './fields.js';

const DOSSIER_AGENCY = '{agency}';

export function candidateGroupsEditor(ctx) {
  const { t, options, bo } = ctx;
  const value = bo.get('psb:candidateGroups') ?? '';
  const feel = value.trim().startsWith('=');
  const set = (text) => ctx.update({ 'psb:candidateGroups': text ? text : undefined });
  const group = el('fieldset', { class: 'psb-group psb-candidate-groups', dataset: { testid: 'prop-candidate-groups' } },
    el('legend', { text: t('field.candidate-groups') }));

  const modeId = nextId('psb-field');
  const mode = el('select', { id: modeId, dataset: { field: 'candidateGroupsMode', testid: 'prop-candidate-groups-mode' } },
    option('list', t('groups.mode-list'), !feel), option('feel', t('groups.mode-feel'), feel));
  mode.addEventListener('change', () => set(mode.value === 'feel' ? '=' : ''));
  group.append(el('div', { class: 'psb-field' }, el('label', { for: modeId, text: t('groups.mode') }), mode));

  if (feel) {
    group.append(feelField(ctx, {
      key: 'candidateGroupsFeel', label: t('groups.expression'), value, testid: 'prop-candidate-groups-feel',
      onCommit: (text) => set(text.trim().startsWith('=') ? text.trim() : '=' + text.trim()),
    }));
    return group;
  }

  const codes = value.split(',').map((g) => g.trim()).filter(Boolean);
  if (codes.length > 0) {
    group.append(chipList(codes.map((code) => ({ code, text: describeGroup(ctx, code) })), t('groups.chosen'),
      (item) => set(codes.filter((c) => c !== item.code).join(',')), (item) => t('groups.remove', item.text)));
  } else {
    const laneGroups = is(bo, 'bpmn:UserTask') ? laneDefault(ctx.modeler, bo) : null;
    group.append(el('p', { class: 'psb-hint', text: laneGroups ? t('groups.from-lane', laneGroups.lane, laneGroups.groups) : t('groups.none') }));
  }

  const roleId = nextId('psb-field');
  const agencyId = nextId('psb-field');
  const role = el('select', { id: roleId, dataset: { field: 'groupRole', testid: 'prop-group-role' } },
    option('', t('choice.choose'), true), options.roles.map((r) => option(r.code, `${r.name} (${r.code})`)));
  const agency = el('select', { id: agencyId, dataset: { field: 'groupAgency', testid: 'prop-group-agency' } },
    option('', t('groups.any-agency'), true), option(DOSSIER_AGENCY, t('groups.dossier-agency')),
    options.agencies.map((a) => option(a.code, `${a.name} (${a.code})`)));
  const add = el('button', {
    type: 'button', class: 'psb-button', text: t('groups.add'), dataset: { field: 'groupAdd', testid: 'prop-group-add' },
    onclick: () => {
      if (!role.value) {
        role.focus();
        return;
      }
      const code = agency.value ? `${role.value}@${agency.value}` : role.value;
      if (!codes.includes(code)) {
        set([...codes, code].join(','));
      }
    },
  });
  group.append(
    el('div', { class: 'psb-field' }, el('label', { for: roleId, text: t('groups.role') }), role),
    el('div', { class: 'psb-field' }, el('label', { for: agencyId, text: t('groups.agency') }), agency),
    add,
  );
  return group;
}

function describeGroup(ctx, code) {
  const [roleCode, agencyCode] = code.split('@');
  const role = ctx.options.roles.find((r) => r.code === roleCode)?.name ?? roleCode;
  if (!agencyCode) {
    return role;
  }
  const agency = agencyCode === DOSSIER_AGENCY ? ctx.t('groups.dossier-agency') : ctx.options.agencies.find((a) => a.code === agencyCode)?.name ?? agencyCode;
  return `${role} @ ${agency}`;
}

function laneDefault(modeler, bo) {
  const definitions = modeler.getDefinitions();
  let found = null;
  const visit = (laneSets, inherited) => {
    for (const laneSet of laneSets) {
      for (const lane of laneSet.lanes ?? []) {
        const groups = lane.get('psb:candidateGroups') || inherited?.groups;
        const current = groups ? { lane: lane.name || lane.id, groups } : inherited;
        if ((lane.flowNodeRef ?? []).includes(bo) && current) {
          found = current;
        }
        if (lane.childLaneSet) {
          visit([lane.childLaneSet], current);
        }
      }
    }
  };
  for (const process of (definitions?.rootElements ?? []).filter((e) => is(e, 'bpmn:Process'))) {
    visit(process.laneSets ?? [], null);
  }
  return found;
}
