import * as core from '@actions/core';
import { ActionError } from './errors.js';
import { type ExchangeIo, type Observed, runExchange, subjectOf } from './exchange/exchange.js';
import { failureSummary, successSummary } from './exchange/summary.js';
import { send } from './http.js';
import { createGitHubRunner } from './runner.js';
import { readSettings } from './settings.js';

export function githubIo(): ExchangeIo {
  return { runner: createGitHubRunner(), send, env: process.env, nowSeconds: () => Date.now() / 1000 };
}

/** Reads the inputs, runs the exchange, and reports the one error that stopped it. */
export async function run(io: ExchangeIo = githubIo()): Promise<void> {
  const { runner } = io;
  const observed: Observed = {};
  // The token input is a secret: hide it before anything else can print.
  runner.mask(core.getInput('token').trim());
  try {
    const settings = readSettings((name) => core.getInput(name));
    for (const warning of settings.warnings) runner.warning(warning);
    const result = await runExchange(settings, io, observed);
    await runner.appendSummary(
      successSummary({
        account: result.credential.account,
        subject: subjectOf(result.token),
        issuer: result.issuer,
        exported: settings.exportEnv,
      }),
    );
  } catch (caught) {
    const error = asActionError(caught);
    await runner.appendSummary(runner.redact(failureSummary(error, observed.token?.claims, io.nowSeconds())));
    runner.fail(runner.redact(error.describe()));
  }
}

function asActionError(caught: unknown): ActionError {
  if (caught instanceof ActionError) return caught;
  const detail = caught instanceof Error ? caught.message : String(caught);
  return new ActionError(`Unexpected error: ${detail}`, {
    kind: 'internal',
    fix: 'This is a bug in mondoo-keyless-auth: please report it with this log.',
    cause: caught,
  });
}
