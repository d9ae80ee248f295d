// `npm run demo`: runs the real dist/index.js the way a GitHub runner starts it, against local HTTPS stand-ins
// for GitHub's token service and Mondoo's STS (a test CA is made on the fly), and shows what a person would see.
// Then lint mode against a local OpenID provider, and last the `mondoo-keyless` CLI in a (simulated) GitLab job.
import { type ActionRun, findLeaks, runAction, viewOfRun } from '../test/support/run-action.ts';
import { cliLeaks, runCli } from '../test/support/run-cli.ts';
import { renderLog } from '../test/support/runner-stand-in.ts';
import { discoveryWith, startOidcProvider } from '../test/support/oidc-provider.ts';
import { type Scenario, SPACE_AUDIENCE, startScenario } from '../test/support/scenario.ts';
import { plural } from '../src/plural.ts';

const rule = (title: string) =>
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);
/** The step's log as the runner's web view shows it: commands consumed, annotations rendered, masks applied. */
const shownLog = (run: ActionRun) => renderLog(viewOfRun(run, { stepDebug: false }).log).join('\n');

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  | ${line}`)
    .join('\n');

async function successfulExchange(scenario: Scenario): Promise<number> {
  rule('1. A job with `id-token: write` exchanges its token');
  const inputs = scenario.inputs();
  console.log('Step inputs:', JSON.stringify(inputs));
  const run = await runAction({ inputs, env: scenario.runnerEnv() });
  console.log(`\nThe step's log as the runner shows it (masks applied), exit code ${run.code}:`);
  console.log(indent(shownLog(run)));
  console.log('\nWhat later steps get (GITHUB_ENV):');
  let credentialJson = '';
  for (const [name, value] of Object.entries(run.env)) {
    credentialJson = Buffer.from(value, 'base64').toString('utf8');
    const decoded = JSON.parse(credentialJson) as Record<string, unknown>;
    console.log(`  ${name} = <${value.length} characters of base64, masked in logs>`);
    console.log(`    decodes to a service account with keys: ${Object.keys(decoded).join(', ')}`);
  }
  console.log('\nStep outputs:');
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`  ${name} = ${name === 'credential' ? '*** (masked)' : value}`);
  }
  console.log(`\n${describeMasks(run.masks, scenario, credentialJson)}`);
  return report(run, scenario);
}

async function wrongSubject(): Promise<number> {
  rule('2. A typo in the subject registered in Mondoo: the step fails and shows the real one');
  const registered = 'repo:Octo-Org/octo-repo:ref:refs/heads/main';
  const scenario = await startScenario({ subject: registered });
  try {
    console.log(
      [
        `The provider in Mondoo was registered, by mistake, with the subject ${registered} (capital letters).`,
        `The job's token carries repo:octo-org/octo-repo:ref:refs/heads/main, and Mondoo compares them exactly.`,
        'The fix is to register the subject the token carries: the log and the summary below show it.',
      ].join('\n'),
    );
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });
    console.log(`\nThe step's log (exit code ${run.code}):`);
    console.log(indent(shownLog(run)));
    console.log(
      `\nExported: ${Object.keys(run.env).length === 0 ? 'nothing' : Object.keys(run.env).join(', ')}`,
    );
    console.log('\nThe job summary (GITHUB_STEP_SUMMARY):');
    console.log(indent(run.summary));
    return report(run, scenario);
  } finally {
    await scenario.close();
  }
}

async function lintProvider(): Promise<number> {
  rule('3. Lint mode: a provider whose issuer carries a trailing slash, and a sample token');
  const scenario = await startScenario();
  const provider = await startOidcProvider(scenario.ca, {
    routes: discoveryWith((self) => ({ issuer: `${self.issuer}/` })),
  });
  try {
    const token = await provider.mint();
    // The provider listens on loopback: lint connects there only with the opt-in.
    const inputs = {
      mode: 'lint',
      issuer: provider.issuer,
      profile: 'oidc',
      'allow-private-hosts': 'true',
      token,
    };
    console.log(
      'Step inputs:',
      JSON.stringify({ ...inputs, token: '<a sample ID token from the provider>' }),
    );
    const run = await runAction({ inputs, env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile } });
    console.log(`\nThe step's log (exit code ${run.code}):`);
    console.log(indent(shownLog(run)));
    console.log('\nThe job summary (GITHUB_STEP_SUMMARY):');
    console.log(indent(run.summary));
    console.log(`\nOutputs: errors=${run.outputs.errors}, warnings=${run.outputs.warnings}`);
    const leaks = findLeaks(run, [token]);
    console.log(
      leaks.length === 0
        ? '\nSecret scan: the sample token appears nowhere.'
        : `\nSecret scan FAILED:\n${leaks.join('\n')}`,
    );
    return leaks.length;
  } finally {
    await provider.close();
    await scenario.close();
  }
}

