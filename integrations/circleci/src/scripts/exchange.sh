#!/bin/bash
# The `exchange` command's step. CircleCI runs it with /bin/bash -eo pipefail; set here too, so the file means
# the same when run by hand. Inputs arrive as MONDOO_KEYLESS_* variables (see commands/exchange.yml).
set -euo pipefail
# An executor whose shell traces (`shell: /bin/bash -eox pipefail`) would print every line that holds the
# credential: tracing is off for this step, which is this script alone.
{ set +x; } 2>/dev/null

fail() {
  echo "mondoo-keyless orb: $*" >&2
  exit 1
}

audience="${MONDOO_KEYLESS_AUDIENCE:-}"
# It goes into the JSON claims of `circleci run oidc get`: refuse anything that could break out of the string.
case "$audience" in
  //*) ;;
  *) fail "audience must look like //captain.api.mondoo.app/spaces/<space-id>." ;;
esac
case "$audience" in
  *[!A-Za-z0-9._~:/@-]*) fail "audience has a character a Mondoo audience never has." ;;
esac

# A string parameter: CircleCI checks its type only. npx runs whatever package spec it names, so only X.Y.Z.
version_pattern='^[0-9]+\.[0-9]+\.[0-9]+$'
[[ ${MONDOO_KEYLESS_VERSION:-} =~ $version_pattern ]] ||
  fail "version must be a version number such as 1.0.0 (npx runs mondoo-keyless@<version>)."

cli=(npx --yes "mondoo-keyless@${MONDOO_KEYLESS_VERSION}")
args=(exchange --audience "$audience" --universe-domain "$MONDOO_KEYLESS_UNIVERSE_DOMAIN"
  --credential-type "$MONDOO_KEYLESS_CREDENTIAL_TYPE")

# The credential is captured, never printed: CircleCI cannot mask a value made at run time.
if [ "$MONDOO_KEYLESS_MINT_TOKEN" = "true" ]; then
  credential="$(circleci run oidc get --claims "{\"aud\":\"${audience}\"}" | "${cli[@]}" "${args[@]}" --token -)"
else
  credential="$("${cli[@]}" "${args[@]}" --ci circleci)"
fi

# Base64 only: anything else would be shell text once $BASH_ENV is sourced.
case "$credential" in
  '' | *[!A-Za-z0-9+/=]*) fail "the CLI gave no usable credential." ;;
esac

# $BASH_ENV is a file on disk for the rest of the job; it gets the credential only after a whole exchange.
# Each later step's bash sources it, traced if that step's shell has -x: so the export runs untraced.
# shellcheck disable=SC2016 # these two lines are written for the later steps' shells to expand
{
  echo '{ mondoo_keyless_xtrace=${-//[!x]/}; set +x; } 2>/dev/null'
  printf 'export MONDOO_CONFIG_BASE64=%s\n' "$credential"
  echo '{ if [ -n "$mondoo_keyless_xtrace" ]; then set -x; fi; unset mondoo_keyless_xtrace; } 2>/dev/null'
} >>"$BASH_ENV"
echo "mondoo-keyless orb: MONDOO_CONFIG_BASE64 is set for the next steps of this job."
