// Bundles the browser code for the host. Run by MSBuild (target BuildClientAssets) when sources change.
import { build } from 'esbuild';

await build({
  entryPoints: { app: 'src/app.js' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  logLevel: 'info',
});
