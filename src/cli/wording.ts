/** The action's inputs that the CLI has as options of the same name. */
const SHARED_NAMES = [
  'audience',
  'universe-domain',
  'issuer',
  'wif-config',
  'token-audience',
  'min-validity',
  'credential-type',
  'timeout',
  'profile',
  'fail-on',
  'jwks',
  'allow-private-hosts',
  'offline',
].join('|');

/**
 * The core speaks of the action's inputs ("Input `audience`", "set `min-validity`"); on the command line they
 * are options of the same name, so the CLI's messages say so. A key inside the WIF config ("`audience` in
 * `wif-config`") stays as it is.
 */
export function cliWording(text: string): string {
  return text
    .replace(/Input `([a-z-]+)`/g, 'Option `--$1`')
    .replace(new RegExp(`\`(${SHARED_NAMES})\`(?! in \`wif-config\`)`, 'g'), '`--$1`')
    .replace(/in the `token` input/g, 'with `--token-file`, `--token-env` or `--token -`')
    .replace(
      /\(the runner's token: leave `token` unset\)/g,
      '(leave out `--token-file`, `--token-env` and `--token -` so the command asks the CI system, where it can)',
    );
}
