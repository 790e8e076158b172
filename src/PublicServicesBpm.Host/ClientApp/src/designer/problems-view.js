// Shows lint and server problems (a) as overlays at the element — a shape icon (✖ error, ▲ warning) and a word,
// so severity does not depend on colour — and (b) as a list of buttons that select and scroll to the element.
import { el } from './dom.js';

const OVERLAY_TYPE = 'psb-problem';

export class ProblemsView {
  constructor({ container, modeler, t, onShowElement }) {
    this.container = container;
    this.modeler = modeler;
    this.t = t;
    this.onShowElement = onShowElement;
    this.client = [];
    this.server = [];
    this.heading = el('h2', { class: 'psb-problems-heading', id: 'psb-problems-heading', tabindex: '-1', text: t('problems.heading') });
    this.summary = el('p', { class: 'psb-problems-summary', dataset: { testid: 'problems-summary' } });
    this.list = el('ul', { class: 'psb-problems-list', dataset: { testid: 'problem-list' }, 'aria-labelledby': 'psb-problems-heading' });
    container.replaceChildren(this.heading, this.summary, this.list);
  }

  setClient(problems) {
    this.client = problems;
    this.render();
  }

  setServer(problems) {
    this.server = (problems ?? []).map((p) => ({ ...p, source: 'server' }));
    this.render();
  }

  focus() {
    this.heading.focus();
  }

  all() {
    // A server finding the browser lint also reports (same element and code) is shown once, from the lint.
    const local = new Set(this.client.map((p) => `${p.elementId}|${p.code}`));
    const server = this.server.filter((p) => !local.has(`${p.elementId}|${p.code}`));
    const order = (p) => (p.severity === 'error' ? 0 : 1);
    return [...this.client, ...server].sort((a, b) => order(a) - order(b));
  }

  message(problem) {
    if (problem.source === 'client') {
      return this.t('lint.' + problem.key, ...problem.args);
    }
    return this.t.has('code.' + problem.code) ? this.t('code.' + problem.code) : problem.message;
  }

  render() {
    const t = this.t;
    const registry = this.modeler.get('elementRegistry');
    const overlays = this.modeler.get('overlays');
    overlays.remove({ type: OVERLAY_TYPE });
    const problems = this.all();
    const errors = problems.filter((p) => p.severity === 'error').length;
    this.summary.textContent = problems.length === 0 ? t('problems.none') : t('problems.count', errors, problems.length - errors);
    this.container.dataset.errors = String(errors);
    this.container.dataset.warnings = String(problems.length - errors);

    const byElement = new Map();
    const items = problems.map((problem) => {
      const element = problem.elementId ? registry.get(problem.elementId) : null;
      if (element) {
        byElement.set(element, [...(byElement.get(element) ?? []), problem]);
      }
      return this.item(problem, element);
    });
    this.list.replaceChildren(...items);
    for (const [element, list] of byElement) {
      this.overlay(overlays, element, list);
    }
  }

  item(problem, element) {
    const t = this.t;
    const severity = problem.severity === 'error' ? 'error' : 'warning';
    const name = element?.businessObject?.name || problem.elementId;
    const parts = [
      el('span', { class: `psb-severity psb-severity-${severity}`, 'aria-hidden': 'true', text: severity === 'error' ? '✖' : '▲' }),
      el('span', { class: 'psb-problem-kind', text: t('severity.' + severity) }),
      problem.source === 'server' ? el('span', { class: 'psb-problem-source', text: t('problems.server') }) : null,
      name ? el('span', { class: 'psb-problem-element', text: name }) : null,
      el('span', { class: 'psb-problem-message', text: this.message(problem) }),
    ];
    const attributes = {
      class: `psb-problem psb-problem-${severity}`,
      dataset: { testid: 'problem-item', code: problem.code, severity, source: problem.source, elementId: problem.elementId ?? '' },
    };
    if (!element) {
      return el('li', attributes, el('div', { class: 'psb-problem-body', title: problem.message ?? '' }, ...parts));
    }
    return el('li', attributes, el('button', {
      type: 'button', class: 'psb-problem-body', title: problem.source === 'server' ? problem.message : undefined,
      dataset: { testid: 'problem-button' }, onclick: () => this.onShowElement(element),
    }, ...parts));
  }

  overlay(overlays, element, problems) {
    const errors = problems.filter((p) => p.severity === 'error');
    const severity = errors.length > 0 ? 'error' : 'warning';
    const text = this.t(severity === 'error' ? 'overlay.errors' : 'overlay.warnings', severity === 'error' ? errors.length : problems.length);
    const html = el('div', {
      class: `psb-problem-overlay psb-problem-overlay-${severity}`,
      title: problems.map((p) => this.message(p)).join('\n'),
      dataset: { testid: 'problem-overlay', elementId: element.id, severity },
    }, el('span', { class: 'psb-severity', 'aria-hidden': 'true', text: severity === 'error' ? '✖' : '▲' }), el('span', { text }));
    const isConnection = Boolean(element.waypoints);
    overlays.add(element, OVERLAY_TYPE, {
      position: isConnection ? { top: -10, left: 0 } : { top: -14, right: 14 },
      html,
      show: { minZoom: 0.3 },
    });
  }
}
