// Preloaded with `node --import` into an action or CLI run: installs the connect guard with the names and
// routes in CONNECT_GUARD (JSON) and appends every connect attempt, as a JSON line, to the file it names.
import { appendFileSync } from 'node:fs';
import { installConnectGuard } from './connect-guard.mjs';

const { names, routes, log } = JSON.parse(process.env.CONNECT_GUARD ?? '{}');
installConnectGuard({
  names,
  routes,
  onAttempt: (attempt) => appendFileSync(log, `${JSON.stringify(attempt)}\n`),
});
