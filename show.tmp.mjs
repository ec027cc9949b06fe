import { build } from 'vite';
import { resolve, dirname, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { litCss } from '/work/wt/size-a/scripts/lib/lit-css.mjs';
const root = '/work/wt/size-a'; const name = process.argv[2];
const folder = resolve(root, 'src/components', name) + sep;
const out = await build({ configFile: false, logLevel: 'silent', root, define: { __GZ_VERSION__: '"0.0.0"' }, plugins: [litCss()],
  build: { write: false, minify: true, target: 'es2022', lib: { entry: resolve(folder, `${name}.ts`), formats: ['es'], fileName: name },
    rollupOptions: { external: (id, importer) => { if (!id.startsWith('.') && !id.startsWith('/')) return !id.startsWith('\0'); const p = importer && id.startsWith('.') ? resolve(dirname(importer), id) : id; return !p.startsWith(folder); }, output: { minify: true } } } });
for (const c of out[0].output) if (c.type === 'chunk') { if (!process.argv[3]) console.log(c.code); console.log(c.fileName, c.code.length, gzipSync(c.code, { level: 9 }).length); }
