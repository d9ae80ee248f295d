export const CI_SYSTEMS = ['github', 'gitlab', 'circleci', 'buildkite', 'bitbucket', 'azure-devops'] as const;
export type CiSystem = (typeof CI_SYSTEMS)[number];
export type CiChoice = 'auto' | CiSystem;
export const CI_CHOICES: readonly CiChoice[] = ['auto', ...CI_SYSTEMS];

export const CI_NAMES: Record<CiSystem, string> = {
  github: 'GitHub Actions',
  gitlab: 'GitLab CI/CD',
  circleci: 'CircleCI',
  buildkite: 'Buildkite',
  bitbucket: 'Bitbucket Pipelines',
  'azure-devops': 'Azure Pipelines',
};

/** The variable each system documents as set in every job; checked in this order. */
const MARKERS: readonly { system: CiSystem; variable: string; matches: (value: string) => boolean }[] = [
  { system: 'github', variable: 'GITHUB_ACTIONS', matches: (value) => value === 'true' },
  { system: 'gitlab', variable: 'GITLAB_CI', matches: (value) => value === 'true' },
  { system: 'circleci', variable: 'CIRCLECI', matches: (value) => value === 'true' },
  { system: 'buildkite', variable: 'BUILDKITE', matches: (value) => value === 'true' },
  // Bitbucket has no "I am Bitbucket" flag; every pipeline step has a build number.
  { system: 'bitbucket', variable: 'BITBUCKET_BUILD_NUMBER', matches: (value) => value !== '' },
  // Azure Pipelines documents TF_BUILD as "True".
  { system: 'azure-devops', variable: 'TF_BUILD', matches: (value) => value.toLowerCase() === 'true' },
];

export interface Detection {
  system: CiSystem;
  /** The variable that gave it away, e.g. `GITLAB_CI=true`. */
  because: string;
}

export function detectCi(env: NodeJS.ProcessEnv): Detection | undefined {
  for (const marker of MARKERS) {
    const value = env[marker.variable];
    if (value !== undefined && marker.matches(value)) {
      return { system: marker.system, because: `${marker.variable}=${value}` };
    }
  }
  return undefined;
}
