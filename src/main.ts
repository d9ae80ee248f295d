import { asActionError } from './errors.js';
import { collisionSecrets, collisionWarnings } from './exchange/collisions.js';
import { type Observed, runExchange, subjectOf } from './exchange/exchange.js';
import { publishToRunner } from './exchange/publish.js';
import { failureSummary, successSummary } from './exchange/summary.js';
import { chooseTokenSource } from './exchange/token-source.js';
import { type Send, send } from './http.js';
import { readRegularFile } from './lint/local-file.js';
import { actionInput, createGitHubRunner } from './output/github-runner.js';
import type { Runner } from './runner.js';
import { maskForms, maskFormsOfAll } from './secrets/mask-forms.js';
import { readSettings, type Settings } from './settings.js';

/** What a step needs from the world: the runner, the network, the environment, files and the clock. */
export interface StepIo {
  runner: Runner;
  send: Send;
  env: NodeJS.ProcessEnv;
  nowSeconds: () => number;
  readFile: (path: string) => string;
}

export function githubIo(): StepIo {
  return {
    runner: createGitHubRunner(),
    send,
    env: process.env,
    nowSeconds: () => Date.now() / 1000,
    readFile: readRegularFile,
  };
}

/** Reads the inputs, runs the chosen mode, and reports the one error that stopped it. */
export async function run(io: StepIo = githubIo()): Promise<void> {
  const { runner } = io;
  const observed: Observed = {};
  // The token input is a secret: hide it before anything else can print.
  for (const form of maskForms(actionInput('token'))) runner.mask(form);
  // So are an old credential and a token already in the environment, whatever the mode.
  for (const form of maskFormsOfAll(collisionSecrets(io.env))) runner.mask(form);
  try {
    const settings = readSettings(actionInput, undefined, (secret) => {
      for (const form of maskForms(secret)) runner.mask(form);
    });
    for (const warning of settings.warnings) runner.warning(warning);
    // The lint half is loaded only in lint mode: an exchange step, run in every job, never parses it.
    if (settings.mode === 'lint') await (await import('./lint/lint-step.js')).runLintStep(settings, io);
    else await exchangeStep(settings, io, observed);
  } catch (caught) {
    const error = asActionError(caught, 'this log');
    // Lint mode has already written its findings to the summary; the failure line adds nothing there.
    if (error.kind !== 'lint-findings') {
      await runner.appendSummary(failureSummary(error, observed.token?.claims, io.nowSeconds()));
    }
    runner.fail(error.describe());
  }
}

/** The step: can publish -> token source -> exchange -> export and outputs -> summary. */
async function exchangeStep(settings: Settings, io: StepIo, observed: Observed): Promise<void> {
  const { runner } = io;
  runner.checkCanPublish(settings.exportEnv);
  const handover = settings.exportEnv ? 'action-export' : 'action-outputs-only';
  for (const warning of collisionWarnings(io.env, handover)) runner.warning(warning);
  const source = chooseTokenSource(settings, runner, io.send, io.env);
  const result = await runExchange(settings, source, { log: runner, ...io }, observed);
  publishToRunner(settings, runner, result);
  await runner.appendSummary(
    successSummary({
      account: result.credential.account,
      subject: subjectOf(result.token),
      issuer: result.issuer,
      exported: settings.exportEnv,
    }),
  );
}
