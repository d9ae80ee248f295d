import { expect } from 'vitest';
import { type ActionRun, expectNoLeaks } from '../support/run-action.ts';
import { droppedJobOutputs, expectOnlyOwnCommands, unescapeCommandData } from '../support/runner-log.ts';
import { type Scenario, startScenario } from '../support/scenario.ts';

/** The `::error::` message the step failed with, unescaped as the runner shows it. */
export function failureMessage(run: ActionRun): string {
  const line = run.stdout.split('\n').find((text) => text.startsWith('::error::'));
  return unescapeCommandData((line ?? '').slice('::error::'.length));
}

/**
 * Success: exit 0, the credential exported and masked, identity outputs set and usable as job outputs,
 * nothing secret printed, and the runner saw no command but the action's own.
 */
export function expectAuthenticated(run: ActionRun, scenario: Scenario): void {
  expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
  expect(run.env.MONDOO_CONFIG_BASE64).toBe(scenario.sts.base64Credential);
  expect(run.outputs.credential).toBe(scenario.sts.base64Credential);
  expect(run.masks).toContain(scenario.sts.base64Credential);
  expect(run.outputs['service-account-mrn']).toBe(scenario.sts.account.mrn);
  expect(run.outputs['space-mrn']).toBe(scenario.sts.account.space_mrn);
  expect(run.outputs['api-endpoint']).toBe(scenario.sts.account.api_endpoint);
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
