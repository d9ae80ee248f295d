// `npm run bench [-- --quick] [-- --node PATH]`: the action's cost against its floors, contenders interleaved
// round-robin so that a noisy neighbour slows both sides alike. Prints a table and writes bench/results.json.
// Asserts nothing about speed: `--quick` (run by CI) only proves that every measurement still works.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startOidcProvider } from '../test/support/oidc-provider.ts';
import { type ActionRun, REPO_ROOT, runAction } from '../test/support/run-action.ts';
import { runCli } from '../test/support/run-cli.ts';
import { runFolder } from '../test/support/run-folder.ts';
import { SPACE_AUDIENCE, startScenario } from '../test/support/scenario.ts';
import { type Measure, median, printTable, ratioRow, type Row } from './table.ts';

const QUICK = process.argv.includes('--quick');
const NODE = contenderNode();
const DIST = join(REPO_ROOT, 'dist');
const ROUNDS = QUICK ? 3 : 15;
const REFERENCE = join(REPO_ROOT, 'bench', 'reference');
const RSS_PROBE = ['--import', join(REFERENCE, 'rss-probe.mjs')];
/** Providers linted in one `mondoo-keyless lint` call, against one (issue #5, measurement 4). */
const MANY_ISSUERS = 50;
/** What the STS is told to answer before its 200 in the retry runs: the policy then waits exactly this. */
const RETRY_AFTER_SECONDS = 1;
const FLOOR = join(REFERENCE, 'first-request.mjs');
/** The parts loaded only on first use: sample name, file in dist/, the program that loads it. */
const LAZY_PARTS = [
  ['lazy.undici', 'undici.js', 'index.js'],
  ['lazy.tunnel', 'tunnel.js', 'index.js'],
  ['lazy.lint', 'lint.js', 'index.js'],
  ['lazy.lint-cli', 'lint-cli.js', 'cli.js'],
] as const;

function expectExit(run: ActionRun, what: string): ActionRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** Reads the figure the preload wrote, and removes it so the next run cannot report a stale one. */
function takePeakRssKib(file: string, what: string): number {
  const kib = Number(readFileSync(file, 'utf8'));
  rmSync(file);
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`${what} reported no peak RSS`);
  return kib;
}

/** runAction leaves each run's files for tests to inspect; the benchmark has no use for them. */
function discard(run: ActionRun): ActionRun {
  rmSync(dirname(run.runnerTemp), { recursive: true, force: true });
  return run;
}

/**
 * The node that runs every contender: the one running this script (`npm run bench` picks Node 24, the
 * action's `runs.using`, when it is installed), or the one `--node PATH` names, e.g. the machine's Node 20.
 */
function contenderNode(): string {
  const at = process.argv.indexOf('--node');
  return at < 0 ? process.execPath : (process.argv[at + 1] ?? process.execPath);
}

/** The same contenders in a rotating order, round by round, so none always runs first (a pair alternates). */
function inTurn<T>(round: number, contenders: readonly T[]): T[] {
  const shift = round % contenders.length;
  return [...contenders.slice(shift), ...contenders.slice(0, shift)];
}

