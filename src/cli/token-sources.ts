import { ActionError } from '../errors.js';
import { givenToken, githubRunnerToken, type TokenSource } from '../exchange/token-source.js';
import type { Send } from '../http.js';
import type { Log } from '../runner.js';
import { maskForms } from '../secrets/mask-forms.js';
import { azureDevOpsVariables, requestAzureDevOpsToken } from './azure-devops.js';
import { requestBuildkiteToken, type RunProgram } from './buildkite-agent.js';
import { CI_NAMES, type CiChoice, type CiSystem, detectCi } from './ci-systems.js';
import { looksLikeToken } from './token-shape.js';
import { UsageError } from './usage.js';

/** Where the user said the token is: at most one of file, variable and stdin, else the CI system. */
export interface TokenRequest {
  tokenFile: string;
  tokenEnv: string;
  stdin: boolean;
  ci: CiChoice;
}

/** What a token requested from the CI system must be like. */
export interface TokenNeeds {
  /** The `aud` to ask for, where the CI system lets us ask ('' for its default). */
  audience: string;
  minValiditySeconds: number;
}

export interface TokenSourceIo {
  log: Log;
  send: Send;
  env: NodeJS.ProcessEnv;
  readFile: (path: string) => string;
  readStdin: () => Promise<string>;
  runProgram: RunProgram;
}

/** The variable each system fills with a ready token, for systems that hand the job one. */
const TOKEN_VARIABLES: Partial<Record<CiSystem, { variable: string; fix: string }>> = {
  circleci: {
    variable: 'CIRCLE_OIDC_TOKEN_V2',
    fix: 'CircleCI sets CIRCLE_OIDC_TOKEN_V2 in jobs of projects with OIDC tokens; for forked pull requests only when passing secrets to forks is enabled. For a custom audience, pipe `circleci run oidc get --claims \'{"aud":"..."}\'` into `--token -`.',
  },
  bitbucket: {
    variable: 'BITBUCKET_STEP_OIDC_TOKEN',
    fix: 'Add `oidc: true` to the step so Bitbucket sets BITBUCKET_STEP_OIDC_TOKEN.',
  },
};

export function checkOneTokenSource(
  request: Pick<TokenRequest, 'tokenFile' | 'tokenEnv' | 'stdin'>,
  command: string,
): void {
  const given = [
    request.tokenFile && '--token-file',
    request.tokenEnv && '--token-env',
    request.stdin && '--token -',
  ].filter(Boolean);
  if (given.length > 1) {
    throw new UsageError(
      `Two token sources were given (${given.map((option) => `\`${option}\``).join(' and ')}).`,
      'Pass one of them.',
      command,
    );
  }
}

export async function chooseCliTokenSource(
  request: TokenRequest,
  needs: TokenNeeds,
  io: TokenSourceIo,
): Promise<TokenSource> {
  const given = givenTokenSource(request, io);
  if (given) return given;
  const system = resolveCi(request.ci, io);
  return ciToken(system, needs, io);
}

/** The token the user named (a file, a variable or stdin), or undefined when none was given. */
export function givenTokenSource(
  request: TokenRequest,
  io: Pick<TokenSourceIo, 'env' | 'readFile' | 'readStdin'>,
  command = 'exchange',
): TokenSource | undefined {
  if (request.tokenFile) return fileToken(request.tokenFile, io.readFile);
  if (request.tokenEnv) return envToken(request.tokenEnv, io.env, request.ci);
  if (request.stdin) return stdinToken(io.readStdin, command);
  return undefined;
}

/** The token piped in; the read counts against `--timeout`, so a pipe nobody closes cannot hang the job. */
function stdinToken(readStdin: () => Promise<string>, command: string): TokenSource {
  return {
    label: 'The token from stdin',
    canRemint: false,
    fetch: async (deadline) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ActionError(
                `Nothing closed stdin within the ${Math.round(deadline.totalMs / 1000)} s \`timeout\`.`,
                {
                  kind: 'settings',
                  fix: `Pipe the token in and let the pipe close: \`... | mondoo-keyless ${command} --token -\`.`,
                },
              ),
            ),
          deadline.remainingMs(),
        );
      });
      try {
        const reading = readStdin();
        reading.catch(() => undefined); // it may still fail after the deadline won the race
        const text = await Promise.race([reading, timeout]);
        return nonEmpty(
          text.trim(),
          'stdin',
          `Pipe the token in: \`... | mondoo-keyless ${command} --token -\`.`,
        );
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function fileToken(path: string, readFile: (path: string) => string): TokenSource {
  if (looksLikeToken(path)) {
    throw new ActionError('Option `--token-file` takes a file path, and was given what looks like a token.', {
      kind: 'settings',
      fix: 'Write the token to a file and pass its path, or use `--token-env VARIABLE` or `--token -`.',
    });
  }
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ActionError(
      `Option \`--token-file\`: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        kind: 'settings',
        fix: 'Give the path of a file holding the OIDC token, e.g. one your CI system wrote.',
      },
    );
  }
  return givenToken(
    `The token in ${path}`,
    nonEmpty(text.trim(), path, 'Write the OIDC token into the file, or pass it another way.'),
  );
}

function envToken(variable: string, env: NodeJS.ProcessEnv, ci: CiChoice): TokenSource {
  if (looksLikeToken(variable)) {
    throw new ActionError(
      'Option `--token-env` takes the name of a variable, and was given what looks like a token.',
      {
        kind: 'settings',
        fix: 'Pass the name: `--token-env MONDOO_ID_TOKEN`, not `--token-env "$MONDOO_ID_TOKEN"`.',
      },
    );
  }
  const value = env[variable]?.trim() ?? '';
  if (value === '') {
    const gitlab = ci === 'gitlab' || (ci === 'auto' && detectCi(env)?.system === 'gitlab');
    throw new ActionError(`Option \`--token-env\`: the variable ${variable} is not set or empty.`, {
      kind: 'settings',
      fix: gitlab
        ? `GitLab sets it only when the job declares it: add \`id_tokens: { ${variable}: { aud: <your Mondoo audience> } }\` to the job.`
        : `Set ${variable} to the OIDC token, or name the variable that holds it.`,
    });
  }
  return givenToken(`The token in $${variable}`, value);
}

