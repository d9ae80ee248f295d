import type { ActionRun } from './run-action.ts';

/** A finished run with nothing in it but what a test gives. */
export function actionRun(overrides: Partial<ActionRun>): ActionRun {
  return {
    code: 0,
    signal: null,
    timedOut: false,
    stdout: '',
    stderr: '',
    env: {},
    outputs: {},
    summary: '',
    masks: [],
    durationMs: 1,
    startedAt: 0,
    runnerTemp: '/nonexistent',
    ...overrides,
  };
}
