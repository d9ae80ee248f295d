import type { ActionRun } from './run-action.ts';

const ADD_MASK = '::add-mask::';

// The runner's command-data escaping, undone in one pass so that "%250A" becomes "%0A", not a newline.
export function unescapeCommandData(data: string): string {
  return data.replace(
    /%0D|%0A|%25/g,
    (sequence) => ({ '%0D': '\r', '%0A': '\n', '%25': '%' })[sequence] ?? sequence,
  );
}

function isAddMaskLine(line: string): boolean {
  return line.trimStart().startsWith(ADD_MASK);
}

/** Values registered with `::add-mask::`, in order, unescaped. */
export function parseMasks(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter(isAddMaskLine)
    .map((line) => unescapeCommandData(line.trimStart().slice(ADD_MASK.length)));
}

export function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter((line) => !isAddMaskLine(line.replace(/\r$/, '')))
    .join('\n');
}

/**
 * What a person sees in the runner log. The runner masks line by line, so a mask containing a line
 * break never matches anything: multi-line secrets are only hidden if each line was masked on its own.
 * Whitespace-only masks are refused by the runner and ignored here.
 */
export function runnerView(text: string, masks: string[]): string {
  const effective = [...new Set(masks)]
    .filter((mask) => mask.trim() !== '' && !/[\r\n]/.test(mask))
    .sort((a, b) => b.length - a.length);
  return withoutMaskCommands(text)
    .split('\n')
    .map((line) => effective.reduce((masked, mask) => masked.split(mask).join('***'), line))
    .join('\n');
}

// Enough to tell secrets apart in a failure message without printing them.
function fingerprint(secret: string): string {
  return `${JSON.stringify(secret.slice(0, 6))}… (${secret.length} chars)`;
}

/** Every place a secret appears where it should not; descriptions never contain a whole secret. */
export function findLeaks(run: ActionRun, secrets: string[]): string[] {
  const places: [string, string][] = [
    ['stdout', withoutMaskCommands(run.stdout)],
    ['stderr', withoutMaskCommands(run.stderr)],
    ['step summary', run.summary],
    ...Object.entries(run.outputs)
      .filter(([name]) => name !== 'credential')
      .map(([name, value]): [string, string] => [`output ${JSON.stringify(name)}`, value]),
    ...Object.entries(run.env)
      .filter(([name]) => name !== 'MONDOO_CONFIG_BASE64')
      .map(([name, value]): [string, string] => [`GITHUB_ENV ${JSON.stringify(name)}`, value]),
  ];
  return leaksIn(places, secrets);
}

/** Each secret found in each named text, as "<place> contains secret #N <fingerprint>". */
export function leaksIn(places: [string, string][], secrets: string[]): string[] {
  const leaks: string[] = [];
  const unique = [...new Set(secrets)].filter((secret) => secret !== '');
  unique.forEach((secret, index) => {
    for (const [place, text] of places) {
      if (text.includes(secret)) {
        leaks.push(`${place} contains secret #${index + 1} ${fingerprint(secret)}`);
      }
    }
  });
  return leaks;
}

/** Fails with every leak listed, never a whole secret. */
export function failOnLeaks(leaks: string[]): void {
  if (leaks.length > 0) {
    throw new Error(`${leaks.length} secret leak(s):\n  - ${leaks.join('\n  - ')}`);
  }
}

export function expectNoLeaks(run: ActionRun, secrets: string[]): void {
  failOnLeaks(findLeaks(run, secrets));
}
