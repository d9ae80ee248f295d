import { describe, expect, it } from 'vitest';
import { RULES, type RuleId, ruleSpec } from '../../src/lint/catalogue.js';

/** The documents a rule may cite (docs/lint.md lists them above the rule list). */
const KNOWN_SOURCES =
  /Discovery 1\.0 §|Core §|RFC (3986|7515|7517|7518|8017|8259|8414|9126|9864) §|Multiple Response Type Encoding Practices §|Mender SSO documentation|Mondoo's custom OIDC documentation|this tool's own/;

describe('rule citations', () => {
  it.each(Object.keys(RULES) as RuleId[])('%s cites a known document', (rule) => {
    expect(ruleSpec(rule).source).toMatch(KNOWN_SOURCES);
  });

  // Each of these was cited wrongly from memory; the spec text says otherwise (issue 12).
  it.each<[RuleId, RegExp, RegExp]>([
    // Core §16.14 is "Signing and Encryption Order"; `none` is ruled on in Discovery §3 and Core §2.
    ['alg-none', /Discovery 1\.0 §3, Core §2/, /§16\.14/],
    // Multiple Response Types §2.2 is about encoding; the space-delimited rule is in §1.2.
    ['response-type-invalid', /§1\.2/, /§2\.2/],
    // RFC 9864: the names are defined in §2.2, `EdDSA` deprecated in §4.1.2.
    ['alg-eddsa-deprecated', /RFC 9864 §2\.2 .*§4\.1\.2/, /RFC 9864 §2,/],
    // The Issuer Identifier (with its optional port) is defined in Core §1.2.
    ['issuer-port', /Core §1\.2/, /Core §2\b/],
    // RFC 7517 §5 defines the JWK Set format and says nothing of TLS; Discovery §3 requires https.
    ['fetch-not-https', /Discovery 1\.0 §3/, /RFC 7517/],
    ['jwks-uri-not-https', /MUST use https/, /RFC 7517/],
    // No public Mondoo source states a 3-minute minimum: the 180 s margin is this tool's.
    ['token-expiring', /this tool's 180 s margin/, /Mondoo/],
  ])('%s cites the section that says it', (rule, cited, notCited) => {
    const { source, fix } = ruleSpec(rule);
    expect(source).toMatch(cited);
    expect(source).not.toMatch(notCited);
    if (rule === 'token-expiring') expect(fix).not.toMatch(/Mondoo/);
  });
});
