import { visible } from '../output/escape.js';

/**
 * Whether something that is not a URL was meant as a host (`login.example.com`, `idp.corp:8443/tenant`),
 * so that `https://` in front of it is the fix, or as a file path (`./discovery.json`, `idp/keys`,
 * `missing-file`), where that suggestion would only mislead.
 */
export function looksLikeHost(value: string): boolean {
  if (/^(\.{1,2}[\\/]|[\\/~])/.test(value)) return false;
  const host = value.split('/')[0] ?? '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(host)) return false;
  // A dotted name that ends like a file is a file: hosts do not end in .json.
  return !/\.(json|jwks|jwk|txt|ya?ml|pem)$/i.test(host);
}

/** What to say about a lint target that is neither a URL nor an existing file: the problem, and the fix. */
export function missingTarget(target: string): [problem: string, fix: string] {
  const shown = JSON.stringify(visible(target));
  return looksLikeHost(target)
    ? [
        `${shown} is neither a URL nor an existing file.`,
        `Give the issuer URL (e.g. https://${visible(target).replace(/^\/+/, '')}) or the path of a discovery document.`,
      ]
    : [
        `${shown} does not exist (no such file).`,
        'Give the path of an existing discovery document (relative to the current folder), or an issuer URL starting with https://.',
      ];
}

/** The same as one sentence pair, for messages that have no separate fix. */
export function missingTargetProblem(target: string): string {
  return missingTarget(target).join(' ');
}
