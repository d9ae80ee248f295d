import { expect } from 'vitest';
import type { ActionRun } from './run-action.ts';

/** The commands this action writes itself, through @actions/core. */
const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'group', 'endgroup', 'debug']);

/** Every workflow command the runner would find on stdout, by name (lower case). */
export function commandNames(stdout: string): string[] {
  const names: string[] = [];
  for (const line of stdout.split('\n')) {
    const compared = line.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    const v2 = /^[\s\u0085]*::([^\s:]+)[^:]*::/u.exec(compared);
    if (v2?.[1]) names.push(v2[1].toLowerCase());
    else
      for (const legacy of compared.matchAll(/##\[([^\s\]]+)/g))
        if (legacy[1]) names.push(legacy[1].toLowerCase());
    for (const azure of compared.matchAll(/##vso\[([^\s\]]+)/gi)) if (azure[1]) names.push(`vso:${azure[1]}`);
  }
  return names;
}

/** The runner saw no command but the action's own: nothing from outside started one, or paused them. */
export function expectOwnCommandsOnly(run: Pick<ActionRun, 'stdout'>): void {
  const foreign = commandNames(run.stdout).filter((name) => !OWN_COMMANDS.has(name));
  expect(foreign, run.stdout).toEqual([]);
}
