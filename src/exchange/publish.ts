import { ActionError } from '../errors.js';
import type { Runner } from '../runner.js';
import type { Settings } from '../settings.js';
import { spaceOf } from './credential.js';
import { type ExchangeResult, subjectOf } from './exchange.js';

/**
 * Hands the credential to the job: the outputs, then MONDOO_CONFIG_BASE64, all or nothing, so a step that
 * fails here never leaves the credential exported.
 */
export function publishToRunner(settings: Settings, runner: Runner, result: ExchangeResult): void {
  const { credential, token, issuer } = result;
  const { account } = credential;
  try {
    runner.publish({
      outputs: [
        ['credential', credential.base64],
        ['service-account-mrn', account.mrn],
        ['space-mrn', spaceOf(account)],
        ['api-endpoint', account.api_endpoint],
        ['subject', subjectOf(token)],
        ['issuer', issuer],
      ],
      env: settings.exportEnv ? [['MONDOO_CONFIG_BASE64', credential.base64]] : [],
    });
  } catch (error) {
    throw new ActionError(
      `The runner would not take the credential (${(error as NodeJS.ErrnoException).code ?? (error as Error).name}); nothing was exported or set as an output.`,
      {
        kind: 'runner',
        fix: "Check the runner's GITHUB_ENV and GITHUB_OUTPUT files (free disk space, permissions); re-run the job.",
        cause: error,
      },
    );
  }
  runner.info(
    settings.exportEnv
      ? 'Exported MONDOO_CONFIG_BASE64 for the following steps of this job.'
      : '`export-env` is false: MONDOO_CONFIG_BASE64 was not exported; use the `credential` output.',
  );
}
