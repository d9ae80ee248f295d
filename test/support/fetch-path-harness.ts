// Bundled by test/e2e/fetch-path.test.ts exactly as the action is (scripts/bundle-options.mjs: CommonJS, undici
// aliased to src/lazy/undici-shim.ts), then run with a proxy in the environment: it takes @actions/http-client's
// fetch path (getAgentDispatcher, then fetch with that dispatcher) to the URL it is given, and prints as JSON
// what it saw. Test code: it prints with console.log, as no step does.
import { HttpClient } from '@actions/http-client';

/** The undici bundles the CommonJS loader has evaluated so far, by their real paths. */
const undiciLoaded = () => Object.keys(require.cache).filter((file) => /[/\\]undici\.js$/.test(file));

async function main(url: string): Promise<void> {
  const before = undiciLoaded();
  const dispatcher = new HttpClient('fetch-path-test').getAgentDispatcher(url);
  const afterDispatcher = undiciLoaded();
  // The agent the shim returned must be undici's own ProxyAgent, from the file it loaded.
  const loaded = require.cache[afterDispatcher[0] ?? '']?.exports as
    { ProxyAgent?: new () => unknown } | undefined;
  const undicisOwn = loaded?.ProxyAgent !== undefined && dispatcher instanceof loaded.ProxyAgent;
  const response = await fetch(url, { dispatcher });
  console.log(
    JSON.stringify({
      before,
      afterDispatcher,
      undicisOwn,
      status: response.status,
      body: await response.text(),
    }),
  );
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
