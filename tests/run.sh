#!/usr/bin/env bash
# Runs every SafeChat test, on a fresh machine too: installs what is missing (Debian's chromium and
# PostgreSQL, the npm packages), starts a private PostgreSQL, builds, and runs all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "System packages"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "chromium and PostgreSQL are present"
fi

step "npm packages for the tests (the web chat bundle is restored by the build)"
(cd tests && npm ci --no-audit --no-fund --loglevel=error)

step "PostgreSQL for the tests"
SAFECHAT_TEST_POSTGRES="$(bash tests/postgres.sh start | tail -n 1)"
export SAFECHAT_TEST_POSTGRES
trap 'bash tests/postgres.sh stop' EXIT
echo "running on 127.0.0.1:${SAFECHAT_PG_PORT:-55432}"

step "Build"
dotnet build SafeChat.sln -c Release --nologo -v quiet

step "Tests"
results="test-output/results"
rm -rf "$results"
status=0
# One test project at a time (-m:1): the Bot tests time what a person waits for (112 within 5 s) and must not share the
# two cores with the Dialogs tests' CPU-bound triage runs; together they cost about a minute more than side by side.
dotnet test SafeChat.sln -c Release --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 10m || status=$?

# One plain closing line for people and for CI: "N passed, N failed".
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo
echo "Screenshots and results: test-output/"
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] || status=1
exit "$status"
