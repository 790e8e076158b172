// sample-data: one plausible value per input field of a form-js schema, so that the preview shows a filled form.
//
// Keys follow form-js's data binding: a dotted key ("nguoiYeuCau.hoTen") is a nested path, a group with `path` nests
// its fields under that path, a dynamic list with `path` holds an array of items (defaultRepetitions of them) whose
// fields' keys are relative to the item. Fields without a value of their own (text, image, spacer, button,
// expression) and file pickers (a file cannot be sample data) are left out.
//
// The human texts (a person's name, an e-mail address, a phone number) come from the page (`samples`), not from here.

const namePattern = /(^|\.)(hoten\w*|hovaten\w*|ten|fullname|name|tennguoi\w*|canbo\w*)$/i;

/**
 * @param {object} schema a form-js schema
 * @param {{ name: string, email: string, phone: string, today?: Date }} samples
 * @returns {object} the data
 */
export function sampleData(schema, samples) {
  const data = {};
  fill(schema?.components ?? [], data, samples);
  return data;
}

function fill(components, target, samples) {
  for (const component of components) {
    if (!component || typeof component !== 'object') {
      continue;
    }
    const { type } = component;
    if (type === 'dynamiclist') {
      const items = [];
      const count = Math.max(1, Number(component.defaultRepetitions) || 1);
      for (let i = 0; i < count; i++) {
        const item = {};
        fill(component.components ?? [], item, samples);
        items.push(item);
      }
      if (component.path) {
        setPath(target, component.path, items);
      }
      continue;
    }
    if (Array.isArray(component.components)) {
      // group (with or without its own path)
      const inner = component.path ? ensureObject(target, component.path) : target;
      fill(component.components, inner, samples);
      continue;
    }
    if (!component.key) {
      continue;
    }
    const value = valueFor(component, samples);
    if (value !== undefined) {
      setPath(target, component.key, value);
    }
  }
}

function valueFor(component, samples) {
  const validate = component.validate ?? {};
  switch (component.type) {
    case 'textfield':
      return textValue(component, samples);
    case 'textarea':
      return fitLength(component.label || component.key, validate);
    case 'number': {
      const min = Number(validate.min);
      return Number.isFinite(min) && min > 1 ? min : 1;
    }
    case 'checkbox':
      return true;
    case 'radio':
    case 'select':
      return firstOption(component);
    case 'checklist':
    case 'taglist': {
      const first = firstOption(component);
      return first === undefined ? [] : [first];
    }
    case 'datetime':
      return dateTimeValue(component, samples.today ?? new Date());
    default:
      return undefined;
  }
}

function textValue(component, samples) {
  const validate = component.validate ?? {};
  if (validate.validationType === 'email') {
    return samples.email;
  }
  if (validate.validationType === 'phone') {
    return samples.phone;
  }
  const digits = /^\^?(?:\[0-9\]|\\d)\{(\d+)(?:,\d*)?\}\$?$/.exec(validate.pattern ?? '');
  if (digits) {
    return '0123456789'.repeat(5).slice(0, Number(digits[1]));
  }
  if (namePattern.test(component.key.replace(/[^A-Za-z.]/g, ''))) {
    return fitLength(samples.name, validate);
  }
  return fitLength(component.label || component.key, validate);
}

function fitLength(text, validate) {
  let value = String(text ?? '');
  const min = Number(validate.minLength);
  const max = Number(validate.maxLength);
  while (Number.isFinite(min) && value.length < min) {
    value = `${value} ${text}`;
  }
  if (Number.isFinite(max) && max > 0 && value.length > max) {
    value = value.slice(0, max);
  }
  return value;
}

function firstOption(component) {
  const values = Array.isArray(component.values) ? component.values : [];
  return values.length > 0 ? values[0].value : undefined;
}

function dateTimeValue(component, today) {
  const pad = (n) => String(n).padStart(2, '0');
  const date = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  switch (component.subtype) {
    case 'time':
      return '08:00';
    case 'datetime':
      return `${date}T08:00`;
    default:
      return date;
  }
}

function ensureObject(target, path) {
  let node = target;
  for (const segment of String(path).split('.')) {
    if (typeof node[segment] !== 'object' || node[segment] === null || Array.isArray(node[segment])) {
      node[segment] = {};
    }
    node = node[segment];
  }
  return node;
}

function setPath(target, path, value) {
  const segments = String(path).split('.');
  const last = segments.pop();
  const parent = segments.length > 0 ? ensureObject(target, segments.join('.')) : target;
  parent[last] = value;
}
