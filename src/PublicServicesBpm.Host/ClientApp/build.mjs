// Bundles the browser code for the host. Run by MSBuild (target BuildClientAssets) when sources change.
// app.js: every page; form-view.js (+ form-view.css): only pages with a form-js form (data-form-view).
// instance-view.js (+ instance-view.css): only pages with a workflow diagram (data-instance-view).
import { build } from 'esbuild';

await build({
  entryPoints: { app: 'src/app.js', 'form-view': 'src/form-view.js', 'instance-view': 'src/instance-view.js' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  logLevel: 'info',
});
