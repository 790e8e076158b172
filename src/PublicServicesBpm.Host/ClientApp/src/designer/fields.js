// Form controls of the properties panel. Every control has a <label>; hints and errors are tied with
// aria-describedby, errors also set aria-invalid. Text controls commit on "change" (blur or Enter), so one edit is
// one command on the modeler's command stack (one undo step), not one per key stroke.
import { el, option, describe, setError, nextId, debounce } from './dom.js';

function wrap(ctx, { key, label, hint, testid }, control) {
  control.id ||= nextId('psb-field');
  control.dataset.field = key;
  if (testid) {
    control.dataset.testid = testid;
  }
  const hintParagraph = hint ? el('p', { class: 'psb-hint', text: hint }) : null;
  const error = el('p', { class: 'psb-error', hidden: true });
  describe(control, hintParagraph, error);
  const wrapper = el('div', { class: 'psb-field' }, el('label', { for: control.id, text: label }), control, hintParagraph, error);
  return { wrapper, error };
}

export function textField(ctx, spec) {
  const control = spec.multiline
    ? el('textarea', { rows: 2, spellcheck: 'false' })
    : el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: spec.placeholder });
  control.value = spec.value ?? '';
  control.readOnly = Boolean(spec.readonly);
  const { wrapper, error } = wrap(ctx, spec, control);
  const check = () => {
    const message = spec.validate ? spec.validate(control.value) : null;
    setError(control, error, message);
    return !message;
  };
  if (!spec.readonly) {
    control.addEventListener('input', check);
    control.addEventListener('change', () => {
      if (check() && control.value !== (spec.value ?? '')) {
        spec.onCommit(control.value);
      }
    });
  }
  if (spec.value) {
    check();
  }
  return wrapper;
}

export function numberField(ctx, spec) {
  const control = el('input', { type: 'number', inputmode: 'numeric', min: spec.min, max: spec.max, step: 1, placeholder: spec.placeholder });
  control.value = spec.value ?? '';
  const { wrapper, error } = wrap(ctx, spec, control);
  control.addEventListener('change', () => {
    const text = control.value.trim();
    const number = Number(text);
    const invalid = text !== '' && (!Number.isInteger(number) || (spec.min !== undefined && number < spec.min) || (spec.max !== undefined && number > spec.max));
    setError(control, error, invalid ? ctx.t('error.number-range', spec.min ?? '', spec.max ?? '') : null);
    if (!invalid) {
      spec.onCommit(text === '' ? undefined : String(number));
    }
  });
  return wrapper;
}

export function selectField(ctx, spec) {
  const control = el('select');
  const choices = [...spec.choices];
  const current = spec.value ?? '';
  if (current !== '' && !choices.some((c) => c.value === current)) {
    choices.push({ value: current, text: ctx.t('panel.unknown-choice', current) });
  }
  for (const choice of choices) {
    control.append(option(choice.value, choice.text, choice.value === current));
  }
  const { wrapper } = wrap(ctx, spec, control);
  control.addEventListener('change', () => spec.onCommit(control.value === '' ? undefined : control.value));
  return wrapper;
}

export function checkboxField(ctx, spec) {
  const control = el('input', { type: 'checkbox', checked: Boolean(spec.checked) });
  const { wrapper } = wrap(ctx, spec, control);
  wrapper.classList.add('psb-field-checkbox');
  control.addEventListener('change', () => spec.onCommit(control.checked));
  return wrapper;
}

/** A FEEL expression: checked by the server (POST data-feel-url) 400 ms after the last key stroke. */
export function feelField(ctx, spec) {
  const control = el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: spec.placeholder, class: 'psb-feel' });
  control.value = spec.value ?? '';
  const { wrapper, error } = wrap(ctx, { ...spec, hint: spec.hint ?? ctx.t('feel.hint') }, control);
  const ok = el('p', { class: 'psb-feel-ok', hidden: true });
  wrapper.insertBefore(ok, error);
  describe(control, ok);
  const show = (text, result) => {
    if (control.value !== text) {
      return; // an older answer
    }
    if (!result) {
      setError(control, error, null);
      ok.hidden = true;
    } else if (result.valid) {
      setError(control, error, null);
      ok.textContent = ctx.t('feel.valid');
      ok.hidden = false;
    } else {
      ok.hidden = true;
      const where = result.position === null || result.position === undefined ? '' : ctx.t('feel.position', result.position);
      setError(control, error, ctx.t('feel.invalid', result.message ?? '', where).trim());
    }
  };
  const check = debounce(async () => {
    const text = control.value;
    show(text, text.trim() === '' || text.trim() === '=' ? null : await ctx.checkFeel(text));
  }, 400);
  control.addEventListener('input', check);
  control.addEventListener('change', () => {
    if (control.value !== (spec.value ?? '')) {
      spec.onCommit(control.value);
    }
  });
  if (control.value.trim()) {
    ctx.checkFeel(control.value).then((result) => show(control.value, result));
  }
  return wrapper;
}

/** A read-only list of short codes (outcomes, candidate groups) shown as chips. */
export function chipList(items, label, onRemove, removeLabel) {
  const list = el('ul', { class: 'psb-chips', 'aria-label': label });
  for (const item of items) {
    const chip = el('li', { class: 'psb-chip' }, el('span', { text: item.text }));
    if (onRemove) {
      chip.append(el('button', {
        type: 'button', class: 'psb-chip-remove', 'aria-label': removeLabel(item), title: removeLabel(item), text: '×',
        dataset: { testid: 'chip-remove' }, onclick: () => onRemove(item),
      }));
    }
    list.append(chip);
  }
  return list;
}
