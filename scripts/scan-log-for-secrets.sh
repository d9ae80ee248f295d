#!/usr/bin/env bash
# Fails when a job log shows anything that looks like a secret this action handles. Masked values show as ***
# and pass. Prints only the numbers of the offending lines, never their text. Used by .github/workflows/e2e.yml
# on the real runners' logs; test/unit/scan-log-for-secrets.test.ts feeds it each form below.
# Usage: scan-log-for-secrets.sh LOG_FILE
set -euo pipefail

log="${1:?usage: scan-log-for-secrets.sh LOG_FILE}"

# Extended regular expressions (grep -E), one form each.
patterns=(
  # A JWT (the runner's OIDC token): two base64url JSON parts.
  'eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}'
  # A base64-encoded JSON object (the credential): `{"` encodes as eyJ, `{ ` as eyA, `{` and a line break as
  # ewo (LF; pretty-printed JSON such as JSON.stringify(value, null, 2) gives ewog), ew0K (CRLF) or ewk (tab).
  # Base64 wraps at 76 characters, so the first line alone is long enough.
  '(eyJ|eyA|ewo|ew0K|ewk)[A-Za-z0-9+/=]{60,}'
  # A PEM private key's armour.
  'BEGIN [A-Z ]*PRIVATE KEY'
  # The first line of an ECDSA PKCS#8 key body, for P-256 and P-384: the runner masks each PEM line on its
  # own, so a leaked body would show without its armour.
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg'
  'MIG2AgEAMBAGByqGSM49AgEGBSuBBAAi'
  # A JSON token field ("token", "access_token", "idToken", ...) with a long value that is not masked, also
  # inside a JSON string (\"token\": \"...\"). The value stops at a quote, an asterisk (a mask) or a space.
  '\\?"([A-Za-z]*_)?([Tt]oken|[a-z]+Token)\\?"[[:space:]]*:[[:space:]]*\\?"[^"*\\[:space:]]{20,}'
)
joined=$(IFS='|'; echo "${patterns[*]}")

lines=$(grep -nE "$joined" "$log" | cut -d: -f1 | tr '\n' ' ' || true)
if [ -n "$lines" ]; then
  echo "::error::$log: lines ${lines% } look like a secret (a token, a credential or a private key)"
  exit 1
fi
echo "$log: $(wc -l < "$log" | tr -d ' ') lines, nothing that looks like a token, credential or private key"
