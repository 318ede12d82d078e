#!/usr/bin/env bash
# DualRail benchmarks, one command from a clean clone: installs what it needs (wrk, gnuplot, libsecp256k1,
# Node and the pinned node packages), builds Release, runs the wrk load phases against the programs a
# user runs (dualrail serve, dualrail facilitator, the LND simulator; bench/DualRail.LoadBench starts
# them), the settlement backlog and the BenchmarkDotNet microbenchmarks, then writes bench/RESULTS.md,
# bench/results/throughput.png and the raw outputs under bench/results/, with the time each step took.
# Needs: the .NET 10 SDK, git, apt-get (Debian) for the packages. Issue 7's budget: 20 minutes in all.
# Usage: bench/run.sh [--duration SECONDS]   (default 10 s per wrk phase)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=10
if [ "${1:-}" = "--duration" ]; then duration=$2; fi
results="$root/bench/results"
budget_minutes=20
started=$(date -u +%s)
step_started=$started
steps=()
step_done() { # record how long the step that just ended took
  local now; now=$(date -u +%s)
  steps+=("$1|$((now - step_started))")
  echo "== $1: $((now - step_started)) s"
  step_started=$now
}
command -v dotnet >/dev/null || { echo "bench/run.sh needs the .NET 10 SDK (dotnet) on PATH" >&2; exit 1; }

