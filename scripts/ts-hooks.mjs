// Module hooks that let any Node from 20 on run the demo and the benchmark, which are TypeScript: each .ts
// file is compiled with esbuild (a devDependency) as Node loads it. File by file, not one bundle, so that
// `import.meta.url` stays each file's own (the test support finds the repository root from it).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcefile: path,
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
