// Small DOM builders. No HTML strings and no style attributes: the content security policy allows neither inline
// styles nor script, and building nodes keeps user text out of markup.
let sequence = 0;

export function nextId(prefix = 'psb') {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** el('button', { type: 'button', class: 'x', dataset: { testid: 'y' }, text: 'Label' }, child…) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'hidden' || name === 'selected') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function option(value, text, selected) {
  return el('option', { value, text, selected: selected || undefined });
}

/** Adds the ids of the given elements to the control's aria-describedby. */
export function describe(control, ...elements) {
  const ids = elements.filter(Boolean).map((element) => {
    element.id ||= nextId('psb-desc');
    return element.id;
  });
  const existing = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  control.setAttribute('aria-describedby', [...new Set([...existing, ...ids])].join(' '));
}

/** Shows or clears the error message tied to a control (aria-invalid + the message paragraph). */
export function setError(control, paragraph, message) {
  paragraph.textContent = message ?? '';
  paragraph.hidden = !message;
  if (message) {
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
}

export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
