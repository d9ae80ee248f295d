import type { JWTPayload } from 'jose';
import { displayJson } from '../output/display.js';
import { visible } from '../output/escape.js';
import type { Settings } from '../settings.js';

/**
 * A warning, before the exchange, when the token's `aud` names neither the Mondoo audience nor the
 * `token-audience` the user set: Mondoo then accepts it only if the provider lists that `aud` among its
 * "allowed audiences" (Mondoo's custom OIDC provider docs). Typical for tokens minted elsewhere: CircleCI's
 * default `aud` is the organization ID, Azure DevOps' is always api://AzureADTokenExchange. Nothing here is
 * secret: `aud` is a public claim and audiences are settings.
 */
export function audienceWarning(
  claims: JWTPayload,
  settings: Pick<Settings, 'audience' | 'explicitTokenAudience'>,
): string | undefined {
  const aud = claims.aud;
  const listed = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  const wanted = [settings.audience, settings.explicitTokenAudience].filter(
    (value): value is string => value !== undefined,
  );
  if (listed.some((value) => wanted.includes(value))) return undefined;
  const shownAud = aud === undefined ? 'missing' : typeof aud === 'string' ? visible(aud) : displayJson(aud);
  const named =
    settings.explicitTokenAudience === undefined
      ? `\`audience\` (${visible(settings.audience)})`
      : `\`audience\` (${visible(settings.audience)}) nor \`token-audience\` (${visible(settings.explicitTokenAudience)})`;
  const subject = settings.explicitTokenAudience === undefined ? 'is not' : 'is neither';
  return `The token's \`aud\` is ${shownAud}, which ${subject} ${named}. Mondoo accepts it only if the provider lists that value under its allowed audiences: add it there in Mondoo, or mint the token with the audience ${visible(settings.audience)} where the CI system allows it (GitHub's runner, GitLab's id_tokens, Buildkite's --audience, CircleCI's \`circleci run oidc get\`; Azure DevOps' tokens always carry api://AzureADTokenExchange).`;
}
