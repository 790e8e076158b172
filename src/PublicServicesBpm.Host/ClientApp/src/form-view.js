// form-view: renders a form-js form inside a server-rendered <form> (citizen portal and officer workspace).
//
// Usage (the page links dist/form-view.css and loads dist/form-view.js as a module):
//
//   <form method="post" ...>
//     <input type="hidden" name="formData" />
//     <div data-form-view data-schema-url="/api/v1/tasks/42/form" data-input="formData">
//       <p>Fallback text shown until the form is loaded (or when scripts are off).</p>
//     </div>
//     <button type="submit">Send</button>
//     <button type="submit" formnovalidate>Save draft</button>
//   </form>
//
// - data-schema-url: a same-origin URL answering the form-js schema, either bare ({ components: [...] }) or
//   wrapped ({ schema: {...} }, as GET /api/v1/tasks/{id}/form answers). Fetched with the page's cookies.
//   data-schema (inline JSON in the attribute) may be given instead.
// - data-input: the name of the hidden input of the surrounding <form> that receives the form data as JSON on submit.
// - data-data-url (optional): a same-origin URL whose JSON prefills the form; a { formData: {...} } wrapper (the
//   dossier view) is unwrapped. data-data (inline JSON) may be given instead; the hidden input's own value, if any,
//   wins over both (so a page re-rendered after a server-side error keeps what was typed).
// - On submit, the data is written into the hidden input. When form-js reports errors, the submit is blocked and the
//   first invalid field gets focus — unless the submitting button has formnovalidate (e.g. "save draft").
// - The form is disabled (read only) when the element has data-readonly.
// - form-js's own validation messages follow the page's language (<html lang>): see form-messages.js.
// The styles come from dist/form-view.css (a linked stylesheet: the content security policy allows no inline style).
import { Form } from '@bpmn-io/form-js-viewer';
import { localizeValidation } from './form-messages.js';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import './form-view.css';

export async function startFormViews(root) {
  for (const element of root.querySelectorAll('[data-form-view]')) {
    try {
      await render(element);
    } catch (error) {
      element.dataset.state = 'failed';
      const message = element.dataset.textFailed;
      if (message) {
        element.replaceChildren(paragraph(message));
      }
      console.warn('form-view: could not render the form', error);
    }
  }
}

async function render(element) {
  const form = element.closest('form');
  const input = form?.elements.namedItem(element.dataset.input ?? '');
  if (!form || !input) {
    throw new Error('data-form-view needs a surrounding <form> with the hidden input named by data-input');
  }
  const schemaJson = element.dataset.schema ? JSON.parse(element.dataset.schema) : await fetchJson(element.dataset.schemaUrl);
  const schema = schemaJson.schema ?? schemaJson;
  let data = {};
  if (input.value) {
    data = JSON.parse(input.value);
  } else if (element.dataset.data) {
    data = JSON.parse(element.dataset.data);
  } else if (element.dataset.dataUrl) {
    const json = await fetchJson(element.dataset.dataUrl);
    data = json.formData ?? json;
  }
  const container = document.createElement('div');
  element.replaceChildren(container);
  // No input debounce: with form-js's 300 ms debounce, typing into two fields of one list item in quick succession
  // could write the item back with the first field's old value (seen in the browser tests on a loaded machine).
  const formJs = new Form({ container, debounce: false, properties: element.hasAttribute('data-readonly') ? { readOnly: true } : {} });
  localizeValidation(formJs, document.documentElement.lang || 'vi');
  await formJs.importSchema(schema, data ?? {});
  element.dataset.state = 'ready';

  form.addEventListener('submit', (event) => {
    const { data: values, errors } = formJs.submit();
    input.value = JSON.stringify(values);
    const skip = event.submitter?.hasAttribute('formnovalidate');
    if (!skip && errors && Object.keys(errors).length > 0) {
      event.preventDefault();
      const invalid = container.querySelector('.fjs-has-errors input, .fjs-has-errors select, .fjs-has-errors textarea');
      invalid?.focus();
    }
  });
}

async function fetchJson(url) {
  if (!url || new URL(url, location.href).origin !== location.origin) {
    throw new Error('form-view only fetches same-origin URLs');
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

function paragraph(text) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  return p;
}

startFormViews(document);
