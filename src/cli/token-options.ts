import { readChoice } from '../input-values.js';
import { CI_CHOICES, type CiChoice } from './ci-systems.js';
import type { TokenRequest } from './token-sources.js';
import { checkOneTokenSource } from './token-sources.js';
import { type OptionSpec, type ParsedOptions, stringOption, UsageError } from './usage.js';

/** How a command that needs a token is told where it is; shared by `exchange` and `claims`. */
export const TOKEN_OPTIONS: Record<string, OptionSpec> = {
  'token-file': { type: 'string', value: 'FILE', help: 'Read the OIDC token from FILE.' },
  'token-env': {
    type: 'string',
    value: 'VAR',
    help: "Read it from the variable VAR (GitLab: the variable the job's id_tokens: names).",
  },
  token: {
    type: 'string',
    value: '-',
    help: 'With -, read it from stdin (never as an argument: shell history and process lists would show it).',
  },
  ci: {
    type: 'string',
    value: 'SYSTEM',
    help: `Where to get the token when none is given: ${CI_CHOICES.join(', ')} (default auto: detected from the environment).`,
  },
};

/** The token options, checked as a whole: one source at most, and --token only as stdin. */
export function tokenRequestOf(values: ParsedOptions, command: string): TokenRequest {
  const token = stringOption(values, 'token');
  if (token !== '' && token !== '-') {
    throw new UsageError(
      'Option `--token` takes only `-` (read the token from stdin): a token in the arguments would show in shell history and process lists.',
      'Use `--token-env NAME`, `--token-file FILE`, or `--token -` with the token on stdin.',
      command,
    );
  }
  const request: TokenRequest = {
    tokenFile: stringOption(values, 'token-file'),
    tokenEnv: stringOption(values, 'token-env'),
    stdin: token === '-',
    ci: readChoice<CiChoice>('ci', stringOption(values, 'ci'), CI_CHOICES, 'auto'),
  };
  checkOneTokenSource(request, command);
  const given = request.tokenFile || request.tokenEnv || request.stdin;
  if (given && request.ci !== 'auto' && request.ci !== 'gitlab') {
    throw new UsageError(
      `Option \`--ci ${request.ci}\` gets its own token, and a token was also given.`,
      `Pass one or the other: leave out \`--ci\`, or the token.`,
      command,
    );
  }
  return request;
}
