// The draft of one workflow on the server (studio contract): load (draft, else published, else blank), save with
// the last revision (409 when someone else saved meanwhile), discard, publish. Keeps revision and baseVersion.
import { request, problemText } from './api.js';

export class DraftStore {
  constructor(urls) {
    this.urls = urls;
    this.revision = 0;
    this.baseVersion = null;
    this.publishedVersion = null;
    this.updatedAt = null;
  }

  /** { xml, problems, source: 'draft' | 'published' | 'blank' } */
  async load() {
    const [draft, published] = await Promise.all([request('GET', this.urls.draft), request('GET', this.urls.published)]);
    if (published.status === 200) {
      this.publishedVersion = published.body.version;
    } else if (published.status !== 404) {
      throw new Error(problemText(published));
    }
    if (draft.status === 200) {
      this.revision = draft.body.revision;
      this.baseVersion = draft.body.baseVersion ?? null;
      this.updatedAt = draft.body.updatedAt;
      return { xml: draft.body.xml, problems: draft.body.problems ?? [], source: 'draft' };
    }
    if (draft.status !== 404) {
      throw new Error(problemText(draft));
    }
    this.revision = 0;
    this.updatedAt = null;
    if (published.status === 200) {
      this.baseVersion = published.body.version;
      return { xml: published.body.xml, problems: [], source: 'published' };
    }
    this.baseVersion = null;
    return { xml: null, problems: [], source: 'blank' };
  }

  /** { ok, problems } | { conflict, currentRevision, message } | { error } */
  async save(xml) {
    const result = await request('PUT', this.urls.draft, { xml, baseVersion: this.baseVersion, revision: this.revision });
    if (result.status === 200) {
      this.revision = result.body.revision;
      this.updatedAt = result.body.updatedAt;
      return { ok: true, problems: result.body.problems ?? [] };
    }
    if (result.status === 409) {
      return { conflict: true, currentRevision: result.body?.currentRevision, message: problemText(result) };
    }
    return { error: problemText(result) };
  }

  async discard() {
    const result = await request('DELETE', this.urls.draft);
    return result.status === 204 || result.status === 404 ? { ok: true } : { error: problemText(result) };
  }

  /** { ok, version, warnings } | { invalid, problems, message } | { conflict, message } | { error } */
  async publish() {
    const result = await request('POST', this.urls.publish, { revision: this.revision });
    if (result.status === 201 || result.status === 200) {
      return { ok: true, version: result.body.version, warnings: result.body.warnings ?? [] };
    }
    if (result.status === 422) {
      return { invalid: true, problems: result.body?.problems ?? [], message: problemText(result) };
    }
    if (result.status === 409) {
      return { conflict: true, message: problemText(result) };
    }
    return { error: problemText(result) };
  }
}

/** A blank executable process whose id is the procedure key, with the psb namespace declared. */
export function blankDiagram(key) {
  const id = key.replace(/[^A-Za-z0-9_.-]/g, '-');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="defs-${id}" targetNamespace="urn:publicservicesbpm:workflows">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram-${id}">
    <bpmndi:BPMNPlane id="plane-${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
