// preview: the form as the applicant or officer will see it (form-js viewer), filled from editable sample data.
//
// The sample data is generated from the schema (sample-data.js) until the designer edits the JSON; from then on their
// data is kept across schema changes, until they ask for new sample data. Invalid JSON shows a message and the preview
// keeps the last good data.
import { Form } from '@bpmn-io/form-js-viewer';
import { localizeValidation } from '../form-messages.js';
import { sampleData } from './sample-data.js';

const debounceMs = 400;

/**
 * @param {{ formHost: HTMLElement, textarea: HTMLTextAreaElement, message: HTMLElement, failure: HTMLElement,
 *           regenerate: HTMLButtonElement, t: Function, samples: object, language: string }} parts
 */
export function createPreview({ formHost, textarea, message, failure, regenerate, t, samples, language }) {
  const form = new Form({ container: formHost, debounce: false });
  localizeValidation(form, language);
  let schema = null;
  let data = {};
  let edited = false;
  let rendering = Promise.resolve();
  let timer = 0;

  function render() {
    const snapshot = { schema, data };
    rendering = rendering.then(async () => {
      try {
        await form.importSchema(structuredClone(snapshot.schema), structuredClone(snapshot.data));
        failure.textContent = '';
        failure.hidden = true;
      } catch (error) {
        failure.textContent = t('form.preview.failed', error?.message ?? String(error));
        failure.hidden = false;
      }
    });
    return rendering;
  }

  function showSample() {
    data = sampleData(schema, samples);
    textarea.value = JSON.stringify(data, null, 2);
    setInvalid(null);
  }

  function setInvalid(text) {
    message.textContent = text ?? '';
    message.hidden = !text;
    if (text) {
      textarea.setAttribute('aria-invalid', 'true');
    } else {
      textarea.removeAttribute('aria-invalid');
    }
  }

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      let parsed;
      try {
        parsed = JSON.parse(textarea.value || '{}');
      } catch (error) {
        setInvalid(t('form.sample.invalid', error.message));
        return;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        setInvalid(t('form.sample.notObject'));
        return;
      }
      setInvalid(null);
      edited = true;
      data = parsed;
      render();
    }, debounceMs);
  });

  regenerate.addEventListener('click', () => {
    clearTimeout(timer);
    edited = false;
    showSample();
    render();
  });

  return {
    /** Shows the given schema (a fresh copy of the editor's); regenerates the sample unless the designer edited it. */
    update(nextSchema) {
      schema = nextSchema;
      if (!edited) {
        showSample();
      }
      return render();
    },
    data: () => data,
    form,
  };
}