function nonEmpty(token: string, where: string, fix: string): string {
  if (token === '') {
    throw new ActionError(`No token in ${where}: it is empty.`, { kind: 'settings', fix });
  }
  return token;
}

function resolveCi(choice: CiChoice, io: TokenSourceIo): CiSystem {
  if (choice !== 'auto') return choice;
  const detected = detectCi(io.env);
  if (!detected) {
    throw new ActionError('No token was given and no CI system was detected, so there is no token to use.', {
      kind: 'token-unavailable',
      fix: 'Pass `--token-file FILE`, `--token-env VARIABLE` or `--token -` (stdin), or name the CI system with `--ci`.',
    });
  }
  io.log.info(`Detected ${CI_NAMES[detected.system]} (${detected.because}).`);
  return detected.system;
}

function ciToken(system: CiSystem, request: TokenNeeds, io: TokenSourceIo): TokenSource {
  const name = CI_NAMES[system];
  switch (system) {
    case 'github':
      return githubRunnerToken(
        { tokenAudience: request.audience, minValiditySeconds: request.minValiditySeconds },
        io.log,
        io.send,
        io.env,
      );
    case 'gitlab':
      throw new ActionError(
        'GitLab has no token service to ask: a job gets its ID token in the variable its `id_tokens:` names.',
        {
          kind: 'token-unavailable',
          fix: 'Declare `id_tokens: { MONDOO_ID_TOKEN: { aud: <your Mondoo audience> } }` in the job and pass `--token-env MONDOO_ID_TOKEN`.',
        },
      );
    case 'circleci':
    case 'bitbucket': {
      const { variable, fix } = TOKEN_VARIABLES[system] ?? { variable: '', fix: '' };
      const value = io.env[variable]?.trim();
      if (!value) {
        throw new ActionError(`${variable} is not set, so ${name} gave this job no OIDC token.`, {
          kind: 'token-unavailable',
          fix,
        });
      }
      return givenToken(`${name}'s OIDC token ($${variable})`, value);
    }
    case 'buildkite':
      return {
        label: "Buildkite's OIDC token",
        canRemint: true,
        fetch: (deadline) => {
          io.log.info(
            `Requesting an OIDC token from buildkite-agent${request.audience ? ` for audience ${request.audience}` : ''}.`,
          );
          return requestBuildkiteToken(io.runProgram, request.audience, deadline);
        },
      };
    case 'azure-devops': {
      const variables = azureDevOpsVariables(io.env);
      for (const form of maskForms(variables.accessToken)) io.log.mask(form);
      return {
        label: "Azure Pipelines' OIDC token",
        canRemint: true,
        fetch: (deadline) => {
          io.log.info('Requesting an OIDC token from Azure Pipelines (SYSTEM_OIDCREQUESTURI).');
          return requestAzureDevOpsToken(io.send, variables, deadline, io.log);
        },
      };
    }
  }
}
