// field-names: the page-language names of the form field types, shown in the editor's palette and in the heading of
// the properties panel.
//
// form-js-editor 1.23 has no translation hook: its palette group titles, search box, properties panel entries and
// context pad titles are fixed English strings. The one thing it reads from outside is each field type's
// `config.name` (custom form fields are registered the same way), so we give each registered type a copy of its
// config carrying the name from the page texts (`form.field.<type>`). Types without a text keep the English name.
// The copy replaces the config on the component function, which the preview (form-js viewer) shares; the viewer
// never shows `name`. Must run before the first importSchema (the palette collects its entries when it first renders).

export function nameFieldTypes(editor, texts) {
  const formFields = editor.get('formFields');
  const prefix = 'form.field.';
  for (const [key, name] of Object.entries(texts)) {
    const field = key.startsWith(prefix) ? formFields.get(key.slice(prefix.length)) : null;
    if (field?.config && name) {
      field.config = { ...field.config, name };
    }
  }
}

/**
 * Gives the palette's search box (English placeholder only, no label) an accessible name and placeholder in the page
 * language. The palette renders after the schema is imported and may re-render, so a MutationObserver labels it
 * whenever a search box without our label appears; preact leaves attributes alone unless their props change.
 */
export function labelPaletteSearch(host, label) {
  const apply = () => {
    for (const input of host.querySelectorAll('.fjs-palette-search:not([aria-label])')) {
      input.setAttribute('aria-label', label);
      input.setAttribute('placeholder', label);
    }
  };
  new MutationObserver(apply).observe(host, { childList: true, subtree: true });
  apply();
}
