import { rm } from 'node:fs/promises';
import type { MondooSts, StsOptions } from './mondoo-sts.ts';
import { startMondooSts } from './mondoo-sts.ts';
import type { TestCa } from './test-ca.ts';
import { createTestCa } from './test-ca.ts';
import type { MintedClaims, TokenService } from './token-service.ts';
import { startTokenService } from './token-service.ts';

export const SPACE_AUDIENCE = '//captain.api.mondoo.app/spaces/test-space-1234';
export const DEFAULT_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

/** A GitHub OIDC token service and a Mondoo STS that trusts it, both behind one test CA. */
export interface Scenario {
  ca: TestCa;
  tokenService: TokenService;
  sts: MondooSts;
  /** ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN and NODE_EXTRA_CA_CERTS. */
  runnerEnv(): Record<string, string>;
  /** universe-domain and audience for the action, plus `extra`. */
  inputs(extra?: Record<string, string>): Record<string, string>;
  /** Everything that must never show up in logs, as of now (minted tokens accumulate). */
  secrets(): string[];
  close(): Promise<void>;
}

export async function startScenario(
  opts: {
    subject?: string;
    claims?: MintedClaims;
    credentialForm?: 'key' | 'token';
    /** How the STS stand-in behaves and what credential it issues (credentialForm above wins). */
    sts?: StsOptions;
    /** A CA to sign the servers' certificates with (e.g. the session CA), left in place on close. */
    ca?: TestCa;
    /** `aud` values the Mondoo provider accepts besides its audience. */
    allowedAudiences?: string[];
  } = {},
): Promise<Scenario> {
  const ca = opts.ca ?? (await createTestCa());
  const tokenService = await startTokenService(ca, { claims: opts.claims });
  const sts = await startMondooSts(
    ca,
    {
      issuer: tokenService.issuer,
      audience: SPACE_AUDIENCE,
      subject: opts.subject ?? DEFAULT_SUBJECT,
      jwks: tokenService.jwks,
      allowedAudiences: opts.allowedAudiences,
    },
    { ...opts.sts, ...(opts.credentialForm ? { credentialForm: opts.credentialForm } : {}) },
  );

  return {
    ca,
    tokenService,
    sts,
    runnerEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: tokenService.url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: tokenService.requestToken,
      NODE_EXTRA_CA_CERTS: ca.caCertFile,
    }),
    inputs: (extra = {}) => ({ 'universe-domain': sts.url, audience: SPACE_AUDIENCE, ...extra }),
    secrets: () => [tokenService.requestToken, ...tokenService.minted, ...sts.secrets()],
    close: async () => {
      await Promise.all([tokenService.close(), sts.close()]);
      if (!opts.ca) await rm(ca.dir, { recursive: true, force: true });
    },
  };
}
