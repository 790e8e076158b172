// Bundles the browser code for the host. Run by MSBuild (target BuildClientAssets) when sources change.
// app.js: every page; form-view.js (+ form-view.css): only pages with a form-js form (data-form-view).
// instance-view.js (+ instance-view.css): only pages with a workflow diagram (data-instance-view).
// designer.js, studio-diff.js, form-designer.js (+ css): the designer studio's workflow designer, diff and form designer.
import { build } from 'esbuild';

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  // The modeler's palette icons are a font (bpmn-js's bpmn-font): copied beside the bundles, served from 'self' (CSP font-src).
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file' },
  assetNames: 'assets/[name]-[hash]',
  logLevel: 'info',
};

await build({
  ...common,
  entryPoints: { app: 'src/app.js', 'form-view': 'src/form-view.js', 'instance-view': 'src/instance-view.js',
    designer: 'src/designer/index.js', 'studio-diff': 'src/designer/diff-page.js' },
});

// The form-js editor carries its own preact (older than the one form-js-viewer and bpmn-js share) and draws the viewer's
// components: with two copies their hooks break, so this bundle uses the editor's copy throughout.
await build({
  ...common,
  entryPoints: { 'form-designer': 'src/form-designer/index.js' },
  alias: { preact: './node_modules/@bpmn-io/form-js-editor/node_modules/preact' },
});
