#!/usr/bin/env bash
# Fails when a job log shows anything that looks like a secret this action handles: a JWT, a base64-encoded JSON
# credential, a PEM private key, or the body of an ECDSA P-384 PKCS#8 key (each PEM line is masked on its own,
# so a leaked line would show without its armour). Masked values show as *** and pass. Prints only the numbers
# of the offending lines, never their text. Used by .github/workflows/e2e.yml on the real runners' logs.
# Usage: scan-log-for-secrets.sh LOG_FILE
set -euo pipefail

log="${1:?usage: scan-log-for-secrets.sh LOG_FILE}"
patterns='eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}|eyJ[A-Za-z0-9+/=]{60,}|BEGIN [A-Z ]*PRIVATE KEY|MIG2AgEAMBAGByqGSM49AgEGBSuBBAAi'

lines=$(grep -nE "$patterns" "$log" | cut -d: -f1 | tr '\n' ' ' || true)
if [ -n "$lines" ]; then
  echo "::error::$log: lines ${lines% } look like a secret (a token, a credential or a private key)"
  exit 1
fi
echo "$log: $(wc -l < "$log" | tr -d ' ') lines, nothing that looks like a token, credential or private key"
