// Page texts: the page puts every text in data-texts (JSON, page language); scripts hold no texts of their own.
export function readTexts(root) {
  try {
    return JSON.parse(root.dataset.texts || '{}');
  } catch {
    return {};
  }
}

/** Returns t(key, ...args): the text for key with {0}, {1}… replaced, or the key itself when the page lacks it. */
export function translator(texts) {
  const t = (key, ...args) => format(texts[key] ?? key, args);
  t.has = (key) => Object.prototype.hasOwnProperty.call(texts, key);
  return t;
}

export function format(template, args) {
  return String(template).replace(/\{(\d+)\}/g, (match, index) => (args[index] === undefined ? match : String(args[index])));
}

/** A bpmn-js translate module: palette and context pad titles come from the texts under "bpmnjs.<English template>". */
export function translateModule(texts) {
  const translate = (template, replacements = {}) => {
    const text = texts['bpmnjs.' + template] ?? template;
    return text.replace(/{([^}]+)}/g, (match, key) => replacements[key] ?? match);
  };
  return { translate: ['value', translate] };
}
