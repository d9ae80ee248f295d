// ncc emits ESM; Node needs a package.json beside dist/index.js saying so.
import { writeFileSync } from 'node:fs';

writeFileSync(
  new URL('../dist/package.json', import.meta.url),
  `${JSON.stringify({ type: 'module' }, null, 2)}\n`,
);