# --- what the run needs (idempotent) ---
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v node >/dev/null || need+=(nodejs npm)
secp=yes; compgen -G '/usr/lib/*/libsecp256k1.so.*' >/dev/null || compgen -G '/usr/lib/libsecp256k1.so.*' >/dev/null && secp=
installed="nothing"
if [ ${#need[@]} -gt 0 ] || [ -n "$secp" ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  if [ -n "$secp" ]; then
    for p in libsecp256k1-2 libsecp256k1-1; do apt-cache show "$p" >/dev/null 2>&1 && { need+=("$p"); break; }; done
  fi
  if [ ${#need[@]} -gt 0 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
    installed="${need[*]}"
  fi
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
  installed="$installed; ran npm ci"
fi
step_done "install (apt-get installed: $installed)"

# dualrail (serve, facilitator) and the LND simulator, which the load phases run as processes; the orchestrator; the microbenchmarks.
dotnet build src/DualRail.Cli -c Release -nologo -v q
dotnet build bench/DualRail.LoadBench -c Release -nologo -v q
dotnet build bench/DualRail.Benchmarks -c Release -nologo -v q
step_done "build (Release)"

rm -rf "$results/raw" "$results/micro" "$results"/load.* "$results/chart.dat" "$results/throughput.png"; mkdir -p "$results/raw"
uptime > "$results/raw/uptime-start.txt"

# --- load phases, challenge, settlement (the orchestrator starts each phase's processes; wrk is the load generator) ---
load_cmd="dotnet bench/DualRail.LoadBench/bin/Release/net10.0/DualRail.LoadBench.dll --out bench/results --duration $duration"
echo "== $load_cmd"
set +e
$load_cmd 2>&1 | tee "$results/raw/loadbench.log"
load_status=${PIPESTATUS[0]}
set -e
uptime > "$results/raw/uptime-after-load.txt"
step_done "load phases, 402 challenge, settlement"

# --- microbenchmarks (BenchmarkDotNet ShortRun: 3 warm-up + 3 measured iterations) ---
micro_cmd="dotnet run -c Release --no-build --project bench/DualRail.Benchmarks -- --filter '*' --exporters github --artifacts bench/results/micro"
echo "== $micro_cmd"
uptime > "$results/raw/uptime-before-micro.txt"
dotnet run -c Release --no-build --project bench/DualRail.Benchmarks -- --filter '*' --exporters github --artifacts bench/results/micro \
  2>&1 | tail -n 200 > "$results/raw/micro.log" || true
uptime > "$results/raw/uptime-after-micro.txt"
step_done "microbenchmarks"

# --- chart ---
gnuplot <<GNUPLOT
set terminal pngcairo size 1100,520 font ",10" noenhanced
set output "$results/throughput.png"
set title "DualRail load phases: responses with the expected status per second (log scale; everything on one $(nproc)-core machine)"
set style data histograms
set style fill solid 0.8
set logscale y
set ylabel "per second"
set xtics rotate by -25
set grid ytics
set boxwidth 0.7
plot "$results/chart.dat" using 2:xtic(1) title "req/s" lc rgb "#2b6cb0"
GNUPLOT
step_done "chart"

# --- RESULTS.md ---
commit=$(git rev-parse --short HEAD)
# the outputs this script rewrites do not count as changes to what was measured
dirty=$(git status --porcelain --untracked-files=no -- . ':!bench/results' ':!bench/RESULTS.md' | grep -q . && echo " (with uncommitted changes)" || true)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
mem=$(free -h | awk '/^Mem:/ {print $2}')
elapsed=$(( $(date -u +%s) - started ))
verdict=$([ "$elapsed" -le $((budget_minutes * 60)) ] && echo "within" || echo "OVER")
# a shorter --duration than the default: what the default would have added (each wrk phase runs that much longer)
wrk_phases=$(find "$results/raw" -name '*.wrk.txt' | wc -l)
estimate=
if [ "$duration" -lt 10 ]; then
  at_default=$((elapsed + wrk_phases * (10 - duration)))
  estimate="With the default --duration 10 its $wrk_phases wrk phases would have run $((wrk_phases * (10 - duration))) s longer: about $((at_default / 60)) min $((at_default % 60)) s in all."
fi
{
  echo "# DualRail benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\`$dirty; the run took $((elapsed / 60)) min $((elapsed % 60)) s,"
  echo "$verdict issue 7's budget of $budget_minutes minutes for a fresh machine (installs and builds included when the machine needed them):"
  echo
  echo "| step | seconds |"
  echo "|---|---:|"
  for s in "${steps[@]}"; do echo "| ${s%|*} | ${s##*|} |"; done
  echo "| **total** | **$elapsed** |"
  echo
  if [ -n "$estimate" ]; then echo "$estimate"; echo; fi
  echo "Every number below comes from that run; raw outputs are in [results/](results/)."
  echo
  echo "**Machine:** $(nproc) cores ($cpu), $mem memory, $(uname -sr), .NET $(dotnet --version), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), Node $(node --version)."
  echo
  echo "**Load on the machine.** Everything runs on these $(nproc) cores, wrk included; the load average (below, and"
  echo "around every phase in the tables) shows how busy they were. Other work on the machine makes a phase measure"
  echo "less, and noisier, than an idle machine would; when the load changed between phases, even the ratios carry that noise."
  echo
  echo '```'
  echo "start:               $(cat "$results/raw/uptime-start.txt")"
  echo "after load phases:   $(cat "$results/raw/uptime-after-load.txt")"
  echo "before micro:        $(cat "$results/raw/uptime-before-micro.txt")"
  echo "after micro:         $(cat "$results/raw/uptime-after-micro.txt")"
  echo '```'
  echo
  echo "## Commands"
  echo
  echo '```sh'
  echo "bench/run.sh --duration $duration"
  echo "# which runs:"
  echo "$load_cmd"
  echo "$micro_cmd"
  echo '```'
  echo
  echo "Each wrk phase: \`wrk -t2 -c16 -d${duration}s --timeout 30s --latency -s bench/load/paid.lua URL\` (one connection for (e1)),"
  echo "each request carrying its own pre-made payment header from a file (\`WRK_HEADERS_FILE\`), none sent twice."
  echo
  echo "**What runs, and how.** The orchestrator (DualRail.LoadBench) only prepares proofs, drives wrk and checks;"
  echo "what is measured runs as the processes a user runs, from the Release build (every command line, with its"
  echo "environment, is in [results/raw/loadbench.log](results/raw/loadbench.log)):"
  echo "\`dotnet src/DualRail.Cli/bin/Release/net10.0/dualrail.dll serve --host 127.0.0.1 --port 0 --ledger FILE\` configured"
  echo "through the environment as the README's Configuration section says (\`DualRail__Evm__*\`, \`DualRail__Lightning__*\`,"
  echo "\`DualRail__Demo__Settlement\`, ...), serving its own routes \`GET /api/free\` (ungated) and \`GET /api/demo\`;"
  echo "\`dualrail facilitator --urls http://127.0.0.1:PORT\` (\`DualRail__Facilitator__*\`, the relayer key from a file);"
  echo "the LND simulator, \`dotnet regtest/DualRail.LndSim/bin/Release/net10.0/DualRail.LndSim.dll --data-dir DIR\`; Anvil"
  echo "(chain id 84532, the test token at Base Sepolia's USDC address); and"
  echo "for (e), (e1) the reference server and facilitator, the Node scripts of tests/interop. The settlement phases"
  echo "run \`dualrail facilitator\` as a process too, but the server's ledger and settlement worker inside the orchestrator"
  echo "(no HTTP is involved there: the backlog is queued straight into that ledger)."
  echo
  echo "**One server process per phase**, not one for all of (a)–(d): every measured phase starts on a fresh chain"
  echo "(Anvil slows down as its chain grows) with a fresh facilitator, LND simulator and server ledger, and no"
  echo "settlement backlog left by the phase before. (a)–(d) run the same server configuration, both rails selling"
  echo "\`GET /api/demo\`; (d) differs only in \`DualRail__Demo__Settlement=Sync\`. Each 402-challenge phase sells on its"
  echo "one rail, so it measures that rail's terms alone. The checks read the server's SQLite ledger file and the chain."
  echo "The server and facilitator log to the console at Warning (\`Logging__LogLevel__Default=Warning\`; the"
  echo "default is Information) so that console output is not what the load measures."
  echo "Price: \$0.01 (10000 atomic USDC) on EVM, 10 sat on Lightning (\`DualRail__ExchangeRates__UsdPerBtc=100000\`)."
  echo
  echo "## Load, 402 challenge and settlement"
  echo
  echo "![throughput](results/throughput.png)"
  echo
  cat "$results/load.md"
  echo
  echo "## Microbenchmarks (BenchmarkDotNet, ShortRun)"
  echo
  found=
  for f in "$results"/micro/results/*-report-github.md; do
    [ -e "$f" ] || continue
    found=yes
    echo "### $(basename "$f" -report-github.md | sed 's/^DualRail\.Benchmarks\.//')"
    echo
    sed -n '/^|/,$p' "$f"
    echo
  done
  [ -n "$found" ] || echo "(BenchmarkDotNet produced no report: see results/raw/micro.log)"
  echo
  if [ -f bench/ANALYSIS.md ]; then cat bench/ANALYSIS.md; fi
} > bench/RESULTS.md
rm -rf "$results"/micro/bin "$results"/micro/obj 2>/dev/null || true
echo "bench/RESULTS.md written (load orchestrator exit $load_status)"
echo "bench/run.sh took $((elapsed / 60)) min $((elapsed % 60)) s: $verdict the $budget_minutes-minute budget"
if [ -n "$estimate" ]; then echo "$estimate"; fi
exit "$load_status"
