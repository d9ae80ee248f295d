/*
 * cnspec can authenticate on its own from what is in its environment, and the credential this project hands
 * on competes with it. What cnspec does (mql cli/config/config.go InitViperConfig; providers-sdk/v1/upstream
 * sts.go): MONDOO_CONFIG_BASE64, when set, is read and MONDOO_CONFIG_PATH is not; a WIF config
 * (`type: external_account`) makes cnspec exchange a token itself, taken from the config's `jwtToken`, else
 * from JWT_TOKEN, else minted from the CI system, and a failed exchange of its own only logs an error and
 * scans without credentials.
 *
 * How a GITHUB_ENV export meets values already set (actions/runner FileCommandManager.cs writes the export
 * into the job's global environment, the same dictionary workflow- and job-level `env:` were loaded into;
 * StepsRunner.cs lays each step's own `env:` over it): the export replaces a workflow or job value for the
 * later steps of this job; a later step's own `env:` beats the export; other jobs never see it.
 */

/** Where the credential goes: exported by the action, handed out by the action only, or printed by the CLI. */
export type Handover = 'action-export' | 'action-outputs-only' | 'cli';

/** Names that are set: present and not blank. */
function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

/**
 * The secrets among those variables (an old credential, a token), to mask before anything is printed: the
 * runner masks only values that came from its own secrets.
 */
export function collisionSecrets(env: NodeJS.ProcessEnv): string[] {
  return ['MONDOO_CONFIG_BASE64', 'JWT_TOKEN']
    .filter((name) => isSet(env, name))
    .map((name) => (env[name] ?? '').trim());
}

/** A warning for each variable already set that competes with the credential handed on; names, no values. */
export function collisionWarnings(
  env: NodeJS.ProcessEnv,
  handover: Handover,
  /** The token exchanged is JWT_TOKEN itself (`--token-env JWT_TOKEN`): nothing to warn about there. */
  exchangesJwtToken = false,
): string[] {
  const warnings: string[] = [];
  if (isSet(env, 'MONDOO_CONFIG_BASE64')) warnings.push(existingCredential(handover));
  if (isSet(env, 'MONDOO_CONFIG_PATH')) warnings.push(configPath(handover));
  if (isSet(env, 'JWT_TOKEN') && !exchangesJwtToken) warnings.push(jwtTokenSet(handover));
  return warnings;
}

function existingCredential(handover: Handover): string {
  switch (handover) {
    case 'action-export':
      return "MONDOO_CONFIG_BASE64 is already set in this step's environment (by the workflow's or job's `env:`, this step's `env:`, or an earlier step). This step's export replaces it for the later steps of this job, with two exceptions that keep the old value: a step that sets MONDOO_CONFIG_BASE64 in its own step-level `env:`, and every other job. Remove the old value (e.g. a stored secret) from those places so no stale credential wins there.";
    case 'action-outputs-only':
      return "MONDOO_CONFIG_BASE64 is already set in this step's environment, and this step does not export its credential (`export-env: false`): later steps keep reading the old value unless you pass them the `credential` output as MONDOO_CONFIG_BASE64.";
    case 'cli':
      return 'MONDOO_CONFIG_BASE64 is already set in this environment: cnspec reads it before anything else, so assign the credential this command prints to MONDOO_CONFIG_BASE64 (as the recipes do) before cnspec runs, or cnspec keeps using the old value.';
  }
}

function configPath(handover: Handover): string {
  const cnspecReads = 'cnspec reads MONDOO_CONFIG_BASE64 before MONDOO_CONFIG_PATH';
  switch (handover) {
    case 'action-export':
      return `MONDOO_CONFIG_PATH is set in this step's environment. ${cnspecReads}, so in the later steps of this job cnspec uses the credential this step exports and ignores the config at MONDOO_CONFIG_PATH (with a WIF config there, cnspec does no exchange of its own). Steps that set MONDOO_CONFIG_BASE64 in their own \`env:\`, and other jobs, still read it: remove MONDOO_CONFIG_PATH if this step is meant to authenticate the job.`;
    case 'action-outputs-only':
      return `MONDOO_CONFIG_PATH is set in this step's environment, and this step does not export its credential (\`export-env: false\`): later steps keep using the config at MONDOO_CONFIG_PATH (with a WIF config there, cnspec exchanges a token itself and scans unauthenticated if that fails) unless you pass them the \`credential\` output as MONDOO_CONFIG_BASE64.`;
    case 'cli':
      return `MONDOO_CONFIG_PATH is set in this environment. ${cnspecReads}, so once you export the credential this command prints, cnspec uses it and ignores the config at MONDOO_CONFIG_PATH; without it, cnspec falls back to that config (with a WIF config there, it exchanges a token itself and scans unauthenticated if that fails).`;
  }
}

function jwtTokenSet(handover: Handover): string {
  const notRead =
    handover === 'cli'
      ? 'This command does not read JWT_TOKEN: pass the token with `--token-env JWT_TOKEN` if it is the one to exchange.'
      : 'This step does not read JWT_TOKEN: pass it in `token` if it is the token to exchange.';
  return `JWT_TOKEN is set (its value is masked). cnspec's own WIF exchange uses it when its config carries no token, but with the credential from MONDOO_CONFIG_BASE64 cnspec does no exchange of its own, so JWT_TOKEN goes unused there. ${notRead}`;
}