async function main(): Promise<void> {
  const scenario = await startScenario();
  const provider = await startOidcProvider(scenario.ca);
  const many = await Promise.all(
    Array.from({ length: MANY_ISSUERS }, (_, i) => startOidcProvider(scenario.ca, { issuerPath: `/t${i}` })),
  );
  const samples = new Map<string, number[]>();
  const record = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}`);
  const exchangeEnv = scenario.runnerEnv();
  const exchangeInputs = scenario.inputs();
  // The providers listen on loopback: lint connects there only with the opt-in.
  const lintInputs = {
    mode: 'lint',
    issuer: provider.issuer,
    profile: 'oidc',
    'fail-on': 'never',
    'allow-private-hosts': 'true',
  };
  const lintEnv = { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile };

  /** Spawn until the token service sees the first request. */
  const firstRequest = async (entry?: string) => {
    const before = scenario.tokenService.requests.length;
    const run = discard(await runAction({ inputs: exchangeInputs, env: exchangeEnv, entry, node: NODE }));
    const request = scenario.tokenService.requests[before];
    if (!request) throw new Error(`no request reached the token service:\n${run.stdout}${run.stderr}`);
    return request.at - run.startedAt;
  };
  /** The same for the CLI's exchange in a GitHub Actions job: spawn until its first request. */
  const cliFirstRequest = async () => {
    const before = scenario.tokenService.requests.length;
    // Made first, so that runCli spawns at once and `started` is the moment of the spawn.
    const cwd = await runFolder('bench-cli-');
    const started = Date.now();
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE],
      {
        env: { GITHUB_ACTIONS: 'true', NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...exchangeEnv },
        cwd,
        node: NODE,
      },
    );
    rmSync(cwd, { recursive: true, force: true });
    const request = scenario.tokenService.requests[before];
    if (run.code !== 0 || !request) throw new Error(`the CLI exchange exited ${run.code}:\n${run.stderr}`);
    return request.at - started;
  };
  /** An exchange as the runner starts it: its wall time. */
  const timedExchange = async (name: string, entry?: string) => {
    const run = await runAction({ inputs: exchangeInputs, env: exchangeEnv, entry, node: NODE });
    if (!run.env.MONDOO_CONFIG_BASE64) throw new Error(`${name} exported no credential`);
    return discard(expectExit(run, name)).durationMs;
  };
  /**
   * An exchange with the peak-RSS preload: its peak RSS. Timed apart, without the preload: `--import` starts
   * Node's ESM loader, which would add the same milliseconds to both sides and shrink the time ratio.
   */
  const probedExchange = async (name: string, entry?: string) => {
    discard(
      expectExit(
        await runAction({
          inputs: exchangeInputs,
          env: { ...exchangeEnv, BENCH_RSS_FILE: rssFile },
          nodeArgs: RSS_PROBE,
          entry,
          node: NODE,
        }),
        name,
      ),
    );
    return takePeakRssKib(rssFile, name);
  };

  try {
    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`round ${round}/${ROUNDS}\r`);
      // 1. Start-up: the action, the CLI's exchange and the floor.
      for (const name of inTurn(round, ['startup.action', 'startup.cli', 'startup.floor'] as const)) {
        if (name === 'startup.cli') record(name, await cliFirstRequest());
        else record(name, await firstRequest(name === 'startup.floor' ? FLOOR : undefined));
      }

      // 2. Exchange end to end: wall time, then peak RSS, against the minimal reference client.
      const exchangePair = [
        ['exchange.action', undefined],
        ['exchange.reference', join(REFERENCE, 'exchange-client.mjs')],
      ] as const;
      for (const [name, entry] of inTurn(round, exchangePair))
        record(`${name}.ms`, await timedExchange(name, entry));
      for (const [name, entry] of inTurn(round, exchangePair))
        record(`${name}.rss`, await probedExchange(name, entry));

      // 3. Retry cost: two 503s (Retry-After: 1) before the 200; the waits asked for are subtracted.
      for (let i = 0; i < 2; i++) {
        scenario.sts.script.push({
          kind: 'status',
          status: 503,
          body: '{"code":14,"message":"unavailable"}',
          headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
        });
      }
      // Same conditions as the exchange.action runs it is compared with.
      record('retry.action', (await timedExchange('retry run')) - 2 * RETRY_AFTER_SECONDS * 1000);

      // 4. Lint of one issuer, against a script that only fetches both documents.
      for (const [name, entry] of inTurn(round, [
        ['lint.action', undefined],
        ['lint.reference', join(REFERENCE, 'fetch-documents.mjs')],
      ] as const)) {
        const run = await runAction({ inputs: lintInputs, env: lintEnv, entry, node: NODE });
        record(name, discard(expectExit(run, name)).durationMs);
      }

      // 4b. The CLI: one issuer, against 50 in one call (8 at a time, the default concurrency).
      for (const [name, issuers] of inTurn(round, [
        ['cli.lint.one', [provider.issuer]],
        ['cli.lint.many', many.map((p) => p.issuer)],
      ] as const)) {
        const started = performance.now();
        const run = await runCli(
          [
            'lint',
            '--allow-private-hosts',
            '--profile',
            'oidc',
            '--fail-on',
            'never',
            '--format',
            'json',
            ...issuers,
          ],
          { env: lintEnv, node: NODE },
        );
        const elapsed = performance.now() - started;
        rmSync(run.cwd, { recursive: true, force: true });
        if (run.code !== 0 || (JSON.parse(run.stdout) as unknown[]).length !== issuers.length) {
          throw new Error(`${name} exited ${run.code}:\n${run.stderr}`);
        }
        record(name, elapsed);
      }

      // 5. Bundle: load it and stop at once (the step fails at its settings, nothing is sent), and parse it
      // alone (`node --check`), each against a bare `node -e 0`.
      const bundle = join(REPO_ROOT, 'dist', 'index.js');
      for (const [name, args, env] of inTurn(round, [
        ['load.bare', ['-e', '0'], {}],
        ['load.bundle', [bundle], { INPUT_MODE: 'none-such', GITHUB_OUTPUT: '/dev/null' }],
      ] as const)) {
        record(name, timedSpawn([...args], env, name === 'load.bare' ? 0 : 1));
      }
      record('load.check', timedSpawn(['--check', bundle], {}, 0));

      // 6. What each lazy part would add if it were loaded at start-up: the time its `require` takes in a
      // process that has loaded its program first (which the lint halves need, and which has already loaded
      // the built-ins undici and tunnel share with the program).
      for (const [name, file, program] of inTurn(round, LAZY_PARTS)) {
        record(name, requireTime(join(DIST, file), join(DIST, program)));
      }
    }
  } finally {
    process.stderr.write('\n');
    await Promise.all([provider.close(), ...many.map((p) => p.close())]);
    await scenario.close();
  }

  const m = (name: string) => median(samples.get(name) ?? []);
  const rows: Row[] = [
    ratioRow('start-up to first request (ms)', m('startup.action'), m('startup.floor'), 1.25),
    ratioRow('CLI exchange: start-up to first request (ms)', m('startup.cli'), m('startup.floor'), 1.25),
    ratioRow('exchange end to end (ms)', m('exchange.action.ms'), m('exchange.reference.ms'), 1.25),
    ratioRow(
      'exchange peak RSS (MiB)',
      m('exchange.action.rss') / 1024,
      m('exchange.reference.rss') / 1024,
      1.3,
    ),
    ratioRow('exchange with 2 retries, waits removed (ms)', m('retry.action'), m('exchange.action.ms')),
    ratioRow('lint of one issuer (ms)', m('lint.action'), m('lint.reference')),
    ratioRow(
      `CLI lint of ${MANY_ISSUERS} issuers in one call / of one (ms)`,
      m('cli.lint.many'),
      m('cli.lint.one'),
      3,
    ),
    ratioRow('load dist/index.js, fail at settings (ms)', m('load.bundle'), m('load.bare')),
    ratioRow('parse dist/index.js, node --check (ms)', m('load.check'), m('load.bare')),
    // The ratio here is the share of the action's start-up each part would add if it were loaded eagerly.
    ...LAZY_PARTS.map(([name, file]) =>
      ratioRow(`eager ${file}: its require / action start-up (ms)`, m(name), m('startup.action')),
    ),
  ];
  const bundle = readdirSync(join(REPO_ROOT, 'dist')).map((file) => ({
    file: `dist/${file}`,
    bytes: statSync(join(REPO_ROOT, 'dist', file)).size,
  }));
  printTable(rows, bundle);

  const measures: Measure[] = rows.map((row) => row.measure);
  const results = {
    when: new Date().toISOString(),
    quick: QUICK,
    rounds: ROUNDS,
    machine: {
      node: spawnSync(NODE, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      load: loadavg(),
    },
    measures,
    bundle,
    samples: Object.fromEntries(samples),
  };
  writeFileSync(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

/**
 * Loads `program` (stopping at once: the action fails at its settings, the CLI prints its usage), then times
 * the `require` of `file` in the same process, as lint mode or a proxy would load it.
 */
function requireTime(file: string, program: string): number {
  const script = [
    `require(${JSON.stringify(program)});`,
    'const started = performance.now();',
    `require(${JSON.stringify(file)});`,
    'process.stderr.write(`\\nrequire-ms=${performance.now() - started}\\n`);',
  ].join('\n');
  const result = spawnSync(NODE, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, INPUT_MODE: 'none-such', GITHUB_OUTPUT: '/dev/null' },
  });
  const ms = Number(/^require-ms=(.+)$/m.exec(result.stderr)?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`require of ${file} failed:\n${result.stderr}`);
  return ms;
}

function timedSpawn(args: string[], env: Record<string, string>, expectedStatus: number): number {
  const started = performance.now();
  const result = spawnSync(NODE, args, {
    stdio: 'ignore',
    env: { PATH: process.env.PATH, ...env },
  });
  if (result.status !== expectedStatus) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

await main();
