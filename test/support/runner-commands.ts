import type { ActionRun } from './run-action.ts';
import { commandsFrom, expectOnlyOwnCommands } from './runner-log.ts';

/** Every workflow command the runner stand-in finds on stdout (certain or possible), by name. */
export function commandNames(stdout: string): string[] {
  return commandsFrom(stdout).map((command) => command.name.toLowerCase());
}

/**
 * The runner saw no command but the action's own: nothing from outside started one, paused them, or
 * might have (see runner-stand-in.ts); stderr counts too, as the runner reads both streams.
 */
export function expectOwnCommandsOnly(run: Pick<ActionRun, 'stdout'> & { stderr?: string }): void {
  expectOnlyOwnCommands(run.stdout);
  if (run.stderr) expectOnlyOwnCommands(run.stderr);
}
