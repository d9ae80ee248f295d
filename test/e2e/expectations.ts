import { expect } from 'vitest';
import { type ActionRun, expectNoLeaks } from '../support/run-action.ts';
import { droppedJobOutputs, expectOnlyOwnCommands, unescapeCommandData } from '../support/runner-log.ts';
import { type Scenario, startScenario } from '../support/scenario.ts';
import { type ServiceAccount, SPACE_MRN } from '../support/mondoo-sts.ts';

/** The `::error::` message the step failed with, unescaped as the runner shows it. */
export function failureMessage(run: ActionRun): string {
  const line = run.stdout.split('\n').find((text) => text.startsWith('::error::'));
  return unescapeCommandData((line ?? '').slice('::error::'.length));
}

/**
 * Success: exit 0, the credential exported and masked, identity outputs set and usable as job outputs,
 * nothing secret printed, and the runner saw no command but the action's own.
 */
export function expectAuthenticated(
  run: ActionRun,
  scenario: Scenario,
  issued: { account: ServiceAccount; base64: string } = {
    account: scenario.sts.account,
    base64: scenario.sts.base64Credential,
  },
): void {
  expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
  expect(run.env.MONDOO_CONFIG_BASE64).toBe(issued.base64);
  expect(run.outputs.credential).toBe(issued.base64);
  expect(run.masks).toContain(issued.base64);
  expect(run.outputs['service-account-mrn']).toBe(issued.account.mrn);
  // The stand-in names its one space in whichever member it was told to use.
  expect(run.outputs['space-mrn']).toBe(SPACE_MRN);
  expect(run.outputs['api-endpoint']).toBe(issued.account.api_endpoint);
  expectNoLeaks(run, scenario.secrets());
  expectOnlyOwnCommands(run.stdout);
  // No mask the step registered is so short that the runner would drop the identity outputs from job outputs.
  expect(droppedJobOutputs(run)).toEqual([]);
}

/** Failure: exit 1 with the expected message, nothing exported or output, nothing secret printed, no foreign command. */
export function expectFailedCleanly(run: ActionRun, scenario: Scenario, message: RegExp): void {
  expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(1);
  expect(failureMessage(run)).toMatch(message);
  expect(run.env).not.toHaveProperty('MONDOO_CONFIG_BASE64');
  expect(run.outputs).not.toHaveProperty('credential');
  expectNoLeaks(run, scenario.secrets());
  expectOnlyOwnCommands(run.stdout);
}

/** A fresh token service and STS for one test, closed when it ends (tests run concurrently). */
export async function scenarioForTest(
  onTestFinished: (cleanup: () => Promise<void>) => void,
  options?: Parameters<typeof startScenario>[0],
): Promise<Scenario> {
  const scenario = await startScenario(options);
  onTestFinished(() => scenario.close());
  return scenario;
}
