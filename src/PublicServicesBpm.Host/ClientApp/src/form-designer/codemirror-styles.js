// codemirror-styles: lets the FEEL and template editors of form-js's properties panel style themselves under the
// page's content security policy (style-src 'self', no 'unsafe-inline').
//
// Those editors are CodeMirror 6, which writes its base theme through style-mod. For a document (as opposed to a
// shadow root) style-mod 4.1 inserts a <style> element, which the policy blocks: the editors then lose their layout
// (cursor, selection, line wrapping). style-mod uses a constructed stylesheet (document.adoptedStyleSheets; CSSOM,
// which the policy does not govern) when the root has no `head`, and remembers the choice per document. So before
// the first editor mounts we make style-mod create its set for this document while `document.head` reads as null;
// every later mount reuses that set. Must run before the form editor renders any FEEL field.
import { StyleModule } from 'style-mod';

export function useConstructedStylesForCodeMirror(doc = document) {
  if (!doc.adoptedStyleSheets || typeof CSSStyleSheet === 'undefined') {
    return false;
  }
  Object.defineProperty(doc, 'head', { value: null, configurable: true });
  try {
    StyleModule.mount(doc, []);
  } finally {
    delete doc.head;
  }
  return true;
}
