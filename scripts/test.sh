#!/usr/bin/env bash
# Runs every DualRail test on a fresh machine: installs what the tests need, builds, tests,
# and ends with one summary line "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Debian packages the tests use (none are needed for a build). Installed only when missing.
need=()
command -v node >/dev/null || need+=(nodejs npm)
# libsecp256k1 (with its recovery module): DualRail.Crypto's fast path, and its parity tests against BouncyCastle.
secp=; ls /usr/lib/*/libsecp256k1.so.* /usr/lib/libsecp256k1.so.* >/dev/null 2>&1 || secp=yes
if [ ${#need[@]} -gt 0 ] || [ -n "$secp" ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  if [ -n "$secp" ]; then
    for p in libsecp256k1-2 libsecp256k1-1; do apt-cache show "$p" >/dev/null 2>&1 && { need+=("$p"); break; }; done
  fi
  if [ ${#need[@]} -gt 0 ]; then $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; fi
fi

# Node tooling pinned by package-lock.json: Anvil, solc, the reference x402 packages, LND's protos.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

dotnet build DualRail.sln -c Release -warnaserror -nologo -v q

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
set +e
dotnet test DualRail.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

node scripts/summarize-trx.mjs "$results"
exit "$status"
