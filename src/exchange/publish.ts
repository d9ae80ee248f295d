import { ActionError } from '../errors.js';
import type { Runner } from '../runner.js';
import type { Settings } from '../settings.js';
import { type ExchangeResult, subjectOf } from './exchange.js';

/** Hands the credential to the job: exports first (it is what later steps need), then the outputs. */
export function publishToRunner(settings: Settings, runner: Runner, result: ExchangeResult): void {
  const { credential, token, issuer } = result;
  const { account } = credential;
  try {
    if (settings.exportEnv) runner.exportVariable('MONDOO_CONFIG_BASE64', credential.base64);
    runner.setOutput('credential', credential.base64);
    runner.setOutput('service-account-mrn', account.mrn);
    runner.setOutput('space-mrn', account.space_mrn);
    runner.setOutput('api-endpoint', account.api_endpoint);
    runner.setOutput('subject', subjectOf(token));
    runner.setOutput('issuer', issuer);
  } catch (error) {
    throw new ActionError(`The runner would not take the credential: ${(error as Error).message}.`, {
      kind: 'runner',
      fix: "Check the runner's GITHUB_ENV and GITHUB_OUTPUT files; re-run the job.",
      cause: error,
    });
  }
  runner.info(
    settings.exportEnv
      ? 'Exported MONDOO_CONFIG_BASE64 for the following steps of this job.'
      : '`export-env` is false: MONDOO_CONFIG_BASE64 was not exported; use the `credential` output.',
  );
}