async function cliOnGitLab(): Promise<number> {
  rule('4. The mondoo-keyless CLI in a GitLab job (GITLAB_CI=true, id_tokens: MONDOO_ID_TOKEN)');
  const subject = 'project_path:platform/payments:ref_type:branch:ref:main';
  const scenario = await startScenario({ subject });
  // GitLab's claims in place of the stand-in's GitHub ones (undefined removes a claim).
  const github = [
    'repository',
    'repository_id',
    'repository_owner',
    'repository_owner_id',
    'repository_visibility',
    'workflow',
    'workflow_ref',
    'workflow_sha',
    'job_workflow_ref',
    'job_workflow_sha',
    'event_name',
    'ref_protected',
    'runner_environment',
    'run_id',
    'run_number',
    'run_attempt',
    'actor',
    'actor_id',
    'sha',
  ];
  const gitlabClaims = {
    ...Object.fromEntries(github.map((name) => [name, undefined])),
    sub: subject,
    project_path: 'platform/payments',
    namespace_path: 'platform',
    ref: 'main',
    ref_type: 'branch',
    pipeline_source: 'push',
    user_login: 'octocat',
  };
  try {
    const env = {
      NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
      GITLAB_CI: 'true',
      MONDOO_ID_TOKEN: await scenario.tokenService.mint({ audience: SPACE_AUDIENCE, claims: gitlabClaims }),
    };
    const claims = await runCli(['claims', '--token-env', 'MONDOO_ID_TOKEN'], { env });
    console.log(`$ mondoo-keyless claims --token-env MONDOO_ID_TOKEN   (exit code ${claims.code})`);
    console.log(indent(claims.stdout));
    const args = ['--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE];
    const exchange = await runCli(['exchange', ...args, '--token-env', 'MONDOO_ID_TOKEN'], { env });
    console.log(`\n$ mondoo-keyless exchange ${args.join(' ')} --token-env MONDOO_ID_TOKEN`);
    console.log(`stderr (exit code ${exchange.code}):`);
    console.log(indent(exchange.stderr));
    console.log(
      `stdout: <${exchange.stdout.trim().length} characters of base64: the credential, and nothing else>`,
    );
    const credential = scenario.sts.base64Credential;
    const leaks = [
      ...cliLeaks(claims, scenario.secrets()),
      ...cliLeaks(exchange, scenario.secrets(), [credential]),
    ];
    console.log(
      leaks.length === 0
        ? '\nSecret scan: no secret on stderr, and stdout holds only the credential.'
        : `\nSecret scan FAILED:\n${leaks.join('\n')}`,
    );
    return leaks.length + (exchange.stdout === `${credential}\n` ? 0 : 1);
  } finally {
    await scenario.close();
  }
}

/** What the step asked the runner to mask, grouped by what each mask is. */
function describeMasks(masks: readonly string[], scenario: Scenario, credentialJson: string): string {
  const keyLines = new Set(
    String((JSON.parse(credentialJson || '{}') as { private_key?: string }).private_key ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('-----')),
  );
  const kinds = new Map<string, number>();
  for (const mask of masks) {
    const kind =
      mask === scenario.tokenService.requestToken
        ? "the runner's request token"
        : scenario.tokenService.minted.includes(mask)
          ? 'the OIDC token'
          : mask === scenario.sts.base64Credential
            ? 'the credential as base64'
            : mask === credentialJson
              ? 'the credential as JSON'
              : keyLines.has(mask)
                ? 'private-key line'
                : 'other encoded form';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const parts = [...kinds].map(([kind, count]) => (kind.startsWith('the ') ? kind : plural(count, kind)));
  return `Masks the step registered with the runner: ${masks.length} (${parts.join(', ')}).`;
}

/** The same secret scan the end-to-end tests apply; returns the number of leaks. */
function report(run: Awaited<ReturnType<typeof runAction>>, scenario: Scenario): number {
  const secrets = scenario.secrets();
  const leaks = findLeaks(run, secrets);
  console.log(
    leaks.length === 0
      ? [
          `\nSecret scan: the log, the summary and the outputs hold none of the ${secrets.length} secret values the`,
          'stand-ins know (the tokens, and every form of both credentials Mondoo could issue: more than the step',
          'itself ever saw, so more than it masked).',
        ].join('\n')
      : `\nSecret scan FAILED:\n${leaks.join('\n')}`,
  );
  return leaks.length;
}

const scenario = await startScenario();
let leaks = 0;
try {
  leaks += await successfulExchange(scenario);
} finally {
  await scenario.close();
}
leaks += await wrongSubject();
leaks += await lintProvider();
leaks += await cliOnGitLab();
process.exitCode = leaks === 0 ? 0 : 1;
